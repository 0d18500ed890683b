/** Cross-reference checks of a plan's forecast section: every id it names must exist in the plan. */
import { closest } from '../common/similar.js';
import type { PathProblem } from '../plan/check.js';
import type { Plan } from '../plan/schema.js';
import type { Scenario } from './plan-params.js';

function unknownId(problems: PathProblem[], path: readonly (string | number)[], what: string, id: string, known: ReadonlySet<string>): void {
  if (known.has(id)) return;
  const close = closest(id, known);
  problems.push({ path: [...path], message: `unknown ${what} "${id}"${close === undefined ? '' : ` (did you mean "${close}"?)`}` });
}

/** Every id a scenario's overrides name that the plan does not have (or a gate without parameters), at `at`. */
export function checkScenario(plan: Plan, scenario: Scenario, at: readonly (string | number)[]): readonly PathProblem[] {
  const problems: PathProblem[] = [];
  const criteria = new Set(plan.criteria.map((c) => c.id));
  const stages = new Set(plan.stages.map((s) => s.id));
  const sides = new Set(plan.parties.filter((p) => !p.isJoint).map((p) => p.id));
  const unknown = (path: (string | number)[], what: string, id: string, known: ReadonlySet<string>) => unknownId(problems, path, what, id, known);
  scenario.overrides.forEach((o, k) => {
    const path = [...at, 'overrides', k];
    switch (o.kind) {
      case 'adopt-ratings':
        unknown([...path, 'party'], 'party (not a joint body)', o.party, sides);
        unknown([...path, 'from'], 'party (not a joint body)', o.from, sides);
        o.criteria?.forEach((id, j) => unknown([...path, 'criteria', j], 'criterion', id, criteria));
        return;
      case 'set-rating':
        unknown([...path, 'criterion'], 'criterion', o.criterion, criteria);
        if (o.party !== undefined) unknown([...path, 'party'], 'party (not a joint body)', o.party, sides);
        return;
      case 'delay':
        unknown([...path, 'target'], 'stage or criterion', o.target, new Set([...stages, ...criteria]));
        return;
      case 'gate':
        unknown([...path, 'stage'], 'stage', o.stage, stages);
        if (stages.has(o.stage) && plan.forecast?.stages[o.stage] === undefined) {
          problems.push({ path: [...path, 'stage'], message: `stage "${o.stage}" has no gate parameters under forecast.stages to change` });
        }
        return;
      default:
        return;
    }
  });
  return problems;
}

/** Every referential problem in the plan's forecast section, with its path. */
export function checkForecastParams(plan: Plan): readonly PathProblem[] {
  const params = plan.forecast;
  if (params === undefined) return [];
  const problems: PathProblem[] = [];
  const criteria = new Set(plan.criteria.map((c) => c.id));
  const stages = new Set(plan.stages.map((s) => s.id));
  const unknown = (path: (string | number)[], what: string, id: string, known: ReadonlySet<string>) => unknownId(problems, path, what, id, known);
  const base = ['forecast'];
  Object.keys(params.stages).forEach((id) => unknown([...base, 'stages', id], 'stage', id, stages));
  const grouped = new Map<string, string>();
  params.correlationGroups.forEach((group, g) => {
    group.criteria.forEach((id, k) => {
      unknown([...base, 'correlationGroups', g, 'criteria', k], 'criterion', id, criteria);
      const other = grouped.get(id);
      if (other !== undefined) problems.push({ path: [...base, 'correlationGroups', g, 'criteria', k], message: `criterion "${id}" is already in group "${other}"` });
      grouped.set(id, group.id);
    });
  });
  const scenarioIds = new Set<string>();
  params.scenarios.forEach((scenario, s) => {
    const at = [...base, 'scenarios', s];
    if (scenarioIds.has(scenario.id)) problems.push({ path: [...at, 'id'], message: `duplicate scenario id "${scenario.id}"` });
    scenarioIds.add(scenario.id);
    problems.push(...checkScenario(plan, scenario, at));
  });
  return problems;
}

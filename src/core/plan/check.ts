/**
 * Cross-reference checks of a structurally valid plan: ids unique and resolvable, no dependency
 * cycles, every party has weights and rules that make sense. Returns every problem, not the first.
 */
import type { Plan } from './schema.js';
import { SUBSTEP_KINDS } from './schema.js';
import { closest } from '../common/similar.js';
import { checkForecastParams } from '../forecast/plan-params-check.js';

export interface PathProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

function duplicates(items: readonly { readonly id: string }[], collection: string): PathProblem[] {
  const seen = new Map<string, number>();
  const out: PathProblem[] = [];
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) out.push({ path: [collection, i, 'id'], message: `duplicate id "${item.id}" (first at ${collection}[${first}])` });
    else seen.set(item.id, i);
  });
  return out;
}

/** Find a dependency cycle among criteria, returned as the list of ids around it. */
export function findDependencyCycle(plan: Plan): readonly string[] | undefined {
  const deps = new Map(plan.criteria.map((c) => [c.id, c.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): readonly string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const criterion of plan.criteria) {
    const cycle = visit(criterion.id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Every referential problem in a plan, each with the path of the offending value. */
export function checkPlan(plan: Plan): readonly PathProblem[] {
  const problems: PathProblem[] = [
    ...duplicates(plan.parties, 'parties'),
    ...duplicates(plan.conditions, 'conditions'),
    ...duplicates(plan.criteria, 'criteria'),
    ...duplicates(plan.stages, 'stages'),
    ...duplicates(plan.forums, 'forums'),
    ...duplicates(plan.milestones, 'milestones'),
    ...duplicates(plan.targets, 'targets'),
    ...duplicates(plan.keyDates, 'keyDates'),
    ...duplicates(plan.revisions, 'revisions'),
  ];
  const parties = new Set(plan.parties.map((p) => p.id));
  const conditions = new Set(plan.conditions.map((c) => c.id));
  const criteria = new Set(plan.criteria.map((c) => c.id));
  const forums = new Set(plan.forums.map((f) => f.id));
  const stages = new Set(plan.stages.map((s) => s.id));
  const unknown = (path: (string | number)[], what: string, id: string, known: ReadonlySet<string>) => {
    if (!known.has(id)) problems.push({ path, message: `unknown ${what} "${id}"${hint(id, known)}` });
  };

  if (plan.parties.filter((p) => !p.isJoint).length < 2) {
    problems.push({ path: ['parties'], message: 'a plan needs at least two parties that are not joint bodies' });
  }
  if (plan.parties.filter((p) => p.isJoint).length > 1) {
    problems.push({ path: ['parties'], message: 'at most one party may be a joint body (isJoint: true)' });
  }
  plan.conditions.forEach((condition, i) => {
    Object.keys(condition.weights).forEach((party) => unknown(['conditions', i, 'weights', party], 'party', party, parties));
    if (!plan.criteria.some((c) => c.conditionId === condition.id)) {
      problems.push({ path: ['conditions', i], message: `condition "${condition.id}" has no criteria` });
    }
  });
  plan.criteria.forEach((criterion, i) => {
    unknown(['criteria', i, 'conditionId'], 'condition', criterion.conditionId, conditions);
    Object.keys(criterion.weights).forEach((party) => unknown(['criteria', i, 'weights', party], 'party', party, parties));
    criterion.dependsOn.forEach((dep, j) => {
      unknown(['criteria', i, 'dependsOn', j], 'criterion', dep, criteria);
      if (dep === criterion.id) problems.push({ path: ['criteria', i, 'dependsOn', j], message: 'a criterion cannot depend on itself' });
    });
  });
  for (const party of plan.parties) {
    const total = plan.criteria.reduce((sum, c) => sum + (c.weights[party.id] ?? 1), 0);
    if (total === 0) problems.push({ path: ['parties'], message: `every criterion weighs 0 for party "${party.id}"` });
  }
  const cycle = findDependencyCycle(plan);
  if (cycle) {
    const at = plan.criteria.findIndex((c) => c.id === cycle[0]);
    problems.push({ path: ['criteria', at, 'dependsOn'], message: `dependency cycle: ${cycle.join(' → ')}` });
  }
  Object.keys(plan.rollup).forEach((party) => unknown(['rollup', party], 'party', party, parties));
  plan.stages.forEach((stage, i) => {
    stage.requiredCriteria.forEach((id, j) => unknown(['stages', i, 'requiredCriteria', j], 'criterion', id, criteria));
    stage.gate.parties.forEach((id, j) => unknown(['stages', i, 'gate', 'parties', j], 'party', id, parties));
    const kinds = stage.substeps.map((s) => s.kind);
    stage.substeps.forEach((substep, j) => {
      if (kinds.indexOf(substep.kind) !== j) problems.push({ path: ['stages', i, 'substeps', j, 'kind'], message: `sub-step "${substep.kind}" appears twice` });
      substep.forumIds.forEach((id, k) => unknown(['stages', i, 'substeps', j, 'forumIds', k], 'forum', id, forums));
    });
    const order = kinds.map((k) => SUBSTEP_KINDS.indexOf(k));
    if (order.some((v, j) => j > 0 && v < (order[j - 1] ?? 0))) {
      problems.push({ path: ['stages', i, 'substeps'], message: 'sub-steps must be in the order assessment, verification, approval' });
    }
  });
  const orders = plan.stages.map((s) => s.order);
  if (new Set(orders).size !== orders.length) problems.push({ path: ['stages'], message: 'two stages have the same order' });
  plan.milestones.forEach((m, i) => {
    if (m.stageId !== undefined) unknown(['milestones', i, 'stageId'], 'stage', m.stageId, stages);
    if (m.forumId !== undefined) unknown(['milestones', i, 'forumId'], 'forum', m.forumId, forums);
  });
  plan.targets.forEach((t, i) => unknown(['targets', i, 'party'], 'party', t.party, parties));
  plan.revisions.forEach((revision, i) => {
    for (const [oldId, newId] of Object.entries(revision.criterionIdMap)) {
      if (newId !== null) unknown(['revisions', i, 'criterionIdMap', oldId], 'criterion', newId, criteria);
    }
  });
  problems.push(...checkForecastParams(plan));
  return problems;
}

function hint(id: string, known: ReadonlySet<string>): string {
  const close = closest(id, known);
  return close === undefined ? '' : ` (did you mean "${close}"?)`;
}

import { describe, expect, it } from 'vitest';
import { samplePlan } from '../testing/fixtures.js';
import { checkPlan } from '../plan/check.js';
import { checkModel } from './model-check.js';
import { ForecastModelSchema } from './model-schema.js';

const model = (raw: Record<string, unknown>) => ForecastModelSchema.parse({ kind: 'forecast-model', title: 't', ...raw });
const messages = (raw: Record<string, unknown>) => checkModel(model(raw)).map((p) => `${p.path.join('.')}: ${p.message}`);
const met = { kind: 'met' };

describe('forecast model cross-references', () => {
  it('accepts a consistent model', () => {
    expect(messages({ nodes: [{ id: 'a', duration: met }, { id: 'b', duration: met, dependsOn: ['a'] }], correlationGroups: [{ id: 'g', nodes: ['a', 'b'], rankCorrelation: 0.5 }] })).toEqual([]);
  });

  it('reports every problem with its path and a suggestion', () => {
    const found = messages({
      nodes: [
        { id: 'alpha', duration: met, dependsOn: ['alpa', 'alpha'] },
        { id: 'alpha', duration: met },
      ],
      correlationGroups: [
        { id: 'g', nodes: ['alpha', 'zeta'], rankCorrelation: 0.5 },
        { id: 'h', nodes: ['alpha', 'alpha'], rankCorrelation: 0.5 },
      ],
      decision: { after: ['omega'] },
    });
    expect(found).toContain('nodes.1.id: duplicate node id "alpha"');
    expect(found).toContain('nodes.0.dependsOn.0: unknown node "alpa" (did you mean "alpha"?)');
    expect(found).toContain('nodes.0.dependsOn.1: a node cannot depend on itself');
    expect(found).toContain('correlationGroups.0.nodes.1: unknown node "zeta"');
    expect(found).toContain('correlationGroups.1.nodes.0: node "alpha" is already in group "g"; a node belongs to at most one group');
    expect(found).toContain('correlationGroups.1.nodes.1: node "alpha" is listed twice');
    expect(found).toContain('decision.after.0: unknown node "omega"');
  });

  it('finds dependency cycles', () => {
    const found = messages({ nodes: [{ id: 'a', duration: met, dependsOn: ['c'] }, { id: 'b', duration: met, dependsOn: ['a'] }, { id: 'c', duration: met, dependsOn: ['b'] }] });
    expect(found.some((m) => m.includes('dependency cycle: a → c → b → a'))).toBe(true);
  });

  it('rejects structural mistakes in the schema', () => {
    const bad = ForecastModelSchema.safeParse({ kind: 'forecast-model', title: 't', nodes: [{ id: 'a', duration: { kind: 'lognormal', p5Days: 10, p95Days: 5 }, gate: { verification: met, failureProbability: 1.5 } }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['nodes.0.duration.p95Days', 'nodes.0.gate.failureProbability']));
    expect(ForecastModelSchema.safeParse({ kind: 'forecast-model', title: 't', nodes: [] }).success).toBe(false);
    expect(ForecastModelSchema.safeParse({ kind: 'forecast-model', title: 't', nodes: [{ id: 'a', duration: met }], colour: 'red' }).success).toBe(false);
  });
});

describe('the plan’s forecast section', () => {
  it('names only criteria, stages and parties the plan has', () => {
    const plan = samplePlan({
      forecast: {
        remainingByRating: { notMet: { p5Days: 1, p95Days: 2 }, partly: { p5Days: 1, p95Days: 2 }, largely: { p5Days: 1, p95Days: 2 }, unrated: { p5Days: 1, p95Days: 2 } },
        stages: { 'S-9': { verification: met } },
        correlationGroups: [{ id: 'g', criteria: ['C1.a', 'C1.zz'], rankCorrelation: 0.2 }, { id: 'h', criteria: ['C1.a', 'C2.a'], rankCorrelation: 0.2 }],
        scenarios: [
          { id: 's', title: 'S', overrides: [{ kind: 'adopt-ratings', party: 'J', from: 'Q' }, { kind: 'delay', target: 'S-1x', days: 3 }, { kind: 'set-rating', criterion: 'C1.a', rating: 3 }] },
          { id: 's', title: 'again', overrides: [{ kind: 'gate', stage: 'S-2' }, { kind: 'gate', stage: 'S-1' }] },
        ],
      },
    });
    const found = checkPlan(plan).map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(found).toEqual([
      'forecast.stages.S-9: unknown stage "S-9" (did you mean "S-1"?)',
      'forecast.correlationGroups.0.criteria.1: unknown criterion "C1.zz"',
      'forecast.correlationGroups.1.criteria.0: criterion "C1.a" is already in group "g"',
      'forecast.scenarios.0.overrides.0.party: unknown party (not a joint body) "J"',
      'forecast.scenarios.0.overrides.0.from: unknown party (not a joint body) "Q"',
      'forecast.scenarios.0.overrides.1.target: unknown stage or criterion "S-1x" (did you mean "S-1"?)',
      'forecast.scenarios.1.id: duplicate scenario id "s"',
      'forecast.scenarios.1.overrides.0.stage: unknown stage "S-2" (did you mean "S-1"?)',
      'forecast.scenarios.1.overrides.1.stage: stage "S-1" has no gate parameters under forecast.stages to change',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { GateRecord } from '../ledger/schema.js';
import type { Plan } from '../plan/schema.js';
import { checkPlan } from '../plan/check.js';
import { assessment, ledgerOf, samplePlan, source } from '../testing/fixtures.js';
import { compileModel } from './compile.js';
import { runForecastModel } from './engine.js';
import { COMBINED_VIEW, CONDITIONS_MET, forecastViews, planForecastContext, planForecastModel, type PlanForecastContext } from './plan-model.js';

const base = samplePlan();
const stageTwo = {
  id: 'S-2',
  title: 'Second stage',
  order: 2,
  description: 'Second',
  requiredCriteria: ['C1.a', 'C1.b', 'C2.a'],
  gate: { parties: ['A', 'B'] },
  substeps: [{ kind: 'assessment' }, { kind: 'verification' }, { kind: 'approval', forumIds: ['F'] }],
  sourceIds: ['S1'],
};
const fixed = (days: number) => ({ kind: 'fixed', days });
const plan: Plan = samplePlan({
  stages: [...base.stages, stageTwo],
  forums: [{ id: 'F', name: 'Forum', level: 'ministerial', cadence: 'annual', role: 'approves', usualMonths: [10], sourceIds: ['S1'] }],
  forecast: {
    remainingByRating: {
      notMet: { p5Days: 400, p95Days: 3600 },
      partly: { p5Days: 200, p95Days: 1800 },
      largely: { p5Days: 100, p95Days: 900 },
      unrated: { p5Days: 150, p95Days: 1500 },
    },
    verificationMonths: [3, 8],
    stages: { 'S-1': { verification: fixed(10) }, 'S-2': { verification: fixed(20), failureProbability: 0.1, rework: fixed(100) } },
    decision: {
      military: { delay: fixed(30) },
      political: { delay: fixed(60), politicalDecision: { periodDays: 90, probabilityPerPeriod: 0.5 } },
    },
    correlationGroups: [{ id: 'g', criteria: ['C2.a', 'C2.b'], rankCorrelation: 0.3 }],
    scenarios: [
      { id: 'b-adopts-a', title: 'B accepts A', overrides: [{ kind: 'adopt-ratings', party: 'B', from: 'A' }] },
      { id: 'a-met', title: 'C1.a met', overrides: [{ kind: 'set-rating', criterion: 'C1.a', rating: 3 }] },
      { id: 'slip', title: 'S-2 slips', overrides: [{ kind: 'delay', target: 'S-2', days: 365 }] },
      { id: 'decide-2027', title: 'Decision in 2027', overrides: [{ kind: 'political-decision', period: '2027' }] },
      { id: 'political', title: 'Political level', overrides: [{ kind: 'escalation-level', level: 'political' }] },
      { id: 'harder', title: 'Harder gate', overrides: [{ kind: 'gate', stage: 'S-2', failureProbability: 0.9 }] },
    ],
  },
});
const gate = (id: string, stageId: string, substep: GateRecord['substep'], status: GateRecord['status'], date: string): GateRecord => ({
  kind: 'gate-record', id, stageId, substep, status, date, verdicts: {}, description: 'test', sourceIds: ['S1'], releasability: 'PUBLIC', recordedAt: `${date}T12:00:00Z`,
});
const ledger = ledgerOf({
  sources: [source('S1', '2017-01-01')],
  assessments: [
    assessment('a1', 'A', 'C1.a', '2025-06-01', 2, { confidence: 1 }),
    assessment('b1', 'B', 'C1.a', '2025-06-01', 1, { confidence: 1 }),
    assessment('a2', 'A', 'C1.b', '2025-06-01', 3),
    assessment('b2', 'B', 'C1.b', '2025-06-01', 3),
    assessment('a3', 'A', 'C2.a', '2025-06-01', 2),
  ],
  gateRecords: [gate('g1', 'S-1', 'verification', 'completed', '2024-05-01'), gate('g2', 'S-2', 'verification', 'in-progress', '2026-03-01')],
});
const AS_OF = '2026-06-01';
function context(): PlanForecastContext {
  const ctx = planForecastContext(plan, ledger, { kind: 'scope', asOf: AS_OF, knownAt: `${AS_OF}T23:59:59.999Z`, audience: 'all' });
  if (!ctx.ok) throw new Error(ctx.error.message);
  return ctx.value;
}
const scenario = (id: string) => plan.forecast!.scenarios.find((s) => s.id === id)!;
const node = (model: ReturnType<typeof planForecastModel>['model'], id: string) => model.nodes.find((n) => n.id === id)!;

describe('the plan-derived model', () => {
  it('is a valid plan with a forecast section', () => {
    expect(checkPlan(plan)).toEqual([]);
    expect(forecastViews(plan)).toEqual(['A', 'B', COMBINED_VIEW]);
  });

  it('refuses a plan without a forecast section', () => {
    const r = planForecastContext(samplePlan(), ledger, { kind: 'scope', asOf: AS_OF, knownAt: `${AS_OF}T23:59:59.999Z`, audience: 'all' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/no forecast section/);
  });

  it('derives each criterion from the view’s own ratings', () => {
    const ctx = context();
    const a = planForecastModel(ctx, 'A', null);
    expect(a.derivations.map((d) => [d.criterionId, d.rule, d.rating])).toEqual([
      ['C1.a', 'rating', 2],
      ['C1.b', 'met', 3],
      ['C2.a', 'rating', 2],
      ['C2.b', 'unrated', null],
    ]);
    expect(node(a.model, 'C1.a')).toMatchObject({ elapsedDays: 365, dependency: 'not-before' });
    expect(node(a.model, 'C1.b').duration).toEqual({ kind: 'met' });
    expect(node(a.model, 'C1.b').dependsOn).toEqual(['C1.a']);
    const b = planForecastModel(ctx, 'B', null);
    expect(b.derivations.map((d) => d.rating)).toEqual([1, 3, null, null]);
  });

  it('takes the lower rating in the combined view, and unrated unless every side has rated', () => {
    const combined = planForecastModel(context(), COMBINED_VIEW, null);
    expect(combined.derivations.map((d) => [d.party, d.rating])).toEqual([['B', 1], ['A', 3], [null, null], [null, null]]);
  });

  it('models stages: a complete one is met; a verification under way waits for no window; approval waits for the forum', () => {
    const { model } = planForecastModel(context(), 'A', null);
    expect(node(model, 'S-1')).toMatchObject({ duration: { kind: 'met' }, dependsOn: [] });
    const verification = node(model, 'S-2.verification');
    expect(verification.dependsOn).toEqual(['S-1']);
    expect(verification.gate).toMatchObject({ verification: { kind: 'fixed', days: 20 }, failureProbability: 0.1 });
    expect(verification.gate?.verificationMonths).toBeUndefined();
    expect(node(model, 'S-2')).toMatchObject({ dependsOn: ['S-2.verification', 'C1.a', 'C1.b', 'C2.a'], dependency: 'not-before', gate: { approvalMonths: [10] } });
    expect(node(model, CONDITIONS_MET)).toMatchObject({ isMilestone: true, dependsOn: ['C1.a', 'C1.b', 'C2.a'] });
    expect(model.decision.after).toEqual(['S-2', 'C2.b']);
    expect(model.correlationGroups).toEqual([{ id: 'g', nodes: ['C2.a', 'C2.b'], rankCorrelation: 0.3 }]);
    expect(model.dates).toEqual([{ date: '2028-12-31', label: 'End of 2028' }]);
  });

  it('uses the decision delay of the picture’s escalation level', () => {
    const { model, escalationLevel } = planForecastModel(context(), 'A', null);
    expect(escalationLevel).toBe('military');
    expect(model.decision.delay).toEqual({ kind: 'fixed', days: 30 });
    expect(model.decision.political).toBeUndefined();
  });

  it('applies scenario overrides', () => {
    const ctx = context();
    expect(planForecastModel(ctx, 'B', scenario('b-adopts-a')).derivations).toEqual(planForecastModel(ctx, 'A', null).derivations);
    expect(node(planForecastModel(ctx, 'B', scenario('a-met')).model, 'C1.a').duration).toEqual({ kind: 'met' });
    expect(node(planForecastModel(ctx, 'A', scenario('slip')).model, 'S-2.verification').delayDays).toBe(365);
    expect(planForecastModel(ctx, 'A', scenario('decide-2027')).model.decision.political).toEqual({ kind: 'window', from: '2027-01-01', to: '2027-12-31' });
    const political = planForecastModel(ctx, 'A', scenario('political'));
    expect(political.escalationLevel).toBe('political');
    expect(political.model.decision).toMatchObject({ delay: { kind: 'fixed', days: 60 }, political: { kind: 'hazard', periodDays: 90, probabilityPerPeriod: 0.5 } });
    expect(node(planForecastModel(ctx, 'A', scenario('harder')).model, 'S-2.verification').gate?.failureProbability).toBe(0.9);
  });

  it('compiles and runs; here adopting A’s better ratings brings every quantile of the transfer forward', async () => {
    const ctx = context();
    const run = async (s: string | null) => {
      const compiled = compileModel(planForecastModel(ctx, 'B', s === null ? null : scenario(s)).model, AS_OF);
      if (!compiled.ok) throw new Error(compiled.error.message);
      return runForecastModel(compiled.value, { seed: 4, iterations: 5000 });
    };
    const [baseline, adopted] = [await run(null), await run('b-adopts-a')];
    expect(baseline.milestones.map((m) => m.id)).toEqual([CONDITIONS_MET]);
    for (let k = 0; k < baseline.final.quantiles.length; k++) {
      expect(adopted.final.quantiles[k]!.days).toBeLessThanOrEqual(baseline.final.quantiles[k]!.days);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from './compile.js';
import { runForecastModel } from './engine.js';
import { ForecastModelSchema, type ForecastModel } from './model-schema.js';

const distributionArb = fc.oneof(
  fc.record({ lo: fc.integer({ min: 1, max: 300 }), span: fc.integer({ min: 1, max: 900 }) }).map(({ lo, span }) => ({ kind: 'lognormal', p5Days: lo, p95Days: lo + span })),
  fc.record({ lo: fc.integer({ min: 0, max: 300 }), a: fc.integer({ min: 0, max: 300 }), b: fc.integer({ min: 1, max: 300 }) }).map(({ lo, a, b }) => ({ kind: 'pert', minDays: lo, modeDays: lo + a, maxDays: lo + a + b })),
  fc.record({ lo: fc.integer({ min: 0, max: 300 }), a: fc.integer({ min: 0, max: 300 }), b: fc.integer({ min: 1, max: 300 }) }).map(({ lo, a, b }) => ({ kind: 'triangular', minDays: lo, modeDays: lo + a, maxDays: lo + a + b })),
  fc.record({ lo: fc.integer({ min: 0, max: 300 }), span: fc.integer({ min: 1, max: 600 }) }).map(({ lo, span }) => ({ kind: 'uniform', minDays: lo, maxDays: lo + span })),
  fc.integer({ min: 0, max: 400 }).map((days) => ({ kind: 'fixed', days })),
  fc.constant({ kind: 'met' }),
);
const monthsArb = fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }), { nil: undefined });

const modelArb = fc.integer({ min: 1, max: 6 }).chain((count) =>
  fc
    .record({
      nodes: fc.tuple(
        ...Array.from({ length: count }, (_, i) =>
          fc.record({
            duration: distributionArb,
            deps: fc.subarray(Array.from({ length: i }, (_, k) => `n${k}`)),
            isNotBefore: fc.boolean(),
            elapsedDays: fc.integer({ min: 0, max: 200 }),
            gate: fc.option(
              fc.record({ verification: distributionArb, failureProbability: fc.double({ min: 0, max: 1, noNaN: true }), rework: distributionArb, verificationMonths: monthsArb, approvalMonths: monthsArb }),
              { nil: undefined },
            ),
          }),
        ),
      ),
      political: fc.option(fc.record({ periodDays: fc.integer({ min: 1, max: 120 }), probabilityPerPeriod: fc.double({ min: 0.05, max: 1, noNaN: true }) }), { nil: undefined }),
      delay: distributionArb,
      rho: fc.double({ min: 0, max: 0.95, noNaN: true }),
    })
    .map(({ nodes, political, delay, rho }): ForecastModel =>
      ForecastModelSchema.parse({
        kind: 'forecast-model',
        title: 'random',
        dates: ['2026-06-30', '2027-01-01', '2028-01-01'],
        nodes: nodes.map((n, i) => ({
          id: `n${i}`,
          duration: n.duration,
          dependsOn: n.deps,
          dependency: n.isNotBefore ? 'not-before' : 'finish-to-start',
          elapsedDays: n.elapsedDays,
          isMilestone: i === 0,
          ...(n.gate === undefined
            ? {}
            : {
                gate: {
                  verification: n.gate.verification,
                  failureProbability: n.gate.failureProbability,
                  rework: n.gate.rework,
                  ...(n.gate.verificationMonths ? { verificationMonths: n.gate.verificationMonths } : {}),
                  ...(n.gate.approvalMonths ? { approvalMonths: n.gate.approvalMonths } : {}),
                },
              }),
        })),
        correlationGroups: count >= 2 ? [{ id: 'g', nodes: ['n0', `n${count - 1}`], rankCorrelation: rho }] : [],
        decision: { delay, ...(political ? { political: { kind: 'hazard', ...political } } : {}) },
      }),
    ),
);

const ascending = (values: readonly number[]) => values.every((v, i) => i === 0 || v >= values[i - 1]!);
// Node quantiles come from log-linear histograms (within 0.1%); allow for that when comparing them.
const atLeast = (a: number, b: number) => a >= b * (1 - 0.002) - 1e-6;

describe('forecast invariants over random models', () => {
  it('quantiles and probabilities are ordered, shares are shares, and nothing finishes before what it waits for', async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), async (model, seed) => {
        const compiled = compileModel(model, '2026-01-01');
        if (!compiled.ok) throw new Error(compiled.error.message);
        const run = await runForecastModel(compiled.value, { seed, iterations: 1500 });
        expect(ascending(run.final.quantiles.map((q) => q.days))).toBe(true);
        expect(ascending(run.final.sCurve.map((q) => q.days))).toBe(true);
        expect(ascending(run.final.probabilities.map((p) => p.probability))).toBe(true);
        for (const p of run.final.probabilities) expect(p.probability).toBeGreaterThanOrEqual(0);
        for (const p of run.final.probabilities) expect(p.probability).toBeLessThanOrEqual(1);
        for (const n of run.nodes) {
          expect(n.criticality).toBeGreaterThanOrEqual(0);
          expect(n.criticality).toBeLessThanOrEqual(1);
          expect(ascending(n.quantiles.map((q) => q.days))).toBe(true);
        }
        for (const s of run.sensitivity) expect(Math.abs(s.rankCorrelation)).toBeLessThanOrEqual(1);
        expect(run.final.histogram.bins.reduce((sum, b) => sum + b.count, 0) + run.final.histogram.beyondCount).toBe(1500);
        model.nodes.forEach((node, i) => {
          for (const dep of node.dependsOn) {
            const k = model.nodes.findIndex((n) => n.id === dep);
            run.nodes[i]!.quantiles.forEach((q, j) => expect(atLeast(q.days, run.nodes[k]!.quantiles[j]!.days)).toBe(true));
          }
        });
        // The final event comes after every node (each is upstream of a node the decision waits for).
        for (const node of run.nodes) run.final.quantiles.forEach((q, j) => expect(atLeast(q.days, node.quantiles[j]!.days)).toBe(true));
      }),
      { numRuns: 60 },
    );
  });
});

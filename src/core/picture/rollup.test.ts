import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../ledger/schema.js';
import { samplePlan } from '../testing/fixtures.js';
import { combineReadiness, rollUp } from './rollup.js';

const [c1, c2, c3] = samplePlan().criteria;
const item = (weight: number, rating: Rating | null) => ({ criterion: c1!, weight, rating });

describe('roll-up', () => {
  it('weighted mean uses each weight and ignores unassessed criteria, reporting coverage', () => {
    const r = rollUp([item(2, 3), item(1, 0), item(1, null)], { kind: 'weighted-mean', metThresholdPct: 100 });
    expect(r.readinessPct).toBeCloseTo((2 * 1 + 1 * 0) / 3 * 100);
    expect(r.coveragePct).toBeCloseTo(75);
    expect(r.isMet).toBe(false);
    expect(r.metCount).toBe(1);
  });
  it('a weighted mean is met only when fully rated and at the threshold', () => {
    expect(rollUp([item(1, 3), item(1, 2)], { kind: 'weighted-mean', metThresholdPct: 80 }).isMet).toBe(true);
    expect(rollUp([item(1, 3), item(1, 2)], { kind: 'weighted-mean', metThresholdPct: 90 }).isMet).toBe(false);
    expect(rollUp([item(1, 3), item(1, null)], { kind: 'weighted-mean', metThresholdPct: 50 }).isMet).toBe(false);
  });
  it('all-met counts only met criteria and needs every one', () => {
    const r = rollUp([{ criterion: c1!, weight: 1, rating: 3 }, { criterion: c2!, weight: 3, rating: 2 }, { criterion: c3!, weight: 1, rating: 3 }], { kind: 'all-met' });
    expect(r.readinessPct).toBeCloseTo(40);
    expect(r.isMet).toBe(false);
    expect(rollUp([item(1, 3), item(5, 3)], { kind: 'all-met' }).isMet).toBe(true);
  });
  it('nothing assessed gives no readiness rather than zero', () => {
    expect(rollUp([item(1, null)], { kind: 'weighted-mean', metThresholdPct: 100 }).readinessPct).toBeNull();
    expect(rollUp([item(1, null)], { kind: 'all-met' }).readinessPct).toBeNull();
  });
  it('raising one rating never lowers readiness', () => {
    const ratingArb = fc.option(fc.constantFrom<Rating>(0, 1, 2, 3), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), ratingArb), { minLength: 1, maxLength: 8 }), fc.nat(), fc.boolean(), (pairs, at, isAllMet) => {
        const rule = isAllMet ? ({ kind: 'all-met' } as const) : ({ kind: 'weighted-mean', metThresholdPct: 100 } as const);
        const items = pairs.map(([w, r]) => item(w, r));
        const i = at % items.length;
        const current = items[i]!.rating;
        if (current === null || current === 3) return;
        const raised = items.map((it, j) => (j === i ? { ...it, rating: (current + 1) as Rating } : it));
        const before = rollUp(items, rule).readinessPct ?? 0;
        const after = rollUp(raised, rule).readinessPct ?? 0;
        expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
    );
  });
  it('combines conditions by weight and counts met conditions', () => {
    const met = rollUp([item(1, 3)], { kind: 'all-met' });
    const half = rollUp([item(1, 3), item(1, 0)], { kind: 'weighted-mean', metThresholdPct: 100 });
    const none = rollUp([item(1, null)], { kind: 'weighted-mean', metThresholdPct: 100 });
    const c = combineReadiness([{ weight: 1, readiness: met }, { weight: 3, readiness: half }, { weight: 1, readiness: none }]);
    expect(c.readinessPct).toBeCloseTo((100 + 3 * 50) / 4);
    expect(c.conditionsMet).toBe(1);
    expect(c.conditionsCount).toBe(3);
  });
});

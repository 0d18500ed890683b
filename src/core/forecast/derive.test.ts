import { describe, expect, it } from 'vitest';
import { deriveTimeToMet, type RatingEvidence } from './derive.js';
import { ForecastParamsSchema, type ForecastParams } from './plan-params.js';
import { Z90 } from './normal.js';

const params: ForecastParams = ForecastParamsSchema.parse({
  remainingByRating: {
    notMet: { p5Days: 400, p95Days: 3600 },
    partly: { p5Days: 200, p95Days: 1800 },
    largely: { p5Days: 100, p95Days: 900 },
    unrated: { p5Days: 150, p95Days: 1500 },
  },
  confidenceWidening: 1,
  pace: { minSpanDays: 365, weight: 0.5, stalledFactor: 1.5, minFactor: 0.5, maxFactor: 3 },
});
const evidence = (extra: Partial<RatingEvidence>): RatingEvidence => ({ party: 'A', rating: 2, confidence: 1, assessedOn: '2026-01-01', history: [], ...extra });
const medianOf = (d: ReturnType<typeof deriveTimeToMet>) => (d.duration.kind === 'lognormal' ? Math.sqrt(d.duration.p5Days * d.duration.p95Days) : Number.NaN);
const sigmaOf = (d: ReturnType<typeof deriveTimeToMet>) => (d.duration.kind === 'lognormal' ? Math.log(d.duration.p95Days / d.duration.p5Days) / (2 * Z90) : Number.NaN);

describe('deriving time to met from an assessment', () => {
  it('a criterion rated met takes no time', () => {
    const d = deriveTimeToMet(params, 'c', evidence({ rating: 3 }), '2026-06-01');
    expect(d.rule).toBe('met');
    expect(d.duration).toEqual({ kind: 'met' });
  });

  it('uses the rating’s interval at full confidence, and counts time since the assessment as elapsed', () => {
    const d = deriveTimeToMet(params, 'c', evidence({}), '2026-03-02');
    expect(d.rule).toBe('rating');
    expect(medianOf(d)).toBeCloseTo(300, 6);
    expect(d.duration).toMatchObject({ p5Days: expect.closeTo(100, 6), p95Days: expect.closeTo(900, 6) });
    expect(d.elapsedDays).toBe(60);
    expect(medianOf(deriveTimeToMet(params, 'c', evidence({ rating: 0 }), '2026-01-01'))).toBeCloseTo(1200, 6);
  });

  it('widens the spread as confidence falls, keeping the median', () => {
    const sure = deriveTimeToMet(params, 'c', evidence({ confidence: 1 }), '2026-01-01');
    const unsure = deriveTimeToMet(params, 'c', evidence({ confidence: 0.4 }), '2026-01-01');
    // The bounds are rounded to a hundredth of a day.
    expect(sigmaOf(unsure) / sigmaOf(sure)).toBeCloseTo(1.6, 4);
    expect(medianOf(unsure)).toBeCloseTo(medianOf(sure), 2);
  });

  it('pulls the median towards the time implied by a rising rating', () => {
    // From partly (1) to largely (2) in two years: 0.5 points a year, one point left: 730.5 days.
    const d = deriveTimeToMet(params, 'c', evidence({ history: [{ asOf: '2024-01-01', rating: 1 }, { asOf: '2025-10-01', rating: 2 }] }), '2026-01-01');
    expect(d.pace).toMatchObject({ comparedWith: '2024-01-01', ratingThen: 1, ratingPerYear: 0.5 });
    // 731 days at that pace against a 300-day median, weighted half: √(731 / 300).
    expect(d.paceFactor).toBeCloseTo(Math.sqrt(731 / 300), 4);
    expect(medianOf(d)).toBeCloseTo(300 * d.paceFactor, 1);
  });

  it('slows a rating that has not risen over the span, within the bounds', () => {
    const stalled = deriveTimeToMet(params, 'c', evidence({ history: [{ asOf: '2023-01-01', rating: 2 }] }), '2026-01-01');
    expect(stalled.paceFactor).toBe(1.5);
    expect(medianOf(stalled)).toBeCloseTo(450, 6);
    // Two points in a year leaves half a year: √(182.6 / 300) ≈ 0.78, raised to the 0.9 floor.
    const fast = { ...evidence({ history: [{ asOf: '2025-01-01', rating: 0 }] }) };
    expect(deriveTimeToMet(params, 'c', fast, '2026-01-01').paceFactor).toBeCloseTo(0.78, 2);
    expect(deriveTimeToMet({ ...params, pace: { ...params.pace, minFactor: 0.9 } }, 'c', fast, '2026-01-01').paceFactor).toBe(0.9);
    const tooRecent = deriveTimeToMet(params, 'c', evidence({ history: [{ asOf: '2025-09-01', rating: 1 }] }), '2026-01-01');
    expect(tooRecent.pace).toBeNull();
    expect(tooRecent.paceFactor).toBe(1);
  });

  it('treats a missing rating and a stale one as unrated, from the as-of date', () => {
    const unrated = deriveTimeToMet(params, 'c', evidence({ rating: null, assessedOn: null, confidence: null }), '2026-01-01');
    expect(unrated.rule).toBe('unrated');
    expect(unrated.duration).toEqual({ kind: 'lognormal', p5Days: 150, p95Days: 1500 });
    const stale = deriveTimeToMet(params, 'c', evidence({ assessedOn: '2021-01-01' }), '2026-01-01');
    expect(stale.rule).toBe('stale');
    expect(stale.elapsedDays).toBe(0);
    expect(deriveTimeToMet(params, 'c', evidence({ rating: 3, assessedOn: '2010-01-01' }), '2026-01-01').rule).toBe('met');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ksCritical1Pct, ksStatistic, moments, uniforms } from '../testing/statistics.js';
import { regularizedBeta } from './beta.js';
import { cdfOf, compileDistribution, fillDurations, quantileOf, type CompiledDistribution } from './distributions.js';
import type { Distribution } from './model-schema.js';
import { DistributionSchema } from './model-schema.js';

const N = 50_000;
const spec = (raw: unknown): Distribution => DistributionSchema.parse(raw);
function draw(d: CompiledDistribution, seed: number, elapsedDays = 0): Float64Array {
  const out = new Float64Array(N);
  fillDurations(d, uniforms(seed, N), out, N, elapsedDays);
  return out;
}

const SPECS: readonly Distribution[] = [
  spec({ kind: 'lognormal', p5Days: 90, p95Days: 900 }),
  spec({ kind: 'pert', minDays: 10, modeDays: 40, maxDays: 200 }),
  spec({ kind: 'pert', minDays: 0, modeDays: 0, maxDays: 30, lambda: 2 }),
  spec({ kind: 'triangular', minDays: 5, modeDays: 20, maxDays: 25 }),
  spec({ kind: 'uniform', minDays: 100, maxDays: 400 }),
];

describe('distributions', () => {
  it('fits the lognormal to its 90% interval', () => {
    const d = compileDistribution(spec({ kind: 'lognormal', p5Days: 90, p95Days: 900 }));
    expect(quantileOf(d, 0.05)).toBeCloseTo(90, 8);
    expect(quantileOf(d, 0.95)).toBeCloseTo(900, 8);
    expect(quantileOf(d, 0.5)).toBeCloseTo(Math.sqrt(90 * 900), 8);
  });

  it('samples the lognormal within 1e-6 of its exact quantile, exactly in the tails', () => {
    const d = compileDistribution(spec({ kind: 'lognormal', p5Days: 90, p95Days: 900 }));
    const u = Float64Array.from({ length: 9999 }, (_, i) => (i + 1) / 10_000);
    const out = new Float64Array(u.length);
    fillDurations(d, u, out, u.length);
    u.forEach((p, i) => expect(Math.abs(out[i]! / quantileOf(d, p) - 1)).toBeLessThan(p < 1 / 64 || p > 63 / 64 ? 1e-12 : 1e-6));
  });

  it('gives the Beta-PERT its textbook mean (min + λ·mode + max) / (λ + 2)', () => {
    const d = compileDistribution(spec({ kind: 'pert', minDays: 10, modeDays: 40, maxDays: 200 }));
    expect(moments(draw(d, 11)).mean).toBeCloseTo((10 + 4 * 40 + 200) / 6, 0);
  });

  it('tabulates the PERT CDF within 1e-6 of the exact regularized beta', () => {
    const d = compileDistribution(spec({ kind: 'pert', minDays: 0, modeDays: 25, maxDays: 100 }));
    const [alpha, beta] = [1 + 4 * 0.25, 1 + 4 * 0.75];
    for (let x = 0.5; x < 100; x += 3.7) expect(Math.abs(cdfOf(d, x) - regularizedBeta(x / 100, alpha, beta))).toBeLessThan(1e-6);
  });

  it('knows Beta CDF values', () => {
    expect(regularizedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    // I_x(2, 3) = 6x²/2 − 8x³/3 + 3x⁴/4, times 4 (the Beta(2, 3) normaliser).
    const x = 0.37;
    expect(regularizedBeta(x, 2, 3)).toBeCloseTo(12 * (x ** 2 / 2 - (2 * x ** 3) / 3 + x ** 4 / 4), 12);
  });

  it('passes a Kolmogorov–Smirnov test against its own CDF at fixed seeds', () => {
    SPECS.forEach((s, i) => {
      const d = compileDistribution(s);
      expect(ksStatistic(draw(d, 100 + i), (x) => cdfOf(d, x)), s.kind).toBeLessThan(ksCritical1Pct(N));
    });
  });

  it('inverts: F(Q(u)) = u', () => {
    const compiled = SPECS.map(compileDistribution);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.integer({ min: 0, max: compiled.length - 1 }), (u, k) => {
        const d = compiled[k]!;
        expect(Math.abs(cdfOf(d, quantileOf(d, u)) - u)).toBeLessThan(1e-9);
      }),
    );
  });

  it('conditions on elapsed time: the remainder is T − e given T > e', () => {
    const d = compileDistribution(spec({ kind: 'lognormal', p5Days: 100, p95Days: 1000 }));
    const elapsed = 400;
    const tail = 1 - cdfOf(d, elapsed);
    const remainderCdf = (x: number) => (cdfOf(d, elapsed + x) - cdfOf(d, elapsed)) / tail;
    expect(ksStatistic(draw(d, 7, elapsed), remainderCdf)).toBeLessThan(ksCritical1Pct(N));
  });

  it('treats fixed and met as constants, and elapsed time as spent', () => {
    const fixed = compileDistribution(spec({ kind: 'fixed', days: 30 }));
    expect([...draw(fixed, 1).slice(0, 3)]).toEqual([30, 30, 30]);
    expect([...draw(fixed, 1, 10).slice(0, 3)]).toEqual([20, 20, 20]);
    expect([...draw(compileDistribution(spec({ kind: 'met' })), 1).slice(0, 3)]).toEqual([0, 0, 0]);
    const uniform = compileDistribution(spec({ kind: 'uniform', minDays: 0, maxDays: 10 }));
    expect(Math.max(...draw(uniform, 2, 12))).toBe(0);
  });

  it('rejects malformed specs with the field at fault', () => {
    const bad = DistributionSchema.safeParse({ kind: 'lognormal', p5Days: 50, p95Days: 20 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['p95Days']);
    expect(DistributionSchema.safeParse({ kind: 'uniform', minDays: -1, maxDays: 2 }).success).toBe(false);
    expect(DistributionSchema.safeParse({ kind: 'gamma', shape: 2 }).success).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniforms } from '../testing/statistics.js';
import { addColumn, binEdges, binOf, HISTOGRAM_BINS, histogramQuantile, histogramQuantiles } from './histogram.js';

function exactQuantile(sorted: Float64Array, p: number): number {
  const position = p * (sorted.length - 1);
  const k = Math.floor(position);
  return sorted[k]! + (position - k) * ((sorted[Math.min(k + 1, sorted.length - 1)] ?? 0) - sorted[k]!);
}

describe('log-linear histogram', () => {
  it('puts each value inside its bin, reading the bits as the scalar rule does', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 200 }), (raw) => {
        const values = Float64Array.from(raw);
        const counts = new Int32Array(HISTOGRAM_BINS);
        addColumn(values, values.length, counts, 0);
        const expected = new Int32Array(HISTOGRAM_BINS);
        for (const v of raw) {
          const bin = binOf(v);
          expected[bin]!++;
          const { low, high } = binEdges(bin);
          if (bin > 0 && bin < HISTOGRAM_BINS - 1) {
            expect(v).toBeGreaterThanOrEqual(low);
            expect(v).toBeLessThan(high);
          }
        }
        const nonZero = (c: Int32Array) => [...c.entries()].filter(([, k]) => k > 0);
        expect(nonZero(counts)).toEqual(nonZero(expected));
      }),
      { numRuns: 40 },
    );
  });

  it('reads quantiles within 0.1% of the exact sample quantiles', () => {
    const n = 20_000;
    const u = uniforms(5, n);
    const values = u.map((x) => 30 + 2000 * x * x);
    const counts = new Int32Array(HISTOGRAM_BINS);
    addColumn(values, n, counts, 0);
    const sorted = Float64Array.from(values).sort();
    const ps = [0, 0.05, 0.1, 0.25, 0.5, 0.8, 0.95, 1];
    expect(histogramQuantiles(counts, 0, n, ps)).toEqual(ps.map((p) => histogramQuantile(counts, 0, n, p)));
    for (const p of ps) {
      const exact = exactQuantile(sorted, p);
      expect(Math.abs(histogramQuantile(counts, 0, n, p) - exact) / exact).toBeLessThan(0.001);
    }
  });

  it('counts values near zero as zero', () => {
    const counts = new Int32Array(HISTOGRAM_BINS);
    addColumn(Float64Array.of(0, 0.001, 0, 0), 4, counts, 0);
    expect(counts[0]).toBe(4);
    expect(histogramQuantile(counts, 0, 4, 0.5)).toBe(0);
  });
});

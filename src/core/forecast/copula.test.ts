import { describe, expect, it } from 'vitest';
import { ksCritical1Pct, ksStatistic, spearman, uniforms } from '../testing/statistics.js';
import { correlateColumn, factorLoadings, fillFactorNormals, pearsonForSpearman } from './copula.js';

describe('the one-factor Gaussian copula', () => {
  it('maps Spearman to Pearson by 2·sin(πρ/6)', () => {
    expect(pearsonForSpearman(0)).toBe(0);
    expect(pearsonForSpearman(1)).toBeCloseTo(1, 12);
    expect(pearsonForSpearman(0.5)).toBeCloseTo(0.5176380902050415, 12);
    const { loading, residual } = factorLoadings(0.3);
    expect(loading ** 2 + residual ** 2).toBeCloseTo(1, 12);
  });

  it('gives the asked rank correlation and keeps each column uniform', () => {
    const n = 40_000;
    const factor = new Float64Array(n);
    fillFactorNormals(uniforms(1, n), factor, n);
    const a = uniforms(2, n);
    const b = uniforms(3, n);
    const { loading, residual } = factorLoadings(0.7);
    correlateColumn(a, factor, loading, residual, n);
    correlateColumn(b, factor, loading, residual, n);
    expect(Math.abs(spearman(a, b) - 0.7)).toBeLessThan(0.01);
    expect(ksStatistic(a, (x) => Math.min(1, Math.max(0, x)))).toBeLessThan(ksCritical1Pct(n));
    expect(Math.min(...a)).toBeGreaterThan(0);
    expect(Math.max(...a)).toBeLessThan(1);
  });
});

/**
 * Rank correlation within groups of nodes by a one-factor Gaussian copula: every member's
 * uniform u becomes Φ(√r·w + √(1 − r)·Φ⁻¹(u)) with w a standard normal shared by the group, so
 * each keeps its own distribution and any two have Pearson correlation r between their normal
 * scores, which is Spearman correlation ρ when r = 2·sin(πρ/6).
 */
import { fastNormalQuantile, normalCdf } from './normal.js';

const BELOW_ONE = 1 - 2 ** -53;

/** Pearson correlation of a Gaussian copula that gives Spearman rank correlation ρ: 2·sin(πρ/6). */
export function pearsonForSpearman(rankCorrelation: number): number {
  return 2 * Math.sin((Math.PI * rankCorrelation) / 6);
}

/** The weights of the shared and the own normal factor for a Spearman correlation (0 ≤ ρ < 1). */
export function factorLoadings(rankCorrelation: number): { readonly loading: number; readonly residual: number } {
  const r = pearsonForSpearman(rankCorrelation);
  return { loading: Math.sqrt(r), residual: Math.sqrt(1 - r) };
}

/** Turn n uniforms of the shared factor into standard normals. */
export function fillFactorNormals(factorUniforms: Float64Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = fastNormalQuantile(factorUniforms[i]!);
}

/** Correlate a member's column of uniforms with the shared factor, in place, keeping it strictly inside (0, 1). */
export function correlateColumn(column: Float64Array, factorNormal: Float64Array, loading: number, residual: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const u = normalCdf(loading * factorNormal[i]! + residual * fastNormalQuantile(column[i]!));
    column[i] = u <= 0 ? Number.MIN_VALUE : u >= 1 ? BELOW_ONE : u;
  }
}

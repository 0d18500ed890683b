/** Statistical checks for tests of the forecast kernel. */
import { fillUniform, seedState } from '../forecast/rng.js';

/** Kolmogorov–Smirnov statistic of samples against a CDF: the largest gap between the two. */
export function ksStatistic(samples: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** The KS critical value at the 1% level for n samples (asymptotic). */
export function ksCritical1Pct(n: number): number {
  return 1.628 / Math.sqrt(n);
}

/** A column of seeded uniforms. */
export function uniforms(seed: number, n: number): Float64Array {
  const out = new Float64Array(n);
  fillUniform(seedState(seed), out, 0, n);
  return out;
}

/** Mean and variance of a column. */
export function moments(values: ArrayLike<number>): { readonly mean: number; readonly variance: number } {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const mean = sum / values.length;
  let sq = 0;
  for (let i = 0; i < values.length; i++) sq += (values[i]! - mean) ** 2;
  return { mean, variance: sq / (values.length - 1) };
}

/** Pearson correlation of two columns. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ma = moments(a).mean;
  const mb = moments(b).mean;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Ranks 1…n of a column (ties get their mean rank). */
export function ranks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const out = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    for (let k = start; k <= end; k++) out[order[k]!] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return out;
}

/** Spearman rank correlation of two columns. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return pearson(ranks(a), ranks(b));
}

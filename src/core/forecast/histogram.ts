/**
 * Log-linear histograms of node times (the HDR-histogram layout): 512 linear sub-bins per
 * power of two, read straight from the IEEE bits. Counts are integers, so histograms from
 * different blocks or workers add up to the same result in any order, and a quantile read from
 * one is within 0.1% of the exact sample quantile.
 */

const SUB_BITS = 9;
const SUB_BINS = 1 << SUB_BITS;
/** Times below 2^-8 days (under six minutes) count as zero. */
const MIN_EXPONENT = -8;
/** Times of 2^22 days (11 000 years) or more fall in the overflow bin. */
const MAX_EXPONENT = 22;
const OCTAVES = MAX_EXPONENT - MIN_EXPONENT;

/** Bins per histogram: zero, the log-linear bins, overflow. */
export const HISTOGRAM_BINS = 2 + OCTAVES * SUB_BINS;
const OVERFLOW_BIN = HISTOGRAM_BINS - 1;
const MIN_VALUE = 2 ** MIN_EXPONENT;
const MAX_VALUE = 2 ** MAX_EXPONENT;
const IS_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The bin of a non-negative time in days. */
export function binOf(days: number): number {
  if (!(days >= MIN_VALUE)) return 0;
  if (days >= MAX_VALUE) return OVERFLOW_BIN;
  const exponent = Math.floor(Math.log2(days));
  const mantissa = days / 2 ** exponent - 1;
  return 1 + (exponent - MIN_EXPONENT) * SUB_BINS + Math.min(SUB_BINS - 1, Math.floor(mantissa * SUB_BINS));
}

/** Lower and upper edge of a bin, in days. */
export function binEdges(bin: number): { readonly low: number; readonly high: number } {
  if (bin <= 0) return { low: 0, high: 0 };
  if (bin >= OVERFLOW_BIN) return { low: MAX_VALUE, high: MAX_VALUE };
  const octave = Math.floor((bin - 1) / SUB_BINS);
  const sub = (bin - 1) % SUB_BINS;
  const scale = 2 ** (octave + MIN_EXPONENT);
  return { low: scale * (1 + sub / SUB_BINS), high: scale * (1 + (sub + 1) / SUB_BINS) };
}

/** Add the first n values of a column to `counts[offset … offset + HISTOGRAM_BINS)`. */
export function addColumn(values: Float64Array, n: number, counts: Int32Array, offset: number): void {
  if (!IS_LITTLE_ENDIAN) {
    for (let i = 0; i < n; i++) counts[offset + binOf(values[i]!)]!++;
    return;
  }
  // The high word holds sign, exponent and the top 20 mantissa bits: the bin is a shift away.
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const minBiased = (MIN_EXPONENT + 1023) << SUB_BITS;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let bin: number;
    if (!(v >= MIN_VALUE)) bin = 0;
    else if (v >= MAX_VALUE) bin = OVERFLOW_BIN;
    else bin = 1 + (words[2 * i + 1]! >>> (20 - SUB_BITS)) - minBiased;
    counts[offset + bin]!++;
  }
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of the histogram at `offset` holding `total` values, interpolated
 * linearly within its bin (the same definition as for exact samples: position p·(n − 1)).
 */
export function histogramQuantile(counts: Int32Array, offset: number, total: number, p: number): number {
  if (total === 0) return Number.NaN;
  const target = p * (total - 1);
  let seen = 0;
  for (let bin = 0; bin < HISTOGRAM_BINS; bin++) {
    const c = counts[offset + bin]!;
    if (c === 0) continue;
    if (target < seen + c) {
      const { low, high } = binEdges(bin);
      // Spread the bin's values evenly across it: value k of c sits at low + (k + 0.5)/c of the width.
      return low + ((target - seen + 0.5) / c) * (high - low);
    }
    seen += c;
  }
  return binEdges(OVERFLOW_BIN).low;
}

/** Several quantiles (ascending p) of one histogram in a single pass over its bins. */
export function histogramQuantiles(counts: Int32Array, offset: number, total: number, ps: readonly number[]): number[] {
  if (total === 0) return ps.map(() => Number.NaN);
  const out: number[] = [];
  let q = 0;
  let seen = 0;
  for (let bin = 0; bin < HISTOGRAM_BINS && q < ps.length; bin++) {
    const c = counts[offset + bin]!;
    if (c === 0) continue;
    while (q < ps.length && ps[q]! * (total - 1) < seen + c) {
      const { low, high } = binEdges(bin);
      out.push(low + ((ps[q]! * (total - 1) - seen + 0.5) / c) * (high - low));
      q++;
    }
    seen += c;
  }
  while (out.length < ps.length) out.push(binEdges(OVERFLOW_BIN).low);
  return out;
}

/**
 * Sorting columns of doubles in linear time: an LSD radix sort on the IEEE bit patterns
 * (six 11-bit digits), carrying the original indices so ranks come out of the same pass.
 * Typed-array sort is several times slower at the sizes a forecast needs.
 */

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
/** (word, shift, width) of each digit, least significant first: 11 + 11 + 10 bits of each 32-bit word. */
const DIGITS = [
  [0, 0],
  [0, 11],
  [0, 22],
  [1, 0],
  [1, 11],
  [1, 22],
] as const;

/** The order of `values`: indices such that values[order[k]] ascends (stable for equal values). */
export function argsort(values: Float64Array): Int32Array {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let order = new Int32Array(n);
  // Map each double to an unsigned key that sorts the same way: flip all bits of negatives, the sign bit of the rest.
  for (let i = 0; i < n; i++) {
    const h = bits[2 * i + 1]!;
    const l = bits[2 * i]!;
    const isNegative = h >>> 31 === 1;
    hi[i] = isNegative ? ~h >>> 0 : (h ^ 0x80000000) >>> 0;
    lo[i] = isNegative ? ~l >>> 0 : l;
    order[i] = i;
  }
  const counts = new Int32Array(BUCKETS * DIGITS.length);
  for (let i = 0; i < n; i++) {
    const l = lo[i]!;
    const h = hi[i]!;
    counts[l & MASK]!++;
    counts[BUCKETS + ((l >>> 11) & MASK)]!++;
    counts[2 * BUCKETS + (l >>> 22)]!++;
    counts[3 * BUCKETS + (h & MASK)]!++;
    counts[4 * BUCKETS + ((h >>> 11) & MASK)]!++;
    counts[5 * BUCKETS + (h >>> 22)]!++;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let order2 = new Int32Array(n);
  DIGITS.forEach(([word, shift], pass) => {
    const base = pass * BUCKETS;
    // A digit every key shares moves nothing: skip the pass.
    for (let b = 0; b < BUCKETS; b++) if (counts[base + b] === n) return;
    let offset = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b]!;
      counts[base + b] = offset;
      offset += c;
    }
    const keys = word === 0 ? lo : hi;
    for (let i = 0; i < n; i++) {
      const digit = (keys[i]! >>> shift) & MASK;
      const to = counts[base + digit]!++;
      lo2[to] = lo[i]!;
      hi2[to] = hi[i]!;
      order2[to] = order[i]!;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [order, order2] = [order2, order];
  });
  return order;
}

/** The values in ascending order, as a new array. */
export function sortedCopy(values: Float64Array): Float64Array {
  const n = values.length;
  let isNonNegative = true;
  for (let i = 0; i < n && isNonNegative; i++) isNonNegative = values[i]! >= 0 && !Object.is(values[i], -0);
  if (isNonNegative) return sortNonNegative(values);
  const order = argsort(values);
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = values[order[k]!]!;
  return sorted;
}

/**
 * Non-negative doubles sort as their raw bit patterns, so the values themselves can be moved
 * pass by pass with the digit read from their bits: one 8-byte move per value and pass, no
 * keys or indices to carry (times, the common case, are never negative).
 */
function sortNonNegative(values: Float64Array): Float64Array {
  const n = values.length;
  let from = Float64Array.from(values);
  let to = new Float64Array(n);
  const counts = new Int32Array(BUCKETS * DIGITS.length);
  const bits = new Uint32Array(from.buffer, 0, n * 2);
  for (let i = 0; i < n; i++) {
    const l = bits[2 * i]!;
    const h = bits[2 * i + 1]!;
    counts[l & MASK]!++;
    counts[BUCKETS + ((l >>> 11) & MASK)]!++;
    counts[2 * BUCKETS + (l >>> 22)]!++;
    counts[3 * BUCKETS + (h & MASK)]!++;
    counts[4 * BUCKETS + ((h >>> 11) & MASK)]!++;
    counts[5 * BUCKETS + (h >>> 22)]!++;
  }
  DIGITS.forEach(([word, shift], pass) => {
    const base = pass * BUCKETS;
    for (let b = 0; b < BUCKETS; b++) if (counts[base + b] === n) return;
    let offset = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b]!;
      counts[base + b] = offset;
      offset += c;
    }
    const fromBits = new Uint32Array(from.buffer, 0, n * 2);
    for (let i = 0; i < n; i++) {
      const digit = (fromBits[2 * i + word]! >>> shift) & MASK;
      to[counts[base + digit]!++] = from[i]!;
    }
    [from, to] = [to, from];
  });
  return from;
}

/** The values in ascending order, and each value's rank 1…n with ties given their mean rank. */
export function sortAndRank(values: Float64Array): { readonly sorted: Float64Array; readonly ranks: Float64Array } {
  const n = values.length;
  const order = argsort(values);
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = values[order[k]!]!;
  const ranks = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && sorted[end + 1] === sorted[start]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank;
    start = end + 1;
  }
  return { sorted, ranks };
}

/** Merge ascending runs into one ascending array (pairwise, so every pass streams through memory). */
export function mergeSortedRuns(runs: readonly Float64Array[]): Float64Array {
  let level = runs.filter((r) => r.length > 0);
  if (level.length === 0) return new Float64Array(0);
  while (level.length > 1) {
    const next: Float64Array[] = [];
    for (let k = 0; k < level.length; k += 2) next.push(k + 1 < level.length ? mergeTwo(level[k]!, level[k + 1]!) : level[k]!);
    level = next;
  }
  return level[0]!;
}

function mergeTwo(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

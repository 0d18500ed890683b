/**
 * The seeded generator: xoshiro128** (Blackman and Vigna), 32-bit outputs, with the 2^64 jump
 * that gives non-overlapping streams. A stream is a 4-word state in a Uint32Array; columns of
 * uniforms are filled in place so the hot loop allocates nothing.
 */

const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
const TWO_POW_MINUS_33 = 1.1641532182693481e-10;
const MASK_64 = (1n << 64n) - 1n;

/** A generator state: four 32-bit words, never all zero. */
export type RngState = Uint32Array;

function splitMix64(x: bigint): { readonly next: bigint; readonly output: bigint } {
  const next = (x + 0x9e3779b97f4a7c15n) & MASK_64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return { next, output: z ^ (z >> 31n) };
}

/** The base state of a seed (an unsigned 32-bit integer), expanded with SplitMix64 as the authors advise. */
export function seedState(seed: number): RngState {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed must be an integer in 0…4294967295, got ${seed}`);
  const a = splitMix64(BigInt(seed));
  const b = splitMix64(a.next);
  const state = Uint32Array.of(
    Number(a.output & 0xffffffffn),
    Number(a.output >> 32n),
    Number(b.output & 0xffffffffn),
    Number(b.output >> 32n),
  );
  // SplitMix64 never yields two zero outputs in a row, so the state is never all zero.
  return state;
}

/** A state from four explicit words (for reference vectors). */
export function stateOf(s0: number, s1: number, s2: number, s3: number): RngState {
  return Uint32Array.of(s0, s1, s2, s3);
}

/** Advance a state by one step and return the 32-bit output. */
export function nextUint32(state: RngState): number {
  const s0 = state[0]!;
  const s1 = state[1]!;
  const s2 = state[2]!;
  const s3 = state[3]!;
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  state[1] = s1 ^ n2;
  state[0] = s0 ^ n3;
  state[2] = n2 ^ t;
  state[3] = (n3 << 11) | (n3 >>> 21);
  return result;
}

/** Jump a state 2^64 steps ahead in place: the start of the next independent stream. */
export function jump(state: RngState): void {
  let j0 = 0;
  let j1 = 0;
  let j2 = 0;
  let j3 = 0;
  for (const word of JUMP) {
    for (let bit = 0; bit < 32; bit++) {
      if ((word >>> bit) & 1) {
        j0 ^= state[0]!;
        j1 ^= state[1]!;
        j2 ^= state[2]!;
        j3 ^= state[3]!;
      }
      nextUint32(state);
    }
  }
  state[0] = j0;
  state[1] = j1;
  state[2] = j2;
  state[3] = j3;
}

/** The state of stream `index` of a seed: the base state jumped `index` times. */
export function streamState(seed: number, index: number): RngState {
  const state = seedState(seed);
  for (let i = 0; i < index; i++) jump(state);
  return state;
}

/**
 * Fill `out[start … start+count)` with uniforms in the open interval (0, 1): each is a 32-bit
 * output scaled and centred in its cell, so neither 0 nor 1 ever reaches an inverse CDF.
 */
export function fillUniform(state: RngState, out: Float64Array, start: number, count: number): void {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  const end = start + count;
  for (let i = start; i < end; i++) {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    out[i] = result * TWO_POW_MINUS_32 + TWO_POW_MINUS_33;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

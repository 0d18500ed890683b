import { describe, expect, it } from 'vitest';
import { fillUniform, jump, nextUint32, seedState, stateOf, streamState } from './rng.js';

describe('xoshiro128**', () => {
  it('matches the reference implementation from state (1, 2, 3, 4)', () => {
    // Outputs of the authors' C code (xoshiro128starstar.c) from the same state.
    const state = stateOf(1, 2, 3, 4);
    expect([nextUint32(state), nextUint32(state), nextUint32(state), nextUint32(state)]).toEqual([11520, 0, 5927040, 70819200]);
    jump(state);
    expect([nextUint32(state), nextUint32(state), nextUint32(state), nextUint32(state)]).toEqual([3046317961, 3130903476, 2327035934, 1140626159]);
  });

  it('fills columns with the same sequence as single steps, strictly inside (0, 1)', () => {
    const a = seedState(42);
    const b = seedState(42);
    const column = new Float64Array(1000);
    fillUniform(a, column, 0, 1000);
    for (let i = 0; i < 1000; i++) {
      const u = column[i]!;
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
      expect(u).toBe((nextUint32(b) + 0.5) / 2 ** 32);
    }
    expect([...a]).toEqual([...b]);
  });

  it('gives every seed its own base state and every stream its own start', () => {
    expect([...seedState(1)]).not.toEqual([...seedState(2)]);
    expect([...streamState(7, 0)]).toEqual([...seedState(7)]);
    const s1 = streamState(7, 1);
    const s2 = streamState(7, 2);
    expect([...s1]).not.toEqual([...s2]);
    const manual = seedState(7);
    jump(manual);
    jump(manual);
    expect([...manual]).toEqual([...s2]);
  });

  it('rejects seeds that are not unsigned 32-bit integers', () => {
    expect(() => seedState(-1)).toThrow(/seed/);
    expect(() => seedState(1.5)).toThrow(/seed/);
    expect(() => seedState(2 ** 32)).toThrow(/seed/);
  });

  it('produces uniforms with the right mean and variance', () => {
    const column = new Float64Array(200_000);
    fillUniform(seedState(3), column, 0, column.length);
    let sum = 0;
    let sumSq = 0;
    for (const u of column) {
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / column.length;
    // Standard errors: 1/sqrt(12 n) ≈ 0.00065 for the mean; the bounds are 5 standard errors.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0033);
    expect(Math.abs(sumSq / column.length - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });
});

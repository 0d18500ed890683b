import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ranks } from '../testing/statistics.js';
import { argsort, mergeSortedRuns, sortAndRank, sortedCopy } from './radix-sort.js';

describe('radix sort', () => {
  it('sorts like the built-in sort, negatives, zeros and infinities included', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), (raw) => {
        const values = Float64Array.from(raw);
        const { sorted } = sortAndRank(values);
        const expected = [...raw].sort((a, b) => a - b);
        expect([...sorted].map((v) => (v === 0 ? 0 : v))).toEqual(expected.map((v) => (v === 0 ? 0 : v)));
      }),
    );
  });

  it('is stable and gives mean ranks to ties', () => {
    const values = Float64Array.of(3, 1, 3, 2, 1, 3);
    expect([...argsort(values)]).toEqual([1, 4, 3, 0, 2, 5]);
    expect([...sortAndRank(values).ranks]).toEqual([5, 1.5, 5, 3, 1.5, 5]);
  });

  it('ranks like the reference ranking on many durations', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }).map((d) => d * 30.5), { minLength: 1, maxLength: 500 }), (raw) => {
        const values = Float64Array.from(raw);
        expect([...sortAndRank(values).ranks]).toEqual([...ranks(values)]);
      }),
    );
  });
});

describe('sorting times', () => {
  it('sorts non-negative columns (the fast path) like the built-in sort', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }), { maxLength: 400 }), (raw) => {
        const values = Float64Array.from(raw.map((v) => (Object.is(v, -0) ? 0 : v)));
        expect([...sortedCopy(values)]).toEqual([...values].sort((a, b) => a - b));
      }),
    );
  });

  it('falls back to the general path for negatives and −0', () => {
    expect([...sortedCopy(Float64Array.of(2, -1, 0, -0, 1))].map((v) => (v === 0 ? 0 : v))).toEqual([-1, 0, 0, 1, 2]);
  });
});

describe('merging sorted runs', () => {
  it('gives the sorted whole however the runs were cut', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 50 }), { maxLength: 7 }), (parts) => {
        const runs = parts.map((p) => Float64Array.from(p).sort());
        expect([...mergeSortedRuns(runs)]).toEqual(parts.flat().sort((a, b) => a - b));
      }),
    );
  });
});

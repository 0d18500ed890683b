import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../ledger/schema.js';
import { blockingReason, meanGap, ratingGap } from './divergence.js';

const ratingArb = fc.option(fc.constantFrom<Rating>(0, 1, 2, 3), { nil: null });

describe('divergence', () => {
  it('measures the gap as a share of the scale', () => {
    expect(ratingGap([3, 1])).toBeCloseTo(2 / 3);
    expect(ratingGap([0, 3])).toBe(1);
    expect(ratingGap([2, 2])).toBe(0);
    expect(ratingGap([2, null])).toBeNull();
  });
  it('is symmetric and bounded', () => {
    fc.assert(
      fc.property(ratingArb, ratingArb, (a, b) => {
        expect(ratingGap([a, b])).toEqual(ratingGap([b, a]));
        const g = ratingGap([a, b]);
        if (g !== null) expect(g >= 0 && g <= 1).toBe(true);
      }),
    );
  });
  it('names why a criterion blocks consensus', () => {
    expect(blockingReason([3, 2])).toBe('split-on-met');
    expect(blockingReason([1, 2])).toBe('gap');
    expect(blockingReason([2, null])).toBe('one-sided');
    expect(blockingReason([2, 2])).toBeNull();
    expect(blockingReason([3, 3])).toBeNull();
    expect(blockingReason([null, null])).toBeNull();
  });
  it('averages known gaps by weight', () => {
    expect(meanGap([{ weight: 1, gap: 1 }, { weight: 3, gap: 0 }, { weight: 5, gap: null }])).toBeCloseTo(0.25);
    expect(meanGap([{ weight: 1, gap: null }])).toBeNull();
  });
});

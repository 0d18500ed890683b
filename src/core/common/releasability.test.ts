import { describe, expect, it } from 'vitest';
import { filterVisible, isVisibleTo, overallMarking } from './releasability.js';

describe('releasability', () => {
  it('lets each audience see exactly its markings', () => {
    expect(isVisibleTo('ROK-ONLY', 'ROK')).toBe(true);
    expect(isVisibleTo('US-ONLY', 'ROK')).toBe(false);
    expect(isVisibleTo('ROK-ONLY', 'US')).toBe(false);
    expect(isVisibleTo('ROK-US', 'US')).toBe(true);
    expect(isVisibleTo('ROK-US', 'public')).toBe(false);
    expect(isVisibleTo('ROK-US', 'combined')).toBe(true);
    expect(isVisibleTo('ROK-ONLY', 'combined')).toBe(false);
    expect(isVisibleTo('US-ONLY', 'all')).toBe(true);
  });
  it('filters lists', () => {
    const items = [{ id: 1, releasability: 'PUBLIC' as const }, { id: 2, releasability: 'US-ONLY' as const }];
    expect(filterVisible(items, 'ROK').map((i) => i.id)).toEqual([1]);
  });
  it('marks a product with its most restricted content', () => {
    expect(overallMarking([])).toBe('PUBLIC');
    expect(overallMarking(['PUBLIC', 'ROK-US'])).toBe('ROK-US');
    expect(overallMarking(['ROK-US', 'ROK-ONLY'])).toBe('ROK-ONLY');
    expect(overallMarking(['US-ONLY', 'ROK-ONLY'])).toBe('ROK-ONLY/US-ONLY');
  });
});

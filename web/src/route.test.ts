import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './route';

describe('dashboard route', () => {
  it('reads the view and its parameters from the hash', () => {
    const r = parseHash('#/conditions?asOf=2019-06-30&criterion=C1.c2-isr');
    expect(r.view).toBe('conditions');
    expect(r.params.get('asOf')).toBe('2019-06-30');
    expect(r.params.get('criterion')).toBe('C1.c2-isr');
  });
  it('falls back to the overview for an empty or unknown view', () => {
    expect(parseHash('').view).toBe('overview');
    expect(parseHash('#/nowhere?asOf=2020-01-01').view).toBe('overview');
  });
  it('writes a hash that reads back the same, leaving out empty values', () => {
    const hash = formatHash('forecast', { asOf: '2026-06-25', criterion: undefined, q: '' });
    expect(hash).toBe('#/forecast?asOf=2026-06-25');
    expect(parseHash(hash).view).toBe('forecast');
  });
});

import { describe, expect, it } from 'vitest';
import { dayOf } from '../common/dates.js';
import { effectiveDay } from './scope.js';

describe('when a dated record counts as a fact', () => {
  it('counts an exact date from that day', () => {
    expect(effectiveDay('2026-05-11', '2026-05-14T12:00:00Z')).toBe(dayOf('2026-05-11'));
  });
  it('counts "2026" reported mid-year from the report, not from the end of the year', () => {
    expect(effectiveDay('2026', '2026-06-25T12:00:00Z')).toBe(dayOf('2026-06-25'));
  });
  it('counts a month from its end when recorded later', () => {
    expect(effectiveDay('2025-10', '2026-01-09T12:00:00Z')).toBe(dayOf('2025-10-31'));
  });
  it('treats a record made before its period as a plan, counted only once the period has passed', () => {
    expect(effectiveDay('2026-10', '2026-01-28T12:00:00Z')).toBe(dayOf('2026-10-31'));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, isIsoDateTime, isOnOrBefore, isPartialDate, isTimex, isoFromDayNumber, timexBounds, dayOf } from './dates.js';

describe('date formats', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(isIsoDate('26-04-01')).toBe(false);
  });
  it('accepts partial dates and TIMEX periods', () => {
    expect(isPartialDate('2026')).toBe(true);
    expect(isPartialDate('2026-11')).toBe(true);
    expect(isPartialDate('2026-00')).toBe(false);
    expect(isTimex('2029-Q1')).toBe(true);
    expect(isTimex('2029-H2')).toBe(true);
    expect(isTimex('2029-Q5')).toBe(false);
    expect(isPartialDate('2029-Q1')).toBe(false);
  });
  it('accepts UTC timestamps only', () => {
    expect(isIsoDateTime('2026-05-14T09:00:00Z')).toBe(true);
    expect(isIsoDateTime('2026-05-14T09:00:00+09:00')).toBe(false);
    expect(isIsoDateTime('2026-02-30T09:00:00Z')).toBe(false);
  });
});

describe('periods', () => {
  it('gives the first and last day of quarters, halves, months and years', () => {
    const iso = (v: string) => {
      const b = timexBounds(v);
      return [isoFromDayNumber(b.startDay), isoFromDayNumber(b.endDay)];
    };
    expect(iso('2029-Q1')).toEqual(['2029-01-01', '2029-03-31']);
    expect(iso('2028-H2')).toEqual(['2028-07-01', '2028-12-31']);
    expect(iso('2028-02')).toEqual(['2028-02-01', '2028-02-29']);
    expect(iso('2026')).toEqual(['2026-01-01', '2026-12-31']);
    expect(iso('2026-06-25')).toEqual(['2026-06-25', '2026-06-25']);
  });
  it('counts a partial date as known only once its whole period has passed', () => {
    expect(isOnOrBefore('2026', '2026-03-01')).toBe(false);
    expect(isOnOrBefore('2026', '2026-12-31')).toBe(true);
    expect(isOnOrBefore('2025-11', '2025-11-30')).toBe(true);
    expect(isOnOrBefore('2025-11', '2025-11-29')).toBe(false);
  });
  it('does day arithmetic exactly across leap years', () => {
    expect(daysBetween('2026-11-23', '2028-12-31')).toBe(769);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 40000 }), fc.integer({ min: -3000, max: 3000 }), (day, delta) => {
        const iso = isoFromDayNumber(day);
        expect(isIsoDate(iso)).toBe(true);
        expect(dayOf(iso)).toBe(day);
        expect(daysBetween(iso, addDays(iso, delta))).toBe(delta);
      }),
    );
  });
});

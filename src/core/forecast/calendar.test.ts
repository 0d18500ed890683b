import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../common/dates.js';
import { buildCalendar, waitForWindow } from './calendar.js';

const month = (asOf: string, t: number) => Number(addDays(asOf, Math.floor(t)).slice(5, 7));

describe('window calendars', () => {
  const asOf = '2026-06-25';
  const exercises = buildCalendar(asOf, [3, 8]);

  it('waits for the next window month and starts on its first day', () => {
    expect(waitForWindow(exercises, 0)).toBe(daysBetween(asOf, '2026-08-01'));
    expect(waitForWindow(exercises, daysBetween(asOf, '2026-09-01'))).toBe(daysBetween(asOf, '2027-03-01'));
  });

  it('does not wait inside a window month', () => {
    const t = daysBetween(asOf, '2026-08-14') + 0.4;
    expect(waitForWindow(exercises, t)).toBe(t);
  });

  it('always lands in a window month, never earlier, and never skips one', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20_000, noNaN: true }), fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { minLength: 1 }), (t, months) => {
        const calendar = buildCalendar(asOf, months);
        const opened = waitForWindow(calendar, t);
        expect(opened).toBeGreaterThanOrEqual(t);
        expect(months).toContain(month(asOf, opened));
        // Every day strictly between t and the opening is closed.
        for (let d = Math.floor(t) + 1; d < Math.floor(opened); d += 7) expect(months).not.toContain(month(asOf, d));
      }),
    );
  });

  it('leaves times past the horizon alone', () => {
    expect(waitForWindow(buildCalendar(asOf, [3], 400), 500.5)).toBe(500.5);
  });
});

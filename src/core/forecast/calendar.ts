/**
 * Calendars of windows: months in which something can happen (exercises in March and August,
 * the SCM in the autumn). Compiled to a table from each day after the as-of date to the next
 * open day, so a sample waits for its window with one lookup.
 */
import { dayNumber, dayOf, daysInMonth } from '../common/dates.js';

/** How far the table reaches; beyond it nothing waits (a century of days is far past any forecast). */
export const CALENDAR_HORIZON_DAYS = 36_600;

export interface Calendar {
  readonly kind: 'calendar';
  readonly months: readonly number[];
  /** For day offset d (0 = the as-of date), the first open day offset ≥ d. */
  readonly nextOpenDay: Int32Array;
}

/** The calendar of months (1–12) counted from an as-of date. */
export function buildCalendar(asOf: string, months: readonly number[], horizonDays = CALENDAR_HORIZON_DAYS): Calendar {
  const asOfDay = dayOf(asOf);
  const isOpen = new Uint8Array(horizonDays + 1);
  const open = new Set(months);
  let year = Number(asOf.slice(0, 4));
  let month = Number(asOf.slice(5, 7));
  for (let start = dayNumber(year, month, 1) - asOfDay; start <= horizonDays; ) {
    const length = daysInMonth(year, month);
    if (open.has(month)) isOpen.fill(1, Math.max(0, start), Math.min(horizonDays + 1, start + length));
    start += length;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  const nextOpenDay = new Int32Array(horizonDays + 1);
  nextOpenDay[horizonDays] = horizonDays;
  for (let d = horizonDays - 1; d >= 0; d--) nextOpenDay[d] = isOpen[d] === 1 ? d : nextOpenDay[d + 1]!;
  return { kind: 'calendar', months: [...months], nextOpenDay };
}

/** The time at or after t (days) when the window is open: t itself inside a window month, else the next window's first day. */
export function waitForWindow(calendar: Calendar, t: number): number {
  const day = Math.floor(t);
  if (day >= calendar.nextOpenDay.length) return t;
  const open = calendar.nextOpenDay[day]!;
  return open > day ? open : t;
}

/**
 * Calendar arithmetic on ISO date strings. Dates are civil dates (no time zone):
 * a day number counts days since 1970-01-01, so comparisons and differences are exact.
 */
import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const TIMEX = /^(\d{4})(?:-(Q[1-4]|H[12]|\d{2}(?:-\d{2})?))?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

/** Days since 1970-01-01 of a valid civil date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoFromDayNumber(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** Number of days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumber(year, month, 1);
}

/** True when the string is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True when the string is YYYY, YYYY-MM or a real YYYY-MM-DD date. */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  if (m[3] !== undefined) return isIsoDate(value);
  if (m[2] !== undefined) return Number(m[2]) >= 1 && Number(m[2]) <= 12;
  return true;
}

/** True when the string is a TIMEX-style value: YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD. */
export function isTimex(value: string): boolean {
  if (!TIMEX.test(value)) return false;
  return /-[QH]/.test(value) || isPartialDate(value);
}

/** True when the string is a UTC timestamp such as 2026-05-14T09:00:00Z. */
export function isIsoDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && isIsoDate(value.slice(0, 10));
}

/** First and last day (inclusive, as day numbers) of a TIMEX period. */
export function timexBounds(value: string): { readonly startDay: number; readonly endDay: number } {
  const year = Number(value.slice(0, 4));
  const rest = value.slice(5);
  if (rest === '') return { startDay: dayNumber(year, 1, 1), endDay: dayNumber(year, 12, 31) };
  if (rest.startsWith('Q') || rest.startsWith('H')) {
    const months = rest.startsWith('Q') ? 3 : 6;
    const first = (Number(rest.slice(1)) - 1) * months + 1;
    const last = first + months - 1;
    return { startDay: dayNumber(year, first, 1), endDay: dayNumber(year, last, daysInMonth(year, last)) };
  }
  const month = Number(rest.slice(0, 2));
  if (rest.length === 2) return { startDay: dayNumber(year, month, 1), endDay: dayNumber(year, month, daysInMonth(year, month)) };
  const day = dayNumber(year, month, Number(rest.slice(3, 5)));
  return { startDay: day, endDay: day };
}

/** Day number of an ISO date (YYYY-MM-DD). */
export function dayOf(isoDate: string): number {
  return timexBounds(isoDate.slice(0, 10)).startDay;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return dayOf(toIsoDate) - dayOf(fromIsoDate);
}

/** The ISO date a number of days after (or before, when negative) another. */
export function addDays(isoDate: string, days: number): string {
  return isoFromDayNumber(dayOf(isoDate) + days);
}

/**
 * Whether a dated item counts as known on `asOfIsoDate`. A partial date counts only once its
 * whole period has passed: "2026" is not yet a fact on 2026-03-01.
 */
export function isOnOrBefore(timex: string, asOfIsoDate: string): boolean {
  return timexBounds(timex).endDay <= dayOf(asOfIsoDate);
}

/** Sort key of a partial date or TIMEX: its first day. */
export function sortDay(timex: string): number {
  return timexBounds(timex).startDay;
}

/** The end of the UTC day of an ISO date, as a timestamp string. */
export function endOfDay(isoDate: string): string {
  return `${isoDate}T23:59:59.999Z`;
}

/** Compare two timestamps or dates written in ISO form (lexical order is chronological). */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date in the form YYYY-MM-DD' });
export const PartialDateSchema = z
  .string()
  .refine(isPartialDate, { message: 'expected a date in the form YYYY, YYYY-MM or YYYY-MM-DD' });
export const TimexSchema = z
  .string()
  .refine(isTimex, { message: 'expected YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD' });
export const IsoDateTimeSchema = z
  .string()
  .refine(isIsoDateTime, { message: 'expected a UTC timestamp such as 2026-05-14T09:00:00Z' });

/**
 * Normalisation rules for temporal expressions, TIMEX-style: YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM,
 * YYYY-MM-DD. Relative expressions are resolved against the publication date and the tense of
 * the clause; US fiscal quarters become calendar quarters. Every rule is a small pure function,
 * tested phrase by phrase.
 */
import { dayNumber, isoFromDayNumber } from '../common/dates.js';

export type Tense = 'past' | 'future' | 'unknown';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The month number of an English month name or abbreviation ("Sept.", "October"), or undefined. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** The ordinal of "first" … "fourth" (or "1st" … "4th"). */
export function ordinalNumber(word: string): number | undefined {
  return ORDINALS[word.toLowerCase()];
}

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Split an ISO date. */
export function ymd(isoDate: string): Ymd {
  return { year: Number(isoDate.slice(0, 4)), month: Number(isoDate.slice(5, 7)), day: Number(isoDate.slice(8, 10)) };
}

/** YYYY-MM-DD of a date. */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** YYYY-MM of a month. */
export function isoMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

/** The date a number of days from an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const d = ymd(isoDate);
  return isoFromDayNumber(dayNumber(d.year, d.month, d.day) + days);
}

/**
 * The year of a month named without one ("in October"): in a past-tense clause the latest such
 * month not after publication, in a future-tense clause the next one not before it, else the
 * publication year.
 */
export function yearOfMonth(month: number, published: string, tense: Tense): number {
  const p = ymd(published);
  if (tense === 'past') return month <= p.month ? p.year : p.year - 1;
  if (tense === 'future') return month >= p.month ? p.year : p.year + 1;
  return p.year;
}

/** The year of a day named without one ("On October 1"), by the same rule as `yearOfMonth`. */
export function yearOfMonthDay(month: number, day: number, published: string, tense: Tense): number {
  const p = ymd(published);
  const isAfter = month > p.month || (month === p.month && day > p.day);
  const isBefore = month < p.month || (month === p.month && day < p.day);
  if (tense === 'past') return isAfter ? p.year - 1 : p.year;
  if (tense === 'future') return isBefore ? p.year + 1 : p.year;
  return p.year;
}

/**
 * The date of a weekday named alone ("said Wednesday"): the publication day itself when it is that
 * weekday, else the latest one before it, or in a future-tense clause the next one after it.
 */
export function dateOfWeekday(weekday: string, published: string, tense: Tense): string | undefined {
  const target = WEEKDAYS.indexOf(weekday.toLowerCase());
  if (target < 0) return undefined;
  const p = ymd(published);
  const today = new Date(dayNumber(p.year, p.month, p.day) * 86_400_000).getUTCDay();
  if (tense === 'future') return addDays(published, ((target - today + 7) % 7) || 7);
  return addDays(published, -((today - target + 7) % 7));
}

/** "yesterday", "today", "tomorrow", "last week", "this month", "next year", … resolved against publication. */
export function relativeValue(phrase: string, published: string): string | undefined {
  const p = ymd(published);
  const words = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  const shift = /^(last|past|previous)\b/.test(words) ? -1 : /^next\b|^the coming\b|^the following\b/.test(words) ? 1 : /^(this|the current)\b/.test(words) ? 0 : undefined;
  if (words === 'yesterday') return addDays(published, -1);
  if (words === 'today' || words === 'tonight') return published;
  if (words === 'tomorrow') return addDays(published, 1);
  if (shift === undefined) return undefined;
  if (/\bweek$/.test(words)) return addDays(published, 7 * shift).slice(0, 7);
  if (/\bmonth$/.test(words)) {
    const m = p.month + shift;
    return m < 1 ? isoMonth(p.year - 1, 12) : m > 12 ? isoMonth(p.year + 1, 1) : isoMonth(p.year, m);
  }
  if (/\byear$/.test(words)) return String(p.year + shift);
  return undefined;
}

/** A calendar quarter from a US fiscal quarter: FY Y starts on 1 October of Y-1, so Q2 FY2029 is 2029-Q1. */
export function fiscalQuarter(quarter: number, fiscalYear: number): string {
  return quarter === 1 ? `${fiscalYear - 1}-Q4` : `${fiscalYear}-Q${quarter - 1}`;
}

/** "early 2029" → 2029-Q1, "late 2015" → 2015-Q4, "mid-2020" → 2020-H1 … as TIMEX periods. */
export function partOfYear(part: string, year: number): string {
  const p = part.toLowerCase();
  if (/^(early|beginning|start)/.test(p)) return `${year}-Q1`;
  if (/^(late|end)/.test(p)) return `${year}-Q4`;
  if (/^(first half|1st half|h1)/.test(p)) return `${year}-H1`;
  if (/^(second half|2nd half|latter half|h2)/.test(p)) return `${year}-H2`;
  return String(year);
}

/**
 * The value in the corpus's formats (YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD): a half year becomes
 * the month that ends it ("within the first half of 2007" is 2007-06), since halves are not one
 * of those formats.
 */
export function corpusValue(timex: string): string {
  const half = /^(\d{4})-H([12])$/.exec(timex);
  return half ? `${half[1]}-${half[2] === '1' ? '06' : '12'}` : timex;
}

/**
 * Temporal expressions found in a text and normalised (see time-normalize.ts). The finder is ours:
 * a set of patterns for dates, months, quarters, halves, fiscal years, years and relative
 * expressions; the deadline qualifier before an expression ("no later than", "by", "before") is
 * kept apart from its value.
 */
import { isoDay, isoMonth, monthNumber, ordinalNumber, partOfYear, relativeValue, yearOfMonth, yearOfMonthDay, dateOfWeekday, fiscalQuarter, type Tense } from './time-normalize.js';
import type { Span } from './spans.js';

export type Qualifier = 'no later than' | 'by the end of' | 'by' | 'before' | 'until' | 'after' | 'since' | 'within' | 'in' | 'on' | 'at' | 'from' | 'as early as' | 'around' | 'between' | 'during';

export interface TimeExpression {
  readonly kind: 'time-expression';
  /** The expression with its qualifier, as written. */
  readonly text: string;
  readonly span: Span;
  /** Where the date itself starts (after the qualifier). */
  readonly valueStart: number;
  /** TIMEX value: YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD. */
  readonly value: string;
  readonly qualifier: Qualifier | null;
  /** Resolved against the publication date (relative day, week, month or year, or a date without its year). */
  readonly isRelative: boolean;
  /** Relative to the moment of writing ("last week", "this year", "yesterday"), not a date without its year. */
  readonly isDeictic: boolean;
  /** A day named only by its weekday or as yesterday/today. */
  readonly isBareDay: boolean;
}

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const YEAR = String.raw`((?:19[4-9]|20\d)\d)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const QUALIFIER = /(?:^|[\s(])(no later than|not later than|by the end of|by|before|until|till|after|since|within|in|on|at|from|as early as|around|between|during)\s+(?:around\s+|about\s+|roughly\s+)?(?:the\s+)?$/i;

type Rule = (m: RegExpExecArray, published: string, tense: Tense) => { readonly value: string; readonly isRelative?: boolean; readonly isDeictic?: boolean; readonly isBareDay?: boolean } | undefined;

const month = (name: string | undefined) => monthNumber(name ?? '') ?? 0;

// Order matters only for equal spans; overlapping matches keep the longest.
const BARE_YEAR = new RegExp(String.raw`(?<![\w$€£#.,/-])(?:the\s+year\s+)?${YEAR}(?![\w%]|[.,]\d|\s*(?:percent|troops|soldiers|personnel|won|dollars))`, 'g');

const RULES: readonly (readonly [RegExp, Rule])[] = [
  [new RegExp(String.raw`(?:${WEEKDAY},?\s+)?(${MONTH})\s+${DAY}(?:\s*[-–]\s*(?:${MONTH}\s+)?\d{1,2})?,?\s+${YEAR}\b`, 'g'), (m) => ({ value: isoDay(Number(m[3]), month(m[1]), Number(m[2])) })],
  [new RegExp(String.raw`(?:${WEEKDAY},?\s+)?${DAY}(?:\s*[-–]\s*\d{1,2})?\s+(${MONTH}),?\s+${YEAR}\b`, 'g'), (m) => ({ value: isoDay(Number(m[3]), month(m[2]), Number(m[1])) })],
  [/\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-([0-2]\d|3[01])\b/g, (m) => ({ value: `${m[1]}-${m[2]}-${m[3]}` })],
  [new RegExp(String.raw`\b(${MONTH})\s+(?:of\s+)?${YEAR}\b`, 'g'), (m) => ({ value: isoMonth(Number(m[2]), month(m[1])) })],
  [new RegExp(String.raw`(?:${WEEKDAY},?\s+)?\b(${MONTH})\s+${DAY}(?:\s*[-–]\s*\d{1,2})?\b(?!,?\s*\d)`, 'g'), (m, published, tense) => {
    const mo = month(m[1]);
    return { value: isoDay(yearOfMonthDay(mo, Number(m[2]), published, tense), mo, Number(m[2])), isRelative: true };
  }],
  [new RegExp(String.raw`\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:the\s+)?(fiscal\s+year\s*|FY\s*)?${YEAR}\b`, 'gi'), (m) => {
    const q = ordinalNumber(m[1] ?? '') ?? 1;
    return { value: m[2] ? fiscalQuarter(q, Number(m[3])) : `${m[3]}-Q${q}` };
  }],
  [new RegExp(String.raw`\bQ([1-4])\s*(?:of\s+)?(FY\s*|fiscal\s+year\s*)?${YEAR}\b`, 'g'), (m) => ({ value: m[2] ? fiscalQuarter(Number(m[1]), Number(m[3])) : `${m[3]}-Q${m[1]}` })],
  [new RegExp(String.raw`\b${YEAR}\s*Q([1-4])\b`, 'g'), (m) => ({ value: `${m[1]}-Q${m[2]}` })],
  [new RegExp(String.raw`\b(?:the\s+)?(first|second|latter|1st|2nd)\s+half\s+of\s+(?:the\s+year\s+)?${YEAR}\b`, 'gi'), (m) => ({ value: partOfYear(`${m[1] === 'latter' ? 'second' : m[1]} half`, Number(m[2])) })],
  [new RegExp(String.raw`\bH([12])\s+${YEAR}\b`, 'g'), (m) => ({ value: `${m[2]}-H${m[1]}` })],
  [new RegExp(String.raw`\b(?:the\s+)?(end)\s+of\s+${YEAR}\b`, 'gi'), (m) => ({ value: `${m[2]}-12` })],
  [new RegExp(String.raw`\b(early|late|the\s+beginning\s+of|the\s+start\s+of)[\s-]+${YEAR}\b`, 'gi'), (m) => ({ value: partOfYear(m[1]!.replace(/^the\s+/i, ''), Number(m[2])) })],
  [new RegExp(String.raw`\b(?:fiscal\s+year|FY)\s*${YEAR}\b`, 'gi'), (m) => ({ value: String(m[1]) })],
  [BARE_YEAR, (m) => ({ value: String(m[1]) })],
  [/\b(late|early)\s+(last|this|next)\s+year\b/gi, (m, published) => {
    const year = relativeValue(`${m[2]} year`, published);
    return year === undefined ? undefined : { value: partOfYear(m[1]!, Number(year)), isRelative: true, isDeictic: true };
  }],
  [/\b(?:the\s+)?end\s+of\s+(last|this|next|the)\s+year\b/gi, (m, published) => {
    const year = relativeValue(`${m[1] === 'the' ? 'this' : m[1]} year`, published);
    return year === undefined ? undefined : { value: `${year}-12`, isRelative: true, isDeictic: true };
  }],
  [/\b(?:(?:earlier|later)\s+)?(last|this|next|the\s+coming|the\s+past|the\s+following)\s+(week|month|year)\b/gi, (m, published) => {
    const value = relativeValue(`${m[1]} ${m[2]}`, published);
    return value === undefined ? undefined : { value, isRelative: true, isDeictic: true };
  }],
  [/\b(yesterday|today|tomorrow|tonight)\b/gi, (m, published) => {
    const value = relativeValue(m[1]!, published);
    return value === undefined ? undefined : { value, isRelative: true, isDeictic: true, isBareDay: true };
  }],
  [new RegExp(String.raw`\b(${WEEKDAY})\b(?!,?\s+(?:${MONTH}|\d))`, 'g'), (m, published, tense) => {
    const value = dateOfWeekday(m[1]!, published, tense);
    return value === undefined ? undefined : { value, isRelative: true, isDeictic: true, isBareDay: true };
  }],
  [new RegExp(String.raw`(?<=\b(?:in|since|by|until|before|after|from|last|next|this|early|late|mid-|of|during)\s+)(${MONTH})(?!\s+\d)`, 'g'), (m, published, tense) => {
    const mo = month(m[1]);
    const prefix = /\b(last|next|this)\s+$/i.exec(m.input.slice(Math.max(0, m.index - 6), m.index))?.[1]?.toLowerCase();
    const effective: Tense = prefix === 'last' ? 'past' : prefix === 'next' ? 'future' : tense;
    return { value: isoMonth(yearOfMonth(mo, published, effective), mo), isRelative: true };
  }],
];

/** Whole-word years inside names ("Strategic Alliance 2015", "Defense Reform 2020") are not dates. */
function isNamePart(text: string, start: number): boolean {
  const before = /(\S+)\s+$/.exec(text.slice(Math.max(0, start - 30), start))?.[1] ?? '';
  return /^[A-Z][a-z]+$/.test(before) && monthNumber(before) === undefined && !/^(In|By|Since|Until|Before|After|From|On|At|During|Through|Within|Of|The|And|Or|Since|Year)$/.test(before);
}

/** Find and normalise every temporal expression. `tenseAt` gives the tense of the clause at an offset. */
export function findTimeExpressions(text: string, published: string, tenseAt: (offset: number) => Tense): TimeExpression[] {
  const found: { start: number; end: number; value: string; isRelative: boolean; isDeictic: boolean; isBareDay: boolean }[] = [];
  for (const [pattern, rule] of RULES) {
    for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const exec = m as unknown as RegExpExecArray;
      const result = rule(exec, published, tenseAt(m.index));
      if (!result) continue;
      if (pattern === BARE_YEAR && isNamePart(text, m.index)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, value: result.value, isRelative: result.isRelative === true, isDeictic: result.isDeictic === true, isBareDay: result.isBareDay === true });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const f of found) if (!kept.some((k) => f.start < k.end && f.end > k.start)) kept.push(f);
  return kept.map((f) => {
    const q = QUALIFIER.exec(text.slice(Math.max(0, f.start - 24), f.start));
    const qualifier = q ? (q[1]!.toLowerCase().replace(/^not later than$/, 'no later than').replace(/^till$/, 'until') as Qualifier) : null;
    const start = q ? f.start - q[0].trimStart().length : f.start;
    return {
      kind: 'time-expression',
      text: text.slice(start, f.end),
      span: { start, end: f.end },
      valueStart: f.start,
      value: f.value,
      qualifier,
      isRelative: f.isRelative,
      isDeictic: f.isDeictic,
      isBareDay: f.isBareDay,
    };
  });
}

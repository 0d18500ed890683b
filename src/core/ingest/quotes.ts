/**
 * Quotation marks paired into quotations: straight and curly double quotes, single quotes used
 * as primary marks (British style) and single quotes nested inside double ones. Apostrophes are
 * told apart from single quotes by their neighbours. Marks that cannot be paired are flagged,
 * never fatal.
 */

export interface QuoteSpan {
  /** Offset of the opening mark. */
  readonly start: number;
  /** Offset just after the closing mark (or the end of the paragraph when unclosed but continued). */
  readonly end: number;
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly mark: 'double' | 'single';
  /** True when another quotation encloses this one. */
  readonly isNested: boolean;
  /** True when the quotation runs on into the next paragraph (no closing mark, next paragraph opens one). */
  readonly isContinued: boolean;
}

export interface MarkIssue {
  readonly kind: 'mark-issue';
  readonly at: number;
  readonly message: string;
}

export interface PairedQuotes {
  readonly spans: readonly QuoteSpan[];
  readonly issues: readonly MarkIssue[];
}

const OPEN_BEFORE = /[\s([{—–\-/“"‘:]/;
const CLOSE_AFTER = /[\s,.;:!?)\]}—–\-”"’]/;

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function opensHere(text: string, i: number, lineStart: number): boolean {
  const before = i === lineStart ? undefined : text[i - 1];
  return (before === undefined || OPEN_BEFORE.test(before)) && !isSpace(text[i + 1]);
}

function closesHere(text: string, i: number, lineEnd: number): boolean {
  const after = i + 1 >= lineEnd ? undefined : text[i + 1];
  return !isSpace(text[i - 1]) && (after === undefined || CLOSE_AFTER.test(after));
}

interface Line {
  readonly start: number;
  readonly end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (i > start) lines.push({ start, end: i });
      start = i + 1;
    }
  }
  return lines;
}

function firstNonSpace(text: string, line: Line | undefined): string | undefined {
  if (!line) return undefined;
  for (let i = line.start; i < line.end; i++) if (!isSpace(text[i])) return text[i];
  return undefined;
}

function span(start: number, end: number, mark: 'double' | 'single', isContinued = false): QuoteSpan {
  return { start, end, innerStart: start + 1, innerEnd: isContinued ? end : end - 1, mark, isNested: false, isContinued };
}

function pairDoubles(text: string, line: Line, nextLine: Line | undefined, issues: MarkIssue[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = line.start; i < line.end; i++) {
    const ch = text[i];
    if (ch !== '“' && ch !== '”' && ch !== '"' && ch !== '„') continue;
    const isOpener = ch === '“' || ch === '„' || (ch === '"' && open < 0 && opensHere(text, i, line.start));
    if (open < 0) {
      if (isOpener) open = i;
      else issues.push({ kind: 'mark-issue', at: i, message: `closing quotation mark ${ch} with no opening mark` });
    } else if (ch === '“' || ch === '„') {
      issues.push({ kind: 'mark-issue', at: open, message: 'opening quotation mark never closed' });
      open = i;
    } else {
      spans.push(span(open, i + 1, 'double'));
      open = -1;
    }
  }
  if (open >= 0) {
    // Reporting convention: a quotation that runs on into the next paragraph has no closing mark there.
    const next = firstNonSpace(text, nextLine);
    if (next === '“' || next === '"') spans.push(span(open, line.end, 'double', true));
    else issues.push({ kind: 'mark-issue', at: open, message: 'opening quotation mark never closed' });
  }
  return spans;
}

function pairSingles(text: string, line: Line, doubles: readonly QuoteSpan[], issues: MarkIssue[]): QuoteSpan[] {
  const inDouble = (i: number) => doubles.some((d) => i >= d.start && i < d.end);
  const openers: number[] = [];
  const closers: number[] = [];
  for (let i = line.start; i < line.end; i++) {
    const ch = text[i];
    if (ch !== '‘' && ch !== '’' && ch !== "'") continue;
    if (isWordChar(text[i - 1]) && isWordChar(text[i + 1])) continue; // an apostrophe inside a word
    if ((ch === '‘' || ch === "'") && opensHere(text, i, line.start) && isWordChar(text[i + 1])) openers.push(i);
    else if ((ch === '’' || ch === "'") && closesHere(text, i, line.end)) closers.push(i);
  }
  const spans: QuoteSpan[] = [];
  let after = line.start;
  for (const [k, open] of openers.entries()) {
    if (open < after) continue;
    const nextOpen = openers[k + 1] ?? line.end;
    const candidates = closers.filter((c) => c > open + 1 && inDouble(c) === inDouble(open));
    // Prefer a closer that ends a clause before the next opening mark; a plural possessive
    // ("the allies' position") looks like a closer, so it is the last resort.
    const isStrong = (c: number) => /[,.!?]/.test(text[c - 1] ?? '') || /[,.;:!?)]/.test(text[c + 1] ?? '') || c + 1 >= line.end;
    const isPossessive = (c: number) => text[c - 1] === 's' && text[c + 1] === ' ' && /[a-z]/.test(text[c + 2] ?? '');
    const close =
      candidates.find((c) => c < nextOpen && isStrong(c)) ??
      candidates.find((c) => c < nextOpen && !isPossessive(c)) ??
      candidates.find((c) => isStrong(c));
    if (close === undefined) {
      issues.push({ kind: 'mark-issue', at: open, message: 'opening single quotation mark never closed' });
      continue;
    }
    spans.push(span(open, close + 1, 'single'));
    after = close + 1;
  }
  return spans;
}

/** Pair the quotation marks of a text, paragraph by paragraph (a quotation never spans a line break). */
export function pairQuotes(text: string): PairedQuotes {
  const issues: MarkIssue[] = [];
  const lines = linesOf(text);
  const all: QuoteSpan[] = [];
  lines.forEach((line, i) => {
    const doubles = pairDoubles(text, line, lines[i + 1], issues);
    all.push(...doubles, ...pairSingles(text, line, doubles, issues));
  });
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans = all.map((s) => ({ ...s, isNested: all.some((o) => o !== s && o.start <= s.start && o.end >= s.end && (o.start < s.start || o.end > s.end)) }));
  return { spans, issues: issues.sort((a, b) => a.at - b.at) };
}

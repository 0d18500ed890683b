/**
 * Quote-aware sentences ("units"): wink's sentence boundaries, minus those that fall inside a
 * quotation (a quoted passage of two sentences stays with its attribution), split at line breaks.
 */
import type { Analysis, Token } from './nlp.js';
import type { QuoteSpan } from './quotes.js';

export interface Unit {
  readonly start: number;
  readonly end: number;
  /** Index of the paragraph (line) the unit sits in. */
  readonly paragraph: number;
  readonly tokens: readonly Token[];
}

/** Group the analysed sentences into units that never cut through a quotation or cross a line break. */
export function buildUnits(text: string, analysis: Analysis, quotes: readonly QuoteSpan[]): Unit[] {
  const tokens = analysis.sentences.flatMap((s) => s.tokens);
  const cuts = new Set<number>();
  for (const s of analysis.sentences) {
    if (!quotes.some((q) => s.end > q.start && s.end < q.end - 1)) cuts.add(s.end);
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cuts.add(i);
  const units: Unit[] = [];
  let current: Token[] = [];
  let paragraph = 0;
  let lastLine = 0;
  const flush = () => {
    if (current.length === 0) return;
    const start = current[0]!.start;
    paragraph += text.slice(lastLine, start).split('\n').length - 1;
    lastLine = start;
    units.push({ start, end: current[current.length - 1]!.end, paragraph, tokens: current });
    current = [];
  };
  const sorted = [...cuts].sort((a, b) => a - b);
  let next = 0;
  for (const token of tokens) {
    const previousEnd = current.length > 0 ? current[current.length - 1]!.end : -1;
    while (next < sorted.length && sorted[next]! < previousEnd) next++;
    if (current.length > 0 && next < sorted.length && sorted[next]! <= token.start) flush();
    current.push(token);
  }
  flush();
  return units;
}

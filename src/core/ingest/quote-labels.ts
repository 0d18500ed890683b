/**
 * Which quotations are labelled quotes (corpus README, "quotes"): credited quotations of three
 * words or more, not titles, names or quoted terms; the text as printed, less a comma or full stop
 * just before the closing mark.
 */
import type { Attribution } from './attribution.js';
import type { PhraseSide } from './lexicon.js';
import type { Span } from './spans.js';

export type QuoteSide = 'ROK' | 'US' | 'other' | 'unknown';

export interface ExtractedQuote {
  readonly speaker: string | null;
  readonly role: string | null;
  readonly side: QuoteSide;
  readonly text: string;
  readonly span: Span;
  readonly speakerSpan: Span | null;
  readonly attribution: Attribution['how'];
  readonly confidence: number;
}

const TERM_BEFORE = /\b(?:theme|themed|titled|entitled|slogan|dubbed|so-called|motto|banner|named|called|calls|the term|the phrase|the words?|known as|codenamed|code-named)\s*[,:]?\s*$/i;
const MIN_WORDS = 3;

/** The words of a quotation, counting only those with a letter or digit. */
export function quoteWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** True when most words are capitalised, as in a title or a name ("A Strong Alliance for the Future."). */
export function isTitleLike(text: string): boolean {
  const words = quoteWords(text).slice(1).filter((w) => w.replace(/[^\p{L}]/gu, '').length > 3);
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w));
  return words.length > 0 && capitalised.length >= 2 && capitalised.length / words.length >= 0.75;
}

/** The quoted words as printed, trimmed, less a comma or full stop just before the closing mark. */
export function quoteText(inner: string): string {
  return inner.trim().replace(/[,.]$/, '').trim();
}

const SIDE_OF: Readonly<Record<PhraseSide, QuoteSide>> = { ROK: 'ROK', US: 'US', other: 'other', joint: 'other' };

/** Turn attributed quotations into labelled quotes, dropping terms, titles, short fragments and uncredited ones. */
export function labelQuotes(text: string, attributions: readonly Attribution[]): ExtractedQuote[] {
  const out: ExtractedQuote[] = [];
  for (const a of attributions) {
    const q = a.quote;
    if (q.isNested) continue;
    const inner = text.slice(q.innerStart, q.innerEnd);
    const words = quoteWords(inner);
    if (words.length < MIN_WORDS) continue;
    if (TERM_BEFORE.test(text.slice(Math.max(0, q.start - 40), q.start))) continue;
    if (isTitleLike(inner)) continue;
    // A quotation cut off by the end of an excerpt is not labelled.
    if (q.isContinued && text.slice(q.end).trim() === '') continue;
    if (/(\[…\]|\[\.\.\.\]|…)\s*$/.test(inner) && text.slice(q.end).trim() === '') continue;
    // Uncredited fragments built into a sentence are scare quotes; uncredited whole sentences are kept.
    if (a.speaker === null && !a.isSentence) continue;
    const s = a.speaker;
    const confidence = s === null ? 0.3 : a.how === 'cue-after' ? 0.9 : a.how === 'cue-before' ? 0.8 : 0.6;
    out.push({
      speaker: s?.speaker ?? null,
      role: s?.role ?? null,
      side: s?.side === undefined ? 'unknown' : SIDE_OF[s.side],
      text: quoteText(inner),
      span: { start: q.innerStart, end: q.innerEnd },
      speakerSpan: s === null ? null : { start: s.start, end: s.end },
      attribution: a.how,
      confidence: s !== null && (s.via === 'pronoun' || s.via === 'description') ? confidence - 0.1 : confidence,
    });
  }
  return out;
}

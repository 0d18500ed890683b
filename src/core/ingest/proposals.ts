/**
 * Proposed statements: what extraction found in one article, one per quote, in the shape an
 * analyst reviews — the quote and its attribution, the sentence around it, and the stance,
 * conditions, forums and dates extracted with it. Nothing here is evidence until accepted.
 */
import type { Extraction } from './extract.js';
import type { Span } from './spans.js';
import type { Stance } from './stances.js';

/** The side of a proposal: a statement's sides, or unknown until an analyst says. */
export type ProposalSide = 'ROK' | 'US' | 'combined' | 'other' | 'unknown';
export const PROPOSAL_SIDES = ['ROK', 'US', 'combined', 'other', 'unknown'] as const;

/** The fields an analyst may edit. */
export interface ProposalFields {
  readonly text: string;
  readonly speaker: string | null;
  readonly role: string | null;
  readonly side: ProposalSide;
  readonly stance: Stance | null;
}

export interface ProposedDate {
  readonly expression: string;
  readonly normalized: string;
  readonly kind: string;
}

export interface Proposal extends ProposalFields {
  readonly kind: 'proposal';
  /** Position of the quote in its article, from 1: with the document id, it names the statement. */
  readonly index: number;
  /** The paragraph (or, in a long one, the sentences) around the quote. */
  readonly context: string;
  readonly span: Span;
  readonly confidence: number;
  /** The words the stance was read from, when the side had one. */
  readonly stanceEvidence: string | null;
  /** Condition labels of the extraction (capability_to_lead …), for the whole article. */
  readonly conditions: readonly string[];
  /** Forum labels of the extraction (SCM, summit, other: 2+2 …), for the whole article. */
  readonly forums: readonly string[];
  /** Timeline targets in the quote's paragraph. */
  readonly dates: readonly ProposedDate[];
}

const MAX_CONTEXT_CHARS = 480;

/** The paragraph around a span; in a long paragraph, whole sentences around it up to a limit. */
export function contextAround(text: string, span: Span, maxChars = MAX_CONTEXT_CHARS): string {
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.end);
  const end = newline < 0 ? text.length : newline;
  if (end - start <= maxChars) return text.slice(start, end).trim();
  // Widen from the quote to sentence ends (a full stop and a space) while the limit allows.
  const slack = Math.max(0, Math.floor((maxChars - (span.end - span.start)) / 2));
  const before = text.slice(Math.max(start, span.start - slack), span.start);
  const cutBefore = before.search(/[.!?]["”’]?\s+\S[^]*$/);
  const from = cutBefore < 0 ? span.start - before.length : span.start - before.length + before.slice(cutBefore).search(/\s\S/) + 1;
  const after = text.slice(span.end, Math.min(end, span.end + slack));
  const stop = after.search(/[.!?]["”’]?(\s|$)/);
  const to = stop < 0 ? span.end + after.length : span.end + stop + 1 + (/["”’]/.test(after[stop + 1] ?? '') ? 1 : 0);
  return `${from > start ? '… ' : ''}${text.slice(from, to).trim()}${to < end ? ' …' : ''}`;
}

/** One proposal per extracted quote, numbered in order. */
export function proposalsOf(text: string, extraction: Extraction): Proposal[] {
  return extraction.quotes.map((quote, i) => {
    const paragraphStart = text.lastIndexOf('\n', quote.span.start - 1) + 1;
    const next = text.indexOf('\n', quote.span.end);
    const paragraphEnd = next < 0 ? text.length : next;
    const stance = quote.side === 'ROK' || quote.side === 'US' ? extraction.stances.find((s) => s.side === quote.side) : undefined;
    return {
      kind: 'proposal',
      index: i + 1,
      text: quote.text,
      speaker: quote.speaker,
      role: quote.role,
      side: quote.side,
      stance: stance?.stance ?? null,
      stanceEvidence: stance?.evidence ?? null,
      context: contextAround(text, quote.span),
      span: quote.span,
      confidence: quote.confidence,
      conditions: extraction.conditions_mentioned,
      forums: extraction.forums,
      dates: extraction.timeline_targets
        .filter((t) => t.span.start >= paragraphStart && t.span.end <= paragraphEnd)
        .map((t) => ({ expression: t.expression, normalized: t.normalized, kind: t.kind })),
    };
  });
}

/**
 * Timeline targets (corpus README, "timeline_targets"): the temporal expressions that place the
 * transition or one of its milestones, with their kind (target, deadline, event, term_end,
 * other) and holder (ROK, US, joint), from the signal words of their clause.
 */
import { actorsIn, type ActorContext } from './actors.js';
import type { TimelineSignal } from './lexicon.js';
import type { Span } from './spans.js';
import type { Qualifier, TimeExpression } from './time-expressions.js';
import { corpusValue } from './time-normalize.js';
import { timexBounds } from '../common/dates.js';
import type { Unit } from './units.js';

export type TimelineKind = 'target' | 'deadline' | 'event' | 'term_end' | 'other';
export type Holder = 'ROK' | 'US' | 'joint' | 'unknown';

export interface TimelineTarget {
  readonly expression: string;
  readonly normalized: string;
  readonly kind: TimelineKind;
  readonly holder: Holder;
  /** The deadline qualifier, kept apart from the value. */
  readonly qualifier: Qualifier | null;
  /** The event a date is anchored to, with its own qualifier ("before the term ends"), if any. */
  readonly anchor: string | null;
  readonly span: Span;
  readonly confidence: number;
}

interface Clause {
  readonly start: number;
  readonly end: number;
}

function clauseOf(text: string, units: readonly Unit[], at: number): Clause | undefined {
  const unit = units.find((u) => at >= u.start && at < u.end);
  if (!unit) return undefined;
  const before = text.slice(unit.start, at).lastIndexOf(';');
  const after = text.slice(at, unit.end).indexOf(';');
  return { start: before < 0 ? unit.start : unit.start + before + 1, end: after < 0 ? unit.end : at + after };
}

type Hit = readonly [number, number];

/** Spans of every match of a signal in a stretch of text. */
function signalAt(ctx: ActorContext, signal: TimelineSignal, from: number, to: number): Hit[] {
  const pattern = ctx.lexicon.timeline[signal];
  return [...ctx.text.slice(from, to).matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => [from + m.index, from + m.index + m[0].length] as const);
}

/** Drop hits inside a longer hit of another signal ("Meeting" inside "Security Consultative Meeting"). */
function outside(hits: readonly Hit[], longer: readonly Hit[]): Hit[] {
  return hits.filter(([s, e]) => !longer.some(([ls, le]) => s >= ls && e <= le && le - ls > e - s));
}

/** A dateline ("SEOUL, May 2 (Yonhap) --") or a publication line at the top is not a timeline date. */
export function isDateline(text: string, e: TimeExpression): boolean {
  if (e.span.start > 120) return false;
  const line = text.slice(text.lastIndexOf('\n', e.span.start) + 1, e.span.start);
  return /^[A-Z][A-Z .,'-]*,\s*$/.test(line) || /^\s*(?:[A-Z][a-z]+,?\s*)?$/.test(line) || /^\s*(By .*\n)?[A-Z][A-Z]+.*,\s*$/.test(line);
}

function nearest(hits: readonly Hit[], at: number): number {
  return hits.reduce((best, [s, e]) => Math.min(best, at >= e ? at - e : s >= at ? s - at : 0), Number.POSITIVE_INFINITY);
}

function holderOf(ctx: ActorContext, whole: Clause, at: number, kind: TimelineKind, isBilateral: boolean, termAt: number): Holder {
  // A dateline ("WASHINGTON, March 3, 2021 —") names a place, not an actor.
  const dateline = /^[A-Z]{3,}[^—]{0,60}?(?:—|--)\s*/.exec(ctx.text.slice(whole.start, whole.end));
  const clause = dateline ? { start: whole.start + dateline[0].length, end: whole.end } : whole;
  const actors = actorsIn(ctx, clause.start, clause.end);
  const toHolder = (side: string | undefined): Holder => (side === 'ROK' || side === 'US' ? side : side === 'joint' ? 'joint' : 'unknown');
  if (kind === 'term_end') {
    const owner = [...actors].reverse().find((a) => a.start < termAt);
    return owner ? toHolder(owner.side) : 'unknown';
  }
  if (kind === 'event' && isBilateral) return 'joint';
  const subjects = actors.filter((a) => !a.isObject && a.side !== 'other');
  const before = [...subjects].reverse().find((a) => a.end <= at);
  const after = subjects.find((a) => a.start >= at);
  const chosen = before ?? (kind === 'event' || kind === 'other' ? after : undefined);
  return chosen ? toHolder(chosen.side) : 'joint';
}

/** Pick the timeline targets among the temporal expressions of a document. */
export function timelineTargets(ctx: ActorContext, units: readonly Unit[], expressions: readonly TimeExpression[]): TimelineTarget[] {
  const out: TimelineTarget[] = [];
  for (const e of expressions) {
    const clause = clauseOf(ctx.text, units, e.valueStart);
    if (!clause || isDateline(ctx.text, e)) continue;
    const at = e.valueStart;
    const windowStart = Math.max(clause.start, at - 110);
    const windowEnd = Math.min(clause.end, e.span.end + 110);
    const bilateral = signalAt(ctx, 'bilateralEvents', windowStart, windowEnd);
    const transition = signalAt(ctx, 'transition', windowStart, windowEnd);
    const other = outside(signalAt(ctx, 'otherEvents', windowStart, windowEnd), bilateral);
    const termEnd = signalAt(ctx, 'termEnds', Math.max(clause.start, at - 60), Math.min(clause.end, e.span.end + 30));
    const termStart = signalAt(ctx, 'termStarts', Math.max(clause.start, at - 50), e.span.end);
    const unrelated = signalAt(ctx, 'unrelated', Math.max(clause.start, at - 50), Math.min(clause.end, e.span.end + 80));
    const isCoarseDeictic = e.isDeictic && !e.isBareDay && !/^\d{4}$/.test(e.value);
    // A deadline-like "by 2015" in a paragraph about the transfer places it even without a transfer word nearby.
    const isByQualified = e.qualifier === 'by' || e.qualifier === 'no later than' || e.qualifier === 'by the end of';
    // "The U.S. had proposed 2009, while Seoul wanted 2012": a date someone proposes, in a paragraph about the transfer.
    const isProposed = /\b(propos\w*|want\w*|favou?r\w*|prefer\w*|sought|seek\w*|eye[ds]?|eyeing|target\w*|aim\w*|push(?:ed|es|ing)? for)\s+(?:\w+\s+){0,2}$/i.test(ctx.text.slice(Math.max(clause.start, e.span.start - 40), e.span.start));
    // News paragraphs are often one sentence long: the paragraph before counts as context too.
    const paragraphOf = isByQualified || isProposed ? units.find((v) => at >= v.start && at < v.end)?.paragraph : undefined;
    const previousParagraph = paragraphOf === undefined ? undefined : Math.max(-1, ...units.filter((u) => u.paragraph < paragraphOf).map((u) => u.paragraph));
    const isDeadlineLike =
      (isByQualified || isProposed) && units.some((u) => (u.paragraph === paragraphOf || u.paragraph === previousParagraph) && signalAt(ctx, 'transition', u.start, u.end).length > 0);
    if (e.isBareDay) continue;
    if (isCoarseDeictic) {
      if (bilateral.length === 0) continue;
    } else if (transition.length + bilateral.length + other.length + termEnd.length + termStart.length === 0 && !isDeadlineLike) {
      continue;
    }
    if (unrelated.length > 0 && nearest(unrelated, at) < nearest(transition, at)) continue;
    const isTransitionClose = nearest(transition, at) <= 40;
    // The term must end right where the date stands ("term, which ends in 2030"), not earlier in the sentence.
    const isTermEnd = termEnd.some(([, end]) => end <= at && at - end <= 16);
    const kind: TimelineKind =
      isTermEnd ? 'term_end'
      : termStart.length > 0 ? 'other'
      : e.qualifier === 'no later than' || e.qualifier === 'by the end of' || /^\d{4}-12$/.test(e.value) && /\bend of\b/i.test(e.text) ? 'deadline'
      : !isTransitionClose && (bilateral.length > 0 || other.length > 0) ? 'event'
      : 'target';
    const isBilateral = bilateral.length > 0 && (other.length === 0 || nearest(bilateral, at) <= nearest(other, at));
    const holder = holderOf(ctx, clause, at, kind, isBilateral, termEnd[0]?.[0] ?? at);
    const normalized = corpusValue(e.value);
    if (out.some((t) => t.normalized === normalized)) continue;
    const confidence = isCoarseDeictic ? 0.5 : isTransitionClose || isTermEnd ? 0.8 : 0.6;
    // "before his term ends in 2030": the date of the term's end, anchoring a "before".
    const anchored = isTermEnd ? /\b(before|after|until|by|when)\b[^.;,]{0,60}?\bterm\b[^.;,]{0,25}$/i.exec(ctx.text.slice(Math.max(clause.start, at - 90), at)) : null;
    const anchor = anchored ? `${anchored[1]!.toLowerCase()} the term ends` : null;
    out.push({ expression: e.text, normalized, kind, holder, qualifier: e.qualifier, anchor, span: e.span, confidence });
  }
  // A relative period that holds a date written out elsewhere is a second mention of it ("late last year", "December 2021").
  return out.filter((t) => {
    const source = expressions.find((e) => e.span.start === t.span.start);
    if (!source?.isDeictic || !/-(Q|H)|^\d{4}$/.test(source.value)) return true;
    const bounds = timexBounds(source.value);
    return !out.some((o) => o !== t && o.normalized.length > t.normalized.length && timexBounds(o.normalized).startDay >= bounds.startDay && timexBounds(o.normalized).endDay <= bounds.endDay && !expressions.find((e) => e.span.start === o.span.start)?.isRelative);
  });
}

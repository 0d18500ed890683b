/**
 * Dated events (corpus README, "events"): happenings of the OPCON process that the text dates —
 * the news event itself ("said Wednesday", "on Sunday announced") and background milestones with
 * an explicit date. Dates are ISO, partial where the text is (YYYY, YYYY-MM).
 */
import type { CompiledLexicon } from './lexicon.js';
import { evidenceSpan, type Span } from './spans.js';
import type { TimeExpression } from './time-expressions.js';
import type { Tense } from './time-normalize.js';
import { isDateline, type TimelineTarget } from './timeline.js';
import type { Unit } from './units.js';

export interface DatedEvent {
  readonly date: string;
  readonly what: string;
  readonly evidence: string;
  readonly span: Span;
  readonly confidence: number;
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The events of a document: dated past happenings in sentences about the transition or its forums. */
export function datedEvents(
  text: string,
  units: readonly Unit[],
  expressions: readonly TimeExpression[],
  targets: readonly TimelineTarget[],
  tenseAt: (offset: number) => Tense,
  lexicon: CompiledLexicon,
): DatedEvent[] {
  const out: DatedEvent[] = [];
  for (const e of expressions) {
    if (!PARTIAL_DATE.test(e.value) || out.some((o) => o.date === e.value)) continue;
    const unit = units.find((u) => e.valueStart >= u.start && e.valueStart < u.end);
    if (!unit || isDateline(text, e)) continue;
    const sentence = text.slice(unit.start, unit.end);
    const isTarget = targets.some((t) => t.span.start === e.span.start && t.kind === 'event');
    const isAboutProcess = new RegExp(lexicon.timeline.transition.source, 'i').test(sentence) || new RegExp(lexicon.timeline.bilateralEvents.source, 'i').test(sentence);
    const isPast = tenseAt(e.valueStart) !== 'future';
    if (!isTarget && !((e.isBareDay || e.isRelative) && isPast && isAboutProcess)) continue;
    const evidence = evidenceSpan(text, unit, e.span);
    out.push({ date: e.value, what: sentence.length > 160 ? `${sentence.slice(0, 157).trimEnd()}…` : sentence, evidence: text.slice(evidence.start, evidence.end), span: evidence, confidence: isTarget ? 0.7 : 0.5 });
  }
  return out;
}

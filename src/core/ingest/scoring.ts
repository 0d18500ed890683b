/**
 * Scoring extraction against gold labels (issue 7 §5): precision, recall and F1 per label, and
 * accuracies. Quotes match on their exact text after normalising white space and quote marks;
 * speaker and side accuracy are over matched quotes; timeline targets match on the normalized
 * value; conditions, stances and forums compare per-document sets (a forum "other: …" counts as
 * "other", since its free-text name varies). Counts are summed over documents (micro-average).
 */
import type { Extraction } from './extract.js';
import type { Gold } from './labelled.js';

export interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface Prf extends Counts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Accuracy {
  readonly accuracy: number;
  readonly correct: number;
  readonly total: number;
}

export interface DocumentScore {
  readonly kind: 'document-score';
  readonly name: string;
  readonly quotes: Counts;
  readonly speaker: { readonly correct: number; readonly total: number };
  readonly side: { readonly correct: number; readonly total: number };
  readonly timeline: Counts;
  readonly conditions: Counts;
  readonly stances: Counts;
  readonly stanceSides: { readonly correct: number; readonly total: number };
  readonly forums: Counts;
  readonly events: Counts;
}

export const METRICS = ['quoteF1', 'speakerAccuracy', 'sideAccuracy', 'timelineF1', 'conditionsF1', 'stanceAccuracy', 'forumsF1'] as const;
export type Metric = (typeof METRICS)[number];
export type Floors = Readonly<Record<Metric, number>>;

/** The floors of issue 7 §6. */
export const DEFAULT_FLOORS: Floors = { quoteF1: 0.9, speakerAccuracy: 0.9, sideAccuracy: 0.9, timelineF1: 0.8, conditionsF1: 0.8, stanceAccuracy: 0.75, forumsF1: 0.85 };

/** Quote text compared as printed, less differences of white space, quote-mark style and a final comma or full stop. */
export function normaliseQuote(text: string): string {
  return text.replace(/[“”„"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, ' ').trim().replace(/[,.]$/, '').trim();
}

const normaliseName = (name: string | null) => (name === null ? null : normaliseQuote(name).toLowerCase());
const forumCategory = (forum: string) => (forum.startsWith('other') ? 'other' : forum);

/** One-to-one matches of two multisets of keys. */
function matchCounts(gold: readonly string[], predicted: readonly string[]): Counts {
  const left = [...gold];
  let tp = 0;
  for (const p of predicted) {
    const i = left.indexOf(p);
    if (i >= 0) {
      left.splice(i, 1);
      tp++;
    }
  }
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

const unique = (values: readonly string[]) => [...new Set(values)];

/** Score one document's extraction against its gold labels. */
export function scoreDocument(name: string, gold: Gold, got: Extraction): DocumentScore {
  const remaining = [...gold.quotes];
  let speakerCorrect = 0;
  let sideCorrect = 0;
  let matched = 0;
  for (const q of got.quotes) {
    const i = remaining.findIndex((g) => normaliseQuote(g.text) === normaliseQuote(q.text));
    if (i < 0) continue;
    const g = remaining.splice(i, 1)[0]!;
    matched++;
    if (normaliseName(g.speaker) === normaliseName(q.speaker)) speakerCorrect++;
    if (g.side === q.side) sideCorrect++;
  }
  const stanceKey = (s: { readonly side: string; readonly stance: string }) => `${s.side}:${s.stance}`;
  const stanceSides = unique(gold.stances.map((s) => s.side));
  const setOf = (list: readonly { readonly side: string; readonly stance: string }[], side: string) => unique(list.filter((s) => s.side === side).map((s) => s.stance)).sort().join(',');
  return {
    kind: 'document-score',
    name,
    quotes: { tp: matched, fp: got.quotes.length - matched, fn: gold.quotes.length - matched },
    speaker: { correct: speakerCorrect, total: matched },
    side: { correct: sideCorrect, total: matched },
    timeline: matchCounts(unique(gold.timeline_targets.map((t) => t.normalized)), unique(got.timeline_targets.map((t) => t.normalized))),
    conditions: matchCounts(unique(gold.conditions_mentioned), unique(got.conditions_mentioned)),
    stances: matchCounts(unique(gold.stances.map(stanceKey)), unique(got.stances.map(stanceKey))),
    stanceSides: { correct: stanceSides.filter((side) => setOf(gold.stances, side) === setOf(got.stances, side)).length, total: stanceSides.length },
    forums: matchCounts(unique(gold.forums.map(forumCategory)), unique(got.forums.map(forumCategory))),
    events: matchCounts(unique(gold.events.map((e) => e.date)), unique(got.events.map((e) => e.date))),
  };
}

/** Precision, recall and F1 of summed counts; with nothing to find and nothing found, all three are 1. */
export function prf(counts: readonly Counts[]): Prf {
  const tp = counts.reduce((n, c) => n + c.tp, 0);
  const fp = counts.reduce((n, c) => n + c.fp, 0);
  const fn = counts.reduce((n, c) => n + c.fn, 0);
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Accuracy of summed correct/total pairs; 1 when there is nothing to judge. */
export function accuracy(parts: readonly { readonly correct: number; readonly total: number }[]): Accuracy {
  const correct = parts.reduce((n, p) => n + p.correct, 0);
  const total = parts.reduce((n, p) => n + p.total, 0);
  return { accuracy: total === 0 ? 1 : correct / total, correct, total };
}

export interface Summary {
  readonly quotes: Prf;
  readonly speaker: Accuracy;
  readonly side: Accuracy;
  readonly timeline: Prf;
  readonly conditions: Prf;
  readonly stances: Prf & { readonly accuracy: number };
  readonly forums: Prf;
  readonly events: Prf;
  readonly metrics: Readonly<Record<Metric, number>>;
}

/** Sum the document scores into the report's figures. */
export function summarise(scores: readonly DocumentScore[]): Summary {
  const quotes = prf(scores.map((s) => s.quotes));
  const speaker = accuracy(scores.map((s) => s.speaker));
  const side = accuracy(scores.map((s) => s.side));
  const timeline = prf(scores.map((s) => s.timeline));
  const conditions = prf(scores.map((s) => s.conditions));
  const stanceAccuracy = accuracy(scores.map((s) => s.stanceSides)).accuracy;
  const stances = { ...prf(scores.map((s) => s.stances)), accuracy: stanceAccuracy };
  const forums = prf(scores.map((s) => s.forums));
  return {
    quotes,
    speaker,
    side,
    timeline,
    conditions,
    stances,
    forums,
    events: prf(scores.map((s) => s.events)),
    metrics: {
      quoteF1: quotes.f1,
      speakerAccuracy: speaker.accuracy,
      sideAccuracy: side.accuracy,
      timelineF1: timeline.f1,
      conditionsF1: conditions.f1,
      stanceAccuracy,
      forumsF1: forums.f1,
    },
  };
}

/** The metrics below their floors. */
export function belowFloors(metrics: Readonly<Record<Metric, number>>, floors: Floors): { readonly metric: Metric; readonly value: number; readonly floor: number }[] {
  return METRICS.filter((m) => metrics[m] < floors[m]).map((metric) => ({ metric, value: metrics[metric], floor: floors[metric] }));
}

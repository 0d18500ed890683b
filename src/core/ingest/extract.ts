/**
 * The extraction pipeline: one article in, cited evidence out — quotes with speakers and sides,
 * timeline targets, conditions, stances, forums and dated events, each with its span and a
 * confidence. Pure: the lexicon and the publication date come in as data.
 */
import { attributeQuotes, attributionContext, findCues } from './attribution.js';
import type { CompiledLexicon } from './lexicon.js';
import { findPeople } from './names.js';
import { analyse } from './nlp.js';
import { labelQuotes, type ExtractedQuote } from './quote-labels.js';
import { pairQuotes, type MarkIssue } from './quotes.js';
import { buildUnits } from './units.js';
import { conditionsMentioned, type ConditionMention } from './conditions.js';
import { datedEvents, type DatedEvent } from './events.js';
import { forumsMentioned, type ForumMention } from './forums.js';
import { stancesOf, type StanceMention } from './stances.js';
import { tenseFinder } from './tense.js';
import { findTimeExpressions } from './time-expressions.js';
import { timelineTargets, type TimelineTarget } from './timeline.js';

export interface IngestDocument {
  readonly kind: 'ingest-document';
  readonly text: string;
  /** Publication date (YYYY-MM-DD), against which relative dates are resolved; null when unknown. */
  readonly published: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly url: string | null;
}

/** The corpus's label keys and values, each item with its span and a confidence. */
export interface Extraction {
  readonly kind: 'extraction';
  readonly quotes: readonly ExtractedQuote[];
  readonly timeline_targets: readonly TimelineTarget[];
  readonly conditions_mentioned: readonly string[];
  readonly stances: readonly StanceMention[];
  readonly forums: readonly string[];
  readonly events: readonly DatedEvent[];
  /** Where each condition and forum was found. */
  readonly evidence: { readonly conditions: readonly ConditionMention[]; readonly forums: readonly ForumMention[] };
  /** Quotation marks that could not be paired: flagged, not fatal. */
  readonly warnings: readonly { readonly message: string; readonly at: number }[];
}

/** Mask institution names and side words so that a run of capitals inside them is not read as a person's name. */
function maskForNames(text: string, lexicon: CompiledLexicon): string {
  const blank = (m: string) => m.replace(/\S/g, 'x');
  return text.replace(lexicon.institutionPattern, blank).replace(lexicon.sidePattern, blank);
}

/** Run the whole pipeline over one document. */
export function extract(doc: IngestDocument, lexicon: CompiledLexicon): Extraction {
  const text = doc.text;
  const analysis = analyse(text);
  const paired = pairQuotes(text);
  const topLevel = paired.spans.filter((s) => !s.isNested);
  const units = buildUnits(text, analysis, topLevel);
  const people = findPeople(text, maskForNames(text, lexicon), lexicon, topLevel);
  const ctx = attributionContext(text, lexicon, units, topLevel, people);
  const cues = findCues(ctx);
  const quotes = labelQuotes(text, attributeQuotes(ctx, cues));
  const tenseAt = tenseFinder(units);
  // Without a publication date, relative expressions ("last week", "in October") cannot be placed.
  const expressions = findTimeExpressions(text, doc.published ?? '2000-01-01', tenseAt).filter((e) => doc.published !== null || !e.isRelative);
  const actors = { text, lexicon, people };
  const timeline = timelineTargets(actors, units, expressions);
  const conditions = conditionsMentioned(text, doc.published, units, lexicon);
  const forums = forumsMentioned(text, units, lexicon);
  return {
    kind: 'extraction',
    quotes,
    timeline_targets: timeline,
    conditions_mentioned: conditions.map((c) => c.condition),
    stances: stancesOf(actors, units, quotes, cues),
    forums: forums.map((f) => f.forum),
    events: datedEvents(text, units, expressions, timeline, tenseAt, lexicon),
    evidence: { conditions, forums },
    warnings: paired.issues.map((i: MarkIssue) => ({ message: i.message, at: i.at })),
  };
}

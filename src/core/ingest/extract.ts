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

export interface IngestDocument {
  readonly kind: 'ingest-document';
  readonly text: string;
  /** Publication date (YYYY-MM-DD), against which relative dates are resolved; null when unknown. */
  readonly published: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly url: string | null;
}

export interface Extraction {
  readonly kind: 'extraction';
  readonly quotes: readonly ExtractedQuote[];
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
  return {
    kind: 'extraction',
    quotes,
    warnings: paired.issues.map((i: MarkIssue) => ({ message: i.message, at: i.at })),
  };
}

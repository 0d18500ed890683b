/**
 * Attribution: which speaker each quotation is credited to. Speech cues ("said", "told",
 * "according to") are found outside quotations; each cue's subject is the noun phrase before it
 * (speaker-first: "Moon said …"), or after it when the cue follows a quotation or a comma
 * (quote-first, inverted: "…," said Dennis Florig). A quotation takes the first cue after it in
 * its sentence, else the last cue before it, else (when it stands as a sentence of its own) the
 * speaker of the quotation before it.
 */
import type { CompiledLexicon } from './lexicon.js';
import type { PersonMention } from './names.js';
import type { Token } from './nlp.js';
import type { QuoteSpan } from './quotes.js';
import { resolveSpeaker, type Speaker, type SpeakerContext } from './speakers.js';
import type { Unit } from './units.js';

export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly isParticiple: boolean;
  readonly unit: number;
  /** The speaker the cue credits; null when its subject could not be found. */
  readonly speaker: Speaker | null;
}

export type AttributionHow = 'cue-after' | 'cue-before' | 'carried-over';

export interface Attribution {
  readonly quote: QuoteSpan;
  readonly speaker: Speaker | null;
  readonly how: AttributionHow | 'none';
  /** True when the quotation is the whole of its sentence (not a fragment built into one). */
  readonly isSentence: boolean;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PART']);
const SKIP_WORDS = new Set(['also', 'further', 'later', 'earlier', 'then', 'again', 'yesterday', 'today', 'tonight', 'previously', 'recently', 'separately', 'reportedly', 'repeatedly', 'strongly', 'publicly', 'privately', 'once']);
const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

const insideQuote = (quotes: readonly QuoteSpan[], at: number) => quotes.some((q) => at >= q.start && at < q.end);
const insidePerson = (people: readonly PersonMention[], t: Token) => people.some((m) => t.start >= m.start && t.end <= m.end);

function isNounPhraseToken(tokens: readonly Token[], i: number, people: readonly PersonMention[]): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (insidePerson(people, t)) return true;
  if (NP_POS.has(t.pos)) return !(t.pos === 'DET' && /^(that|which|this|these|those)$/i.test(t.text));
  if (t.pos === 'PRON') return /^(he|she|they|we|it|i|his|her|their|its|our)$/i.test(t.text);
  if (t.pos === 'PUNCT') return /^[-/’']$/.test(t.text) && tokens[i - 1] !== undefined && tokens[i - 1]!.end === t.start;
  if (t.pos === 'ADP') return /^of$/i.test(t.text) && /^(PROPN|NOUN|DET|ADJ)$/.test(tokens[i + 1]?.pos ?? '');
  if (t.pos === 'CCONJ') return /^and$/i.test(t.text) && tokens[i - 1]?.pos === 'PROPN' && tokens[i + 1]?.pos === 'PROPN';
  return false;
}

function isSkippable(tokens: readonly Token[], i: number, people: readonly PersonMention[]): boolean {
  const t = tokens[i]!;
  // Part of a name is never skipped: "back" in "Ahn Gyu-back said" is not an adverb.
  if (insidePerson(people, t)) return false;
  return t.pos === 'ADV' || SKIP_WORDS.has(t.text.toLowerCase()) || WEEKDAYS.test(t.text) || (/^on$/i.test(t.text) && WEEKDAYS.test(tokens[i + 1]?.text ?? ''));
}

/** The subject before a cue: skip adverbs and a comma-set appositive, then take the noun phrase. */
function subjectBefore(tokens: readonly Token[], i: number, from: number, ctx: AttributionContext): readonly [number, number] | null {
  let j = i - 1;
  while (j >= from && isSkippable(tokens, j, ctx.people)) j--;
  if (j < from) return null;
  if (tokens[j]!.text === ',') {
    // A person whose description ends at this comma ("Sharp, commander of …, Combined Forces Command, told").
    const comma = tokens[j]!.start;
    const described = ctx.people.find((m) => m.appositive !== null && m.end < comma && ctx.text.slice(m.end, comma).replace(/^,\s*/, '').trim() === m.appositive);
    if (described) return [described.start, described.end];
    // "Alpha, the ruling party's candidate, said": step over the appositive to the name.
    let k = j - 1;
    while (k >= from && j - k < 30 && tokens[k]!.text !== ',' && !insideQuote(ctx.quotes, tokens[k]!.start)) k--;
    if (k < from || tokens[k]!.text !== ',') return null;
    const first = tokens[k + 1];
    if (!first || !/^([a-z]|the\b|a\b|an\b)/.test(first.text) && !/^[A-Z]/.test(first.text)) return null;
    j = k - 1;
  }
  const end = tokens[j]!.end;
  while (j >= from && isNounPhraseToken(tokens, j, ctx.people) && !insideQuote(ctx.quotes, tokens[j]!.start)) j--;
  const start = tokens[j + 1]?.start;
  return start === undefined || start >= end ? null : [start, end];
}

/** The subject after an inverted cue ("…," said Gen. Paul J. LaCamera, …). */
function subjectAfter(tokens: readonly Token[], i: number, to: number, ctx: AttributionContext): readonly [number, number] | null {
  let j = i + 1;
  while (j < to && isSkippable(tokens, j, ctx.people)) j++;
  const start = tokens[j]?.start;
  while (j < to && isNounPhraseToken(tokens, j, ctx.people)) j++;
  const end = tokens[j - 1]?.end;
  return start === undefined || end === undefined || end <= start ? null : [start, end];
}

export interface AttributionContext extends SpeakerContext {
  readonly tokens: readonly Token[];
  readonly units: readonly Unit[];
  /** Top-level quotations. */
  readonly quotes: readonly QuoteSpan[];
}

/** Build the context the attribution rules share. */
export function attributionContext(text: string, lexicon: CompiledLexicon, units: readonly Unit[], quotes: readonly QuoteSpan[], people: readonly PersonMention[]): AttributionContext {
  return { text, lexicon, people, history: [], tokens: units.flatMap((u) => u.tokens), units, quotes };
}

/** Every speech cue outside quotations, with the speaker it credits, in text order. */
export function findCues(ctx: AttributionContext): Cue[] {
  const cues: Cue[] = [];
  ctx.units.forEach((unit, u) => {
    const tokens = unit.tokens;
    // Only this unit's quotations and names matter to its noun phrases; looking them up in the
    // whole document for every token made long articles slow.
    const local: AttributionContext = {
      ...ctx,
      quotes: ctx.quotes.filter((q) => q.end > unit.start && q.start < unit.end),
      people: ctx.people.filter((m) => m.end > unit.start && m.start < unit.end),
    };
    const phraseMatches = [...ctx.text.slice(unit.start, unit.end).matchAll(ctx.lexicon.cuePhrases)];
    const phraseCues = phraseMatches.map((m) => unit.start + m.index);
    // "according to X" names its source after the cue; "X told reporters" before it.
    const sourceAfter = new Set(phraseMatches.filter((m) => /^according\b/i.test(m[0])).map((m) => unit.start + m.index));
    tokens.forEach((t, i) => {
      if (insideQuote(local.quotes, t.start)) return;
      // ", adding, “…”": a participle between a quotation (or comma) and a comma continues the speaker.
      const isParticiple =
        ctx.lexicon.participles.has(t.text.toLowerCase()) && /^[,”"’']$/.test(tokens[i - 1]?.text ?? '') && /^[,:“"‘']$/.test(tokens[i + 1]?.text ?? '');
      const isVerbCue = t.pos === 'VERB' && ctx.lexicon.cueLemmas.has(t.lemma.toLowerCase());
      const isPhraseCue = phraseCues.includes(t.start);
      if (!isParticiple && !isVerbCue && !isPhraseCue) return;
      if (isParticiple) {
        cues.push({ start: t.start, end: t.end, isParticiple, unit: u, speaker: null });
        return;
      }
      const before = tokens[i - 1];
      const isClosingMark = (tok: Token | undefined) => tok !== undefined && /^[”"’']$/.test(tok.text) && insideQuote(local.quotes, tok.start);
      const isSourceAfter = sourceAfter.has(t.start);
      const isInverted = isSourceAfter || before === undefined || isClosingMark(before) || (before.text === ',' && isClosingMark(tokens[i - 2]));
      const span = isInverted ? subjectAfter(tokens, isSourceAfter ? i + 1 : i, tokens.length, local) : subjectBefore(tokens, i, 0, local);
      // The reported clause: what precedes a quote-first attribution ("…," an official said), else what follows the cue.
      const isQuoteFirst = isInverted || (span !== null && ctx.quotes.some((q) => q.end <= span[0] && span[0] - q.end <= 3));
      const reported = isQuoteFirst ? ctx.text.slice(unit.start, span?.[0] ?? t.start) : ctx.text.slice(t.end, unit.end);
      const speaker = span ? resolveSpeaker(ctx, span[0], span[1], reported) : null;
      if (speaker) ctx.history.push(speaker);
      cues.push({ start: t.start, end: t.end, isParticiple, unit: u, speaker });
    });
  });
  return cues;
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Credit each top-level quotation to a speaker. */
export function attributeQuotes(ctx: AttributionContext, cues: readonly Cue[]): Attribution[] {
  const out: Attribution[] = [];
  // Each quotation's unit, found once (documents can hold thousands of quotations).
  const unitIndex = new Map(ctx.quotes.map((q) => [q, ctx.units.findIndex((u) => q.start >= u.start && q.start < u.end)]));
  const unitOf = (q: QuoteSpan) => unitIndex.get(q) ?? -1;
  const cuesByUnit = new Map<number, Cue[]>();
  for (const c of cues) cuesByUnit.set(c.unit, [...(cuesByUnit.get(c.unit) ?? []), c]);
  for (const quote of ctx.quotes) {
    const u = unitOf(quote);
    const unit = ctx.units[u];
    if (!unit) continue;
    const rest = (ctx.text.slice(unit.start, quote.start) + ctx.text.slice(quote.end, unit.end)).replace(/[\s.,;:!?”"’'“‘—–-]/g, '');
    const isSentence = rest === '';
    // Quotations of three words or more stand between a cue and another quotation; a nickname does not.
    const blockers = ctx.quotes.filter((q) => q !== quote && unitOf(q) === u && wordCount(ctx.text.slice(q.innerStart, q.innerEnd)) >= 3);
    const nextBlock = Math.min(...blockers.filter((q) => q.start >= quote.end).map((q) => q.start), unit.end);
    const previousBlock = Math.max(...blockers.filter((q) => q.end <= quote.start).map((q) => q.end), unit.start);
    const inUnit = cuesByUnit.get(u) ?? [];
    const after = inUnit.find((c) => c.start >= quote.end && c.start < nextBlock);
    const sameUnitBefore = out.filter((a) => a.quote.end <= quote.start && unitOf(a.quote) === u && a.speaker !== null);
    let speaker: Speaker | null = null;
    let how: Attribution['how'] = 'none';
    const previousInUnit = sameUnitBefore[sameUnitBefore.length - 1];
    const cueBetween = previousInUnit !== undefined && inUnit.some((c) => c.start >= previousInUnit.quote.end && c.end <= quote.start && !c.isParticiple);
    if (after && !after.isParticiple && after.speaker) {
      speaker = after.speaker;
      how = 'cue-after';
    } else if (previousInUnit && !cueBetween) {
      // Fragments built into one sentence ("…a "X" by … into a "Y"") share their speaker.
      speaker = previousInUnit.speaker;
      how = 'cue-before';
    } else {
      const before = [...inUnit.filter((c) => c.end <= quote.start && (c.start >= previousBlock || c.isParticiple))].reverse()[0];
      if (before?.isParticiple) speaker = sameUnitBefore[sameUnitBefore.length - 1]?.speaker ?? [...inUnit].reverse().find((c) => c.end <= quote.start && c.speaker)?.speaker ?? null;
      else if (before?.speaker) speaker = before.speaker;
      else if (after?.isParticiple) speaker = [...inUnit].reverse().find((c) => c.end <= quote.start && c.speaker)?.speaker ?? null;
      if (speaker) how = 'cue-before';
    }
    if (!speaker && isSentence) {
      // A quotation standing alone continues the last speaker quoted nearby, or the next one in its paragraph.
      const previous = [...out].reverse().find((a) => a.speaker !== null && ctx.units[unitOf(a.quote)]!.paragraph >= unit.paragraph - 2);
      const nextCue = cues.find((c) => c.start > quote.end && !c.isParticiple && c.speaker && ctx.units[c.unit]?.paragraph === unit.paragraph);
      speaker = previous?.speaker ?? nextCue?.speaker ?? null;
      if (speaker) how = 'carried-over';
    }
    out.push({ quote, speaker, how, isSentence });
  }
  return out;
}

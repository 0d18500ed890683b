/**
 * Speaker phrases resolved to speakers: a named person (with in-document alias linking to the
 * fullest form of the name), a pronoun or a definite description ("he", "the official") resolved
 * to the most recent compatible speaker, an institution, or an unnamed source. The side comes from
 * the gazetteer, else from side words inside the phrase, else from the subject of the reported
 * clause (for unnamed sources), else it stays unknown.
 */
import type { CompiledLexicon, PhraseSide } from './lexicon.js';
import { nameKey } from './names.js';
import type { PersonMention } from './names.js';
import { sideOfPerson, sideOfPhrase } from './sides.js';

export type SpeakerVia = 'name' | 'alias' | 'pronoun' | 'description' | 'institution' | 'unnamed';

export interface Speaker {
  readonly kind: 'speaker';
  /** The fullest form of the name in the text; null for unnamed sources and institutions. */
  readonly speaker: string | null;
  readonly role: string | null;
  readonly side: PhraseSide | undefined;
  /** The phrase as written where the speaker is credited, and its span. */
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
  readonly via: SpeakerVia;
  /** The full-name mention, for people. */
  readonly personIndex: number | undefined;
}

export interface SpeakerContext {
  readonly text: string;
  readonly lexicon: CompiledLexicon;
  readonly people: readonly PersonMention[];
  /** Speakers resolved so far, in text order: pronouns and descriptions look back through them. */
  readonly history: Speaker[];
}

const PRONOUNS = new Set(['he', 'she', 'him', 'her']);
const INDIVIDUAL_NOUNS = /\b(official|spokesperson|spokesman|spokeswoman|source|commander|minister|secretary|general|adviser|advisor|diplomat|officer|aide|lawmaker|envoy|negotiator)$/i;
const DOCUMENT_NOUNS = new Set(['statement', 'communique', 'communiqué', 'release', 'report', 'letter', 'transcript', 'document', 'briefing']);

function fullestName(ctx: SpeakerContext, fullIndex: number): string {
  const full = ctx.people[fullIndex];
  if (!full) return '';
  // Other full mentions of the same person (same letters, or the same gazetteer entry) may be longer.
  const same = ctx.people.filter((m) => m.isFull && (nameKey(m.name) === nameKey(full.name) || (full.person !== undefined && m.person === full.person)));
  return same.reduce((best, m) => (m.name.length > best.length ? m.name : best), full.name);
}

function personSpeaker(ctx: SpeakerContext, mention: PersonMention, phrase: string, start: number, end: number, via: SpeakerVia): Speaker {
  const full = ctx.people[mention.fullIndex] ?? mention;
  const role = full.appositive ?? full.title ?? mention.appositive ?? mention.title;
  const description = [full.title, full.appositive, mention.title, mention.appositive, phrase].filter((p) => p !== null).join(' ; ');
  return {
    kind: 'speaker',
    speaker: fullestName(ctx, mention.fullIndex),
    role,
    side: sideOfPerson(ctx.lexicon, full.name, description),
    phrase,
    start,
    end,
    via,
    personIndex: mention.fullIndex,
  };
}

function lastPersonBefore(ctx: SpeakerContext, at: number): Speaker | PersonMention | undefined {
  for (let i = ctx.history.length - 1; i >= 0; i--) {
    const s = ctx.history[i]!;
    // An unnamed individual ("a senior official") can be "he" too; an institution or a document cannot.
    const isIndividual = s.personIndex !== undefined || INDIVIDUAL_NOUNS.test(s.phrase);
    if (s.start < at && isIndividual) {
      if (s.personIndex === undefined) return s;
      // A person named after the last speaker (and before the pronoun) is the nearer antecedent.
      const between = ctx.people.filter((m) => m.start > s.end && m.end <= at && m.fullIndex !== s.personIndex);
      return between.length > 0 ? between[between.length - 1] : s;
    }
  }
  const mentions = ctx.people.filter((m) => m.end <= at);
  return mentions[mentions.length - 1];
}

function describedBy(ctx: SpeakerContext, noun: string, at: number): Speaker | PersonMention | undefined {
  const has = (words: string | null | undefined) => words !== null && words !== undefined && new RegExp(`\\b${noun}\\b`, 'i').test(words);
  for (let i = ctx.history.length - 1; i >= 0; i--) {
    const s = ctx.history[i]!;
    if (s.start < at && (has(s.role) || has(s.phrase))) return s;
  }
  const mentions = ctx.people.filter((m) => m.end <= at && (has(m.title) || has(m.appositive)));
  return mentions[mentions.length - 1];
}

/** The side of the most recent institution named before `at` whose name contains a noun ("ministry"). */
function lastInstitutionWith(ctx: SpeakerContext, noun: string, at: number): PhraseSide | undefined {
  let side: PhraseSide | undefined;
  for (const m of ctx.text.slice(0, at).matchAll(ctx.lexicon.institutionPattern)) {
    if (m[0].toLowerCase().includes(noun)) side = ctx.lexicon.institutions.get(m[0])?.side ?? side;
  }
  return side;
}

/** The side of the reported clause's subject, for unnamed sources: the first side word in it. */
function reportedClauseSide(ctx: SpeakerContext, clause: string): PhraseSide | undefined {
  return sideOfPhrase(ctx.lexicon, clause.split(/[,;:—]/)[0] ?? '');
}

/** Resolve the phrase at [start, end) that a speech cue credits. `clause` is the reported clause, for unnamed sources. */
export function resolveSpeaker(ctx: SpeakerContext, start: number, end: number, clause: string): Speaker {
  const phrase = ctx.text.slice(start, end).trim();
  const words = phrase.split(/\s+/);
  const lower = phrase.toLowerCase();
  const inPhrase = ctx.people.filter((m) => m.start >= start && m.end <= end);
  const last = inPhrase[inPhrase.length - 1];
  // The phrase names a person when it ends with the name, or when the name heads it ("Dennis Florig of …").
  const head = last && /^\s*$/.test(ctx.text.slice(last.end, end)) ? last : inPhrase.find((m) => /^\s*(?:of|from|at)\b/.test(ctx.text.slice(m.end, end)) && /^[\s\w.]*$/.test(ctx.text.slice(start, m.start)) && !/\b(?:a|an|the)\s/i.test(ctx.text.slice(start, m.start)));
  if (head) return personSpeaker(ctx, head, phrase, start, end, head.isFull ? 'name' : 'alias');
  if (words.length === 1 && PRONOUNS.has(lower)) {
    const antecedent = lastPersonBefore(ctx, start);
    if (antecedent?.kind === 'speaker') return { ...antecedent, phrase, start, end, via: 'pronoun' };
    if (antecedent?.kind === 'person-mention') return personSpeaker(ctx, antecedent, phrase, start, end, 'pronoun');
  }
  const noun = (words[words.length - 1] ?? '').toLowerCase();
  if (/^the\b/i.test(phrase) && ctx.lexicon.roleNouns.has(noun) && words.length <= 3) {
    const antecedent = describedBy(ctx, noun, start);
    if (antecedent?.kind === 'speaker') return { ...antecedent, phrase, start, end, via: 'description' };
    if (antecedent?.kind === 'person-mention') return personSpeaker(ctx, antecedent, phrase, start, end, 'description');
  }
  const isInstitution = new RegExp(ctx.lexicon.institutionPattern.source).test(phrase);
  // "a ministry spokesperson": the ministry is the one the article has named.
  const bareBody = /\b(ministry|department|command|office)\b/i.exec(phrase)?.[1]?.toLowerCase();
  const namedBody = bareBody === undefined || isInstitution ? undefined : lastInstitutionWith(ctx, bareBody, start);
  // A document speaks for whoever issued it: "the ministry issued a statement confirming …".
  const issuer = DOCUMENT_NOUNS.has(noun) ? sideOfPhrase(ctx.lexicon, ctx.text.slice(Math.max(0, start - 120), start).split(/[,;:.!?“”"]/).pop() ?? '') : undefined;
  const side = sideOfPhrase(ctx.lexicon, phrase) ?? (last ? personSpeaker(ctx, last, phrase, start, end, 'alias').side : undefined) ?? namedBody ?? issuer;
  return {
    kind: 'speaker',
    speaker: null,
    role: phrase,
    side: side ?? (isInstitution ? undefined : reportedClauseSide(ctx, clause)),
    phrase,
    start,
    end,
    via: isInstitution ? 'institution' : 'unnamed',
    personIndex: undefined,
  };
}

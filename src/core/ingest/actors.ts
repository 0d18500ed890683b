/**
 * Actors in a clause: the people, institutions and side words that name who does something,
 * each with its side. An actor right after a preposition ("to Seoul", "under the Bush
 * administration") is an object, not the subject, and is marked so.
 */
import type { CompiledLexicon, PhraseSide } from './lexicon.js';
import type { PersonMention } from './names.js';
import { sideOfPerson } from './sides.js';

export interface Actor {
  readonly start: number;
  readonly end: number;
  readonly side: PhraseSide;
  /** True when a preposition governs it: the thing acted on, not the one acting. */
  readonly isObject: boolean;
}

export interface ActorContext {
  readonly text: string;
  readonly lexicon: CompiledLexicon;
  readonly people: readonly PersonMention[];
}

const PREPOSITION = /\b(to|from|with|against|of|for|on|by|under|over|toward|towards|into|onto|between|among|about|than|at|in)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+|just\s+)?$/i;
const PRONOUN = /\b(he|she)\b/gi;

/** The actors between two offsets, in text order. */
export function actorsIn(ctx: ActorContext, from: number, to: number): Actor[] {
  const clause = ctx.text.slice(from, to);
  const found: { start: number; end: number; side: PhraseSide | undefined }[] = [];
  for (const m of ctx.people) {
    if (m.start < from || m.end > to) continue;
    const full = ctx.people[m.fullIndex] ?? m;
    found.push({ start: m.start, end: m.end, side: sideOfPerson(ctx.lexicon, full.name, [full.title, full.appositive].join(' ')) });
  }
  const taken = (at: number) => found.some((f) => at >= f.start && at < f.end);
  for (const pattern of [ctx.lexicon.institutionPattern, ctx.lexicon.sidePattern]) {
    for (const m of clause.matchAll(pattern)) {
      const start = from + m.index;
      if (taken(start)) continue;
      const side = pattern === ctx.lexicon.institutionPattern ? ctx.lexicon.institutions.get(m[0])?.side : ctx.lexicon.sidePhrases.find((p) => p.phrase === m[0])?.value;
      found.push({ start, end: start + m[0].length, side });
    }
  }
  for (const m of clause.matchAll(PRONOUN)) {
    const start = from + m.index;
    const antecedent = [...ctx.people].reverse().find((p) => p.end <= start);
    if (!antecedent) continue;
    const full = ctx.people[antecedent.fullIndex] ?? antecedent;
    found.push({ start, end: start + m[0].length, side: sideOfPerson(ctx.lexicon, full.name, [full.title, full.appositive].join(' ')) });
  }
  const sided = found.filter((f): f is { start: number; end: number; side: PhraseSide } => f.side !== undefined).sort((a, b) => a.start - b.start);
  // "Lee and Obama agreed …": two actors of different sides joined by "and" act together.
  const merged: { start: number; end: number; side: PhraseSide }[] = [];
  for (const f of sided) {
    const previous = merged[merged.length - 1];
    const between = previous ? ctx.text.slice(previous.end, f.start) : '';
    if (previous && previous.side !== f.side && (previous.side === 'ROK' || previous.side === 'US') && (f.side === 'ROK' || f.side === 'US') && /^\s+and\s+(?:the\s+)?$/.test(between)) {
      merged[merged.length - 1] = { start: previous.start, end: f.end, side: 'joint' };
    } else if (previous && /^\s+(?:[A-Z][\w.-]*\s+)*$/.test(between) && f.start > previous.end) {
      // One noun phrase ("U.S. Defense Secretary Lloyd Austin"): a single actor, joint if it already was.
      merged[merged.length - 1] = { start: previous.start, end: f.end, side: previous.side === 'joint' ? 'joint' : f.side };
    } else merged.push(f);
  }
  return merged
    .map((f) => {
      const before = ctx.text.slice(Math.max(0, f.start - 40), f.start);
      // "For the United States, …" at the head of a sentence names whose view follows: a subject.
      const isTopic = /(?:^|[.;!?]\s+|\n)(?:(?:But|And|Yet)\s+)?(?:for|For)\s+(?:the\s+)?$/.test(before);
      // "the defense ministers of South Korea and the United States": the country is who acts.
      const isAgentOf = /\b(officials?|ministers?|leaders?|presidents?|governments?|militar(?:y|ies)|delegations?|chiefs?|commanders?|spokesperson|spokesman|administration|forces)\s+of\s+(?:the\s+)?$/i.test(before);
      return { ...f, isObject: !isTopic && !isAgentOf && PREPOSITION.test(before) };
    });
}

/**
 * Stances per side (corpus README, "stances"): each stance cue is credited to the actor of its
 * clause — the subject before it, a possessor after it ("on the Korean government's
 * request"), or the speaker of the quotation it sits in. Per side, a push either way outweighs
 * neutral reporting; a side quoted on the transition with no cue at all is neutral.
 */
import { actorsIn, type ActorContext } from './actors.js';
import type { Cue as SpeechCue } from './attribution.js';
import type { PhraseSide } from './lexicon.js';
import type { ExtractedQuote } from './quote-labels.js';
import { evidenceSpan, type Span } from './spans.js';
import type { Unit } from './units.js';

export type Stance = 'accelerate' | 'cautious' | 'neutral';

export interface StanceMention {
  readonly side: 'ROK' | 'US';
  readonly stance: Stance;
  readonly evidence: string;
  readonly span: Span;
  readonly confidence: number;
}

interface Cue {
  readonly side: PhraseSide;
  readonly stance: Stance;
  readonly span: Span;
}

const POSSESSOR_AFTER = /^[^.;]{0,30}?\b(?:at|on|upon)\s+(?:the\s+)?([^.;,]{2,40}?)['’]s?\s+(?:request|insistence|urging|demand)/i;

function cuesOf(ctx: ActorContext, unit: Unit, quotes: readonly ExtractedQuote[], speechCues: readonly SpeechCue[]): Cue[] {
  const out: Cue[] = [];
  const sentence = ctx.text.slice(unit.start, unit.end);
  for (const { stance, pattern } of ctx.lexicon.stanceCues) {
    for (const m of sentence.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const start = unit.start + m.index;
      const end = start + m[0].length;
      const clauseStart = unit.start + Math.max(0, sentence.lastIndexOf(';', m.index) + 1);
      // "opposes a delay", "a proposal to renegotiate … runs counter to its goal": pushing against delay.
      const negated = stance === 'cautious' && ctx.lexicon.negators.some((n) => n.test(ctx.text.slice(Math.max(clauseStart, start - 50), start)) || n.test(ctx.text.slice(end, Math.min(unit.end, end + 60))));
      const effective: Stance = negated ? 'accelerate' : stance;
      const quote = quotes.find((q) => start >= q.span.start && end <= q.span.end);
      // "was deferred amid provocations": a passive with no agent credits nobody.
      const isPassive = /^\w+(ed|en|set|put|held)\b/i.test(m[0]) && /\b(?:was|were|been|be|being|is|are)\s+(?:\w+ly\s+)?$/i.test(ctx.text.slice(Math.max(unit.start, start - 25), start));
      if (isPassive && !quote && (stance === 'neutral' || !/\bby\b/.test(ctx.text.slice(end, Math.min(unit.end, end + 40))))) continue;
      // Neutral cues report what was done, not what may be done ("can be reviewed").
      if (stance === 'neutral' && /\b(?:can|could|will|would|may|might|should|must|to)\s+(?:be\s+)?$/i.test(ctx.text.slice(Math.max(unit.start, start - 20), start))) continue;
      let side: PhraseSide | undefined;
      if (quote) side = quote.side === 'unknown' ? undefined : quote.side;
      else {
        const requester = POSSESSOR_AFTER.exec(ctx.text.slice(end, unit.end));
        const owner = requester ? actorsIn(ctx, end, end + requester[0].length).find((a) => a.side !== 'other') : undefined;
        const actors = actorsIn(ctx, clauseStart, start);
        // A possessor right before the cue owns it ("Seoul's long push to regain", "Washington's push").
        const possessor = [...actors].reverse().find((a) => /^(?:['’]s)?\s+(?:[\w-]+\s+){0,4}$/.test(ctx.text.slice(a.end, start)) && /['’]s$|['’]s\s/.test(ctx.text.slice(a.end - 2, a.end + 3)));
        // The subject is sought in the cue's own comma-delimited stretch first, then in the whole clause.
        const segmentStart = clauseStart + Math.max(0, ctx.text.slice(clauseStart, start).lastIndexOf(',') + 1);
        const inSegment = [...actors].reverse().find((a) => !a.isObject && a.start >= segmentStart);
        // "Seoul asked Washington to delay": the one asking holds the stance, not the one asked.
        const asker = actors.find((a, k) => !a.isObject && actors[k + 1] !== undefined && /^\s+(?:\w+\s+)?(asked|urged|requested|pressed|called on)\s+$/i.test(ctx.text.slice(a.end, actors[k + 1]!.start)));
        const subject = asker ?? inSegment ?? [...actors].reverse().find((a) => !a.isObject);
        // In reported speech ("He said the allies must …") the stance is the speaker's.
        const speech = speechCues.filter((c) => c.start >= unit.start && c.end <= start && c.speaker?.side !== undefined).pop();
        side = owner?.side ?? possessor?.side ?? (speech ? speech.speaker!.side : subject?.side);
        if (side === undefined) {
          // A speaker named later in the sentence ("…, the official said") is the actor.
          const speaker = quotes.find((q) => q.speakerSpan !== null && q.speakerSpan.start >= end && q.speakerSpan.end <= unit.end);
          side = speaker && speaker.side !== 'unknown' ? speaker.side : undefined;
        }
      }
      if (side === undefined || side === 'other') continue;
      out.push({ side, stance: effective, span: { start, end } });
    }
  }
  return out;
}

/** The stance of each side the document reports, with evidence. */
export function stancesOf(ctx: ActorContext, units: readonly Unit[], quotes: readonly ExtractedQuote[], speechCues: readonly SpeechCue[]): StanceMention[] {
  const cues: (Cue & { readonly unit: Unit })[] = units.flatMap((unit) => cuesOf(ctx, unit, quotes, speechCues).map((c) => ({ ...c, unit })));
  const out: StanceMention[] = [];
  for (const side of ['ROK', 'US'] as const) {
    const mine = cues.filter((c) => c.side === side || c.side === 'joint');
    const pushes = mine.filter((c) => c.stance !== 'neutral');
    const counts = (s: Stance) => pushes.filter((c) => c.stance === s).length;
    const pick = pushes.length > 0 ? (counts('accelerate') >= counts('cautious') ? 'accelerate' : 'cautious') : mine.length > 0 ? 'neutral' : undefined;
    if (pick === undefined) {
      const quoted = quotes.find((q) => q.side === side);
      if (quoted) out.push({ side, stance: 'neutral', evidence: quoted.text, span: quoted.span, confidence: 0.4 });
      continue;
    }
    const chosen = mine.find((c) => c.stance === pick)!;
    const span = evidenceSpan(ctx.text, chosen.unit, chosen.span);
    const support = mine.filter((c) => c.stance === pick).length;
    out.push({ side, stance: pick, evidence: ctx.text.slice(span.start, span.end), span, confidence: Math.min(0.9, 0.5 + 0.15 * support) });
  }
  return out;
}

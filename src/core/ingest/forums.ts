/**
 * Forums (corpus README, "forums"): the intergovernmental consultation mechanisms named in the
 * text — SCM, MCM, KIDD, summits, and other ministerial meetings — each once.
 */
import type { CompiledLexicon } from './lexicon.js';
import type { Span } from './spans.js';
import type { Unit } from './units.js';

export interface ForumMention {
  readonly forum: string;
  readonly evidence: string;
  readonly span: Span;
  readonly confidence: number;
}

/** The forums a document names, in order of first mention. */
export function forumsMentioned(text: string, units: readonly Unit[], lexicon: CompiledLexicon): ForumMention[] {
  const out: ForumMention[] = [];
  for (const unit of units) {
    const sentence = text.slice(unit.start, unit.end);
    for (const forum of lexicon.forums) {
      if (out.some((f) => f.forum === forum.label) || forum.exclude.some((p) => p.test(sentence))) continue;
      const m = forum.patterns.map((p) => p.exec(sentence)).find((x) => x !== null);
      if (!m) continue;
      out.push({ forum: forum.label, evidence: m[0], span: { start: unit.start + m.index, end: unit.start + m.index + m[0].length }, confidence: /^[A-Z]{3,4}$/.test(m[0]) || /[A-Z]/.test(m[0][0] ?? '') ? 0.9 : 0.7 });
    }
  }
  return out;
}

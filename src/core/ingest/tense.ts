/**
 * The tense of the clause around an offset, from wink's tags and lemmas: future markers (will,
 * scheduled, set to, plans to, next) win over past-tense verbs; it resolves dates written without
 * a year ("in October") and bare weekdays.
 */
import type { Token } from './nlp.js';
import type { Tense } from './time-normalize.js';
import type { Unit } from './units.js';

const FUTURE = /^(will|'ll|shall|scheduled|slated|due|upcoming|expected|planned|plans|plan|aims?|aiming|intends?|would|next|forthcoming)$/i;
const IRREGULAR_PAST = /^(was|were|had|did|said|told|took|made|held|met|began|set|came|went|gave|saw|sought|thought|brought|led|left|won|became|kept|put|agreed)$/i;

function tenseOf(token: Token): Tense | undefined {
  if (FUTURE.test(token.text)) return 'future';
  if ((token.pos === 'VERB' || token.pos === 'AUX') && (IRREGULAR_PAST.test(token.text) || (/ed$/i.test(token.text) && token.lemma.toLowerCase() !== token.text.toLowerCase()))) return 'past';
  return undefined;
}

/** A function giving the tense of the clause at an offset: the nearest marker before it in its unit, else after it. */
export function tenseFinder(units: readonly Unit[]): (offset: number) => Tense {
  return (offset) => {
    const unit = units.find((u) => offset >= u.start && offset <= u.end);
    if (!unit) return 'unknown';
    const before = unit.tokens.filter((t) => t.end <= offset).slice(-12).reverse();
    const after = unit.tokens.filter((t) => t.start >= offset).slice(0, 6);
    for (const t of [...before, ...after]) {
      const tense = tenseOf(t);
      if (tense) return tense;
    }
    return 'unknown';
  };
}

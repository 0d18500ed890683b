/**
 * Conditions mentioned (corpus README, "conditions_mentioned"): a condition counts where a
 * sentence both names it and presents it as a condition, prerequisite or object of verification
 * (or ties it to the transfer), and only from the year the conditions-based framework began.
 */
import type { CompiledLexicon } from './lexicon.js';
import type { Span } from './spans.js';
import type { Unit } from './units.js';

export type ConditionId = 'capability_to_lead' | 'strike_and_air_defense' | 'regional_security_environment';

export interface ConditionMention {
  readonly condition: ConditionId;
  readonly evidence: string;
  readonly span: Span;
  readonly confidence: number;
}

/** The conditions a document mentions, each once, with the first evidence found. */
export function conditionsMentioned(text: string, published: string | null, units: readonly Unit[], lexicon: CompiledLexicon): ConditionMention[] {
  if (published !== null && published < lexicon.conditionsSince) return [];
  const out: ConditionMention[] = [];
  for (const unit of units) {
    const sentence = text.slice(unit.start, unit.end);
    if (!lexicon.conditionContext.some((p) => p.test(sentence))) continue;
    for (const condition of lexicon.conditions) {
      if (out.some((c) => c.condition === condition.id)) continue;
      for (const pattern of condition.patterns) {
        const m = pattern.exec(sentence);
        if (!m) continue;
        out.push({
          condition: condition.id as ConditionId,
          evidence: m[0],
          span: { start: unit.start + m.index, end: unit.start + m.index + m[0].length },
          confidence: /\b(conditions?|prerequisites?|requirements?)\b/i.test(sentence) ? 0.85 : 0.65,
        });
        break;
      }
    }
  }
  return out;
}

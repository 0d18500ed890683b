/**
 * What-if scenarios: how a scenario's overrides change the inputs of the plan-derived model —
 * a side's ratings, slips, gates, the escalation level and the political decision. Overrides
 * apply in the order listed; a later one of the same kind wins.
 */
import { isoFromDayNumber, timexBounds } from '../common/dates.js';
import type { Rating } from '../ledger/schema.js';
import type { DecisionLevel } from '../plan/schema.js';
import type { RatingEvidence } from './derive.js';
import type { Distribution } from './model-schema.js';
import type { Override } from './plan-params.js';

type OverrideOf<K extends Override['kind']> = Extract<Override, { kind: K }>;

/** A side's evidence on a criterion after `adopt-ratings` and `set-rating` overrides. */
export function overriddenEvidence(
  overrides: readonly Override[],
  evidenceOf: (party: string) => RatingEvidence,
  party: string,
  criterionId: string,
  asOf: string,
): RatingEvidence {
  let current = evidenceOf(party);
  for (const o of overrides) {
    if (o.kind === 'adopt-ratings' && o.party === party && (o.criteria === undefined || o.criteria.includes(criterionId))) {
      current = evidenceOf(o.from);
    } else if (o.kind === 'set-rating' && o.criterion === criterionId && (o.party === undefined || o.party === party)) {
      // A fresh assessment as of the forecast date: nothing elapsed, no history to set a pace.
      current = { party, rating: o.rating as Rating, confidence: o.confidence ?? current.confidence ?? 0.5, assessedOn: asOf, history: [] };
    }
  }
  return current;
}

/** The total fixed slip of a stage or criterion, in days. */
export function slipDays(overrides: readonly Override[], target: string): number {
  return overrides.reduce((sum, o) => sum + (o.kind === 'delay' && o.target === target ? o.days : 0), 0);
}

/** A stage's verification distribution and failure probability after `gate` overrides. */
export function overriddenGate(
  overrides: readonly Override[],
  stageId: string,
  gate: { readonly verification: Distribution; readonly failureProbability: number },
): { readonly verification: Distribution; readonly failureProbability: number } {
  return overrides
    .filter((o): o is OverrideOf<'gate'> => o.kind === 'gate' && o.stage === stageId)
    .reduce((g, o) => ({ verification: o.verification ?? g.verification, failureProbability: o.failureProbability ?? g.failureProbability }), gate);
}

/** The escalation level after an `escalation-level` override. */
export function overriddenLevel(overrides: readonly Override[], level: DecisionLevel): DecisionLevel {
  return overrides.filter((o): o is OverrideOf<'escalation-level'> => o.kind === 'escalation-level').reduce((_, o) => o.level, level);
}

/** The dates of a `political-decision` override's period, if the scenario has one. */
export function politicalWindow(overrides: readonly Override[]): { readonly from: string; readonly to: string } | undefined {
  const last = overrides.filter((o): o is OverrideOf<'political-decision'> => o.kind === 'political-decision').at(-1);
  if (last === undefined) return undefined;
  const { startDay, endDay } = timexBounds(last.period);
  return { from: isoFromDayNumber(startDay), to: isoFromDayNumber(endDay) };
}

/** Roll-up of criterion ratings into condition and plan readiness, per party and rule. */
import type { Criterion, RollupRule } from '../plan/schema.js';
import type { Rating } from '../ledger/schema.js';

export interface Readiness {
  readonly kind: 'readiness';
  /** 0–100, or null when nothing is assessed. */
  readonly readinessPct: number | null;
  /** Share of the weight that is assessed, 0–100. */
  readonly coveragePct: number;
  readonly metCount: number;
  readonly criteriaCount: number;
  readonly isMet: boolean;
  readonly rule: RollupRule['kind'];
}

export interface WeightedRating {
  readonly criterion: Criterion;
  readonly weight: number;
  readonly rating: Rating | null;
}

/** Readiness of a set of criteria under a roll-up rule. */
export function rollUp(items: readonly WeightedRating[], rule: RollupRule): Readiness {
  const totalWeight = items.reduce((sum, item) => sum + item.weight, 0);
  const rated = items.filter((item) => item.rating !== null);
  const ratedWeight = rated.reduce((sum, item) => sum + item.weight, 0);
  const met = items.filter((item) => item.rating === 3);
  const metWeight = met.reduce((sum, item) => sum + item.weight, 0);
  const coveragePct = totalWeight === 0 ? 0 : (100 * ratedWeight) / totalWeight;
  const isAllMet = items.length > 0 && met.length === items.length;
  if (rule.kind === 'all-met') {
    return {
      kind: 'readiness',
      readinessPct: rated.length === 0 ? null : totalWeight === 0 ? 0 : (100 * metWeight) / totalWeight,
      coveragePct,
      metCount: met.length,
      criteriaCount: items.length,
      isMet: isAllMet,
      rule: rule.kind,
    };
  }
  const readinessPct =
    ratedWeight === 0 ? null : (100 * rated.reduce((sum, item) => sum + item.weight * ((item.rating ?? 0) / 3), 0)) / ratedWeight;
  return {
    kind: 'readiness',
    readinessPct,
    coveragePct,
    metCount: met.length,
    criteriaCount: items.length,
    isMet: readinessPct !== null && coveragePct >= 100 - 1e-9 && readinessPct >= rule.metThresholdPct - 1e-9,
    rule: rule.kind,
  };
}

/** Weighted mean of condition readiness values, skipping conditions with no readiness. */
export function combineReadiness(parts: readonly { readonly weight: number; readonly readiness: Readiness }[]): {
  readonly readinessPct: number | null;
  readonly conditionsMet: number;
  readonly conditionsCount: number;
} {
  const known = parts.filter((p) => p.readiness.readinessPct !== null && p.weight > 0);
  const weight = known.reduce((sum, p) => sum + p.weight, 0);
  return {
    readinessPct: weight === 0 ? null : known.reduce((sum, p) => sum + p.weight * (p.readiness.readinessPct ?? 0), 0) / weight,
    conditionsMet: parts.filter((p) => p.readiness.isMet).length,
    conditionsCount: parts.length,
  };
}

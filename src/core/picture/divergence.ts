/** How far the parties' ratings diverge, per criterion and rolled up, and what blocks consensus. */
import type { Rating } from '../ledger/schema.js';

/** Gap between the highest and lowest rating as a share of the scale (0–1); null with fewer than two ratings. */
export function ratingGap(ratings: readonly (Rating | null)[]): number | null {
  const known = ratings.filter((r): r is Rating => r !== null);
  if (known.length < 2) return null;
  return (Math.max(...known) - Math.min(...known)) / 3;
}

export type BlockingReason = 'split-on-met' | 'gap' | 'one-sided';

export interface BlockingCriterion {
  readonly kind: 'blocking-criterion';
  readonly criterionId: string;
  readonly conditionId: string;
  readonly reason: BlockingReason;
  readonly gap: number | null;
  readonly ratings: Readonly<Record<string, Rating | null>>;
}

/** Why a criterion blocks consensus, or null when the sides agree (or neither has assessed it). */
export function blockingReason(ratings: readonly (Rating | null)[]): BlockingReason | null {
  const known = ratings.filter((r): r is Rating => r !== null);
  if (known.length === 0) return null;
  if (known.length < ratings.length) return 'one-sided';
  const gap = ratingGap(known) ?? 0;
  if (gap === 0) return null;
  return known.includes(3) ? 'split-on-met' : 'gap';
}

const REASON_ORDER: Readonly<Record<BlockingReason, number>> = { 'split-on-met': 0, gap: 1, 'one-sided': 2 };

/** Order blocking criteria: a split on whether it is met first, then the widest gap, then heaviest weight. */
export function compareBlocking(
  a: BlockingCriterion & { readonly weight: number },
  b: BlockingCriterion & { readonly weight: number },
): number {
  return (
    REASON_ORDER[a.reason] - REASON_ORDER[b.reason] ||
    (b.gap ?? 0) - (a.gap ?? 0) ||
    b.weight - a.weight ||
    (a.criterionId < b.criterionId ? -1 : 1)
  );
}

/** Weighted mean of gaps, skipping unknown gaps; null when no gap is known. */
export function meanGap(parts: readonly { readonly weight: number; readonly gap: number | null }[]): number | null {
  const known = parts.filter((p) => p.gap !== null && p.weight > 0);
  const weight = known.reduce((sum, p) => sum + p.weight, 0);
  return weight === 0 ? null : known.reduce((sum, p) => sum + p.weight * (p.gap ?? 0), 0) / weight;
}

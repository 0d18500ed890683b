/**
 * The derivation rules: from one party's assessment of a criterion (its rating, confidence and
 * the pace of its ratings over time) to a time-to-met distribution. The parameters live in the
 * plan's forecast section; the rules are documented in docs/forecast-model.md.
 *
 * 1. Rated met (3): already met.
 * 2. Otherwise a lognormal from the rating's 90% interval (`remainingByRating`), counted from
 *    the date of the assessment: median m = √(p5·p95), σ = ln(p95/p5) / (2·1.645).
 * 3. Confidence c widens it: σ × (1 + widening × (1 − c)).
 * 4. Pace: against the latest earlier assessment at least `minSpanDays` older, a rise of the
 *    rating gives a pace (points per year) and an implied time (3 − rating) / pace; the median
 *    becomes m^(1−w) · implied^w. No rise over the span multiplies m by `stalledFactor`. The
 *    multiplier is kept within [minFactor, maxFactor].
 * 5. Time already elapsed since the assessment conditions the draw (it was not met by the
 *    as-of date, or a newer assessment would say so), and only the remainder counts.
 * A criterion the view's party has not rated, or last rated (below met) more than
 * `staleAfterDays` before the as-of date, uses the `unrated` interval from the as-of date.
 */
import { daysBetween } from '../common/dates.js';
import type { Rating } from '../ledger/schema.js';
import type { Distribution } from './model-schema.js';
import { Z90 } from './normal.js';
import type { ForecastParams, Remaining } from './plan-params.js';

const DAYS_PER_YEAR = 365.25;

export interface RatingEvidence {
  /** Whose rating it is; null when no side has rated the criterion (or, combined, not every side). */
  readonly party: string | null;
  readonly rating: Rating | null;
  readonly confidence: number | null;
  readonly assessedOn: string | null;
  /** Earlier numeric ratings of the same party and criterion, oldest first. */
  readonly history: readonly { readonly asOf: string; readonly rating: Rating }[];
}

export interface Derivation {
  readonly kind: 'derivation';
  readonly criterionId: string;
  readonly party: string | null;
  readonly rating: Rating | null;
  readonly confidence: number | null;
  readonly assessedOn: string | null;
  readonly rule: 'met' | 'rating' | 'unrated' | 'stale';
  /** Median time to met from the assessment date, before and after the pace rule (days). */
  readonly baseMedianDays: number | null;
  readonly medianDays: number | null;
  readonly paceFactor: number;
  readonly pace: { readonly comparedWith: string; readonly ratingThen: Rating; readonly ratingPerYear: number } | null;
  readonly elapsedDays: number;
  readonly duration: Distribution;
}

/** Rounded to a hundredth of a day (or a ten-thousandth), so the JSON reads well; the model uses the rounded values. */
const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

function lognormalFrom(median: number, sigma: number): Distribution {
  return { kind: 'lognormal', p5Days: r2(median * Math.exp(-Z90 * sigma)), p95Days: r2(median * Math.exp(Z90 * sigma)) };
}

function intervalFor(params: ForecastParams, rating: Rating): Remaining {
  return rating === 0 ? params.remainingByRating.notMet : rating === 1 ? params.remainingByRating.partly : params.remainingByRating.largely;
}

/** Apply the derivation rules to one criterion's evidence as of a date. */
export function deriveTimeToMet(params: ForecastParams, criterionId: string, evidence: RatingEvidence, asOf: string): Derivation {
  const common = { kind: 'derivation' as const, criterionId, party: evidence.party, rating: evidence.rating, confidence: evidence.confidence, assessedOn: evidence.assessedOn };
  if (evidence.rating === 3) {
    return { ...common, rule: 'met', baseMedianDays: null, medianDays: null, paceFactor: 1, pace: null, elapsedDays: 0, duration: { kind: 'met' } };
  }
  const isStale = evidence.assessedOn !== null && daysBetween(evidence.assessedOn, asOf) > params.staleAfterDays;
  if (evidence.rating === null || evidence.assessedOn === null || isStale) {
    const { p5Days, p95Days } = params.remainingByRating.unrated;
    const median = Math.sqrt(p5Days * p95Days);
    const rule = isStale ? 'stale' : 'unrated';
    return { ...common, rule, baseMedianDays: r2(median), medianDays: r2(median), paceFactor: 1, pace: null, elapsedDays: 0, duration: { kind: 'lognormal', p5Days, p95Days } };
  }
  const { p5Days, p95Days } = intervalFor(params, evidence.rating);
  const baseMedian = Math.sqrt(p5Days * p95Days);
  const baseSigma = Math.log(p95Days / p5Days) / (2 * Z90);
  const sigma = baseSigma * (1 + params.confidenceWidening * (1 - (evidence.confidence ?? 0)));
  const rule = params.pace;
  const reference = [...evidence.history].reverse().find((h) => daysBetween(h.asOf, evidence.assessedOn!) >= rule.minSpanDays);
  let paceFactor = 1;
  let pace: Derivation['pace'] = null;
  if (reference !== undefined) {
    const years = daysBetween(reference.asOf, evidence.assessedOn) / DAYS_PER_YEAR;
    const perYear = (evidence.rating - reference.rating) / years;
    pace = { comparedWith: reference.asOf, ratingThen: reference.rating, ratingPerYear: Math.round(perYear * 1000) / 1000 };
    const impliedDays = perYear > 0 ? ((3 - evidence.rating) / perYear) * DAYS_PER_YEAR : Number.NaN;
    const raw = perYear > 0 ? (impliedDays / baseMedian) ** rule.weight : rule.stalledFactor;
    paceFactor = Math.min(rule.maxFactor, Math.max(rule.minFactor, raw));
  }
  const median = baseMedian * paceFactor;
  return {
    ...common,
    rule: 'rating',
    baseMedianDays: r2(baseMedian),
    medianDays: r2(median),
    paceFactor: r4(paceFactor),
    pace,
    elapsedDays: Math.max(0, daysBetween(evidence.assessedOn, asOf)),
    duration: lognormalFrom(median, sigma),
  };
}

/** Each party's current rating of each criterion within a scope. */
import { sortDay } from '../common/dates.js';
import type { Assessment, Ledger, Rating } from '../ledger/schema.js';

export interface RatingCell {
  readonly kind: 'rating-cell';
  /** null when the party has no assessment of the criterion in scope. */
  readonly rating: Rating | 'unassessed' | null;
  readonly confidence: number | null;
  readonly assessmentId: string | null;
  readonly asOf: string | null;
  readonly isEstimate: boolean;
  /** Visible statements and sources the assessment cites. */
  readonly evidenceCount: number;
}

export const EMPTY_CELL: RatingCell = {
  kind: 'rating-cell',
  rating: null,
  confidence: null,
  assessmentId: null,
  asOf: null,
  isEstimate: false,
  evidenceCount: 0,
};

/** Order assessments so the last one is the current judgement: by date spoken for, then recording time, then id. */
export function compareAssessments(a: Assessment, b: Assessment): number {
  return sortDay(a.asOf) - sortDay(b.asOf) || (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The latest assessment per party and subject (criterion or condition id), keyed `party|subject`. */
export function latestAssessments(ledger: Ledger): ReadonlyMap<string, Assessment> {
  const latest = new Map<string, Assessment>();
  for (const assessment of ledger.assessments) {
    const key = `${assessment.party}|${assessment.criterionId ?? assessment.conditionId ?? ''}`;
    const current = latest.get(key);
    if (current === undefined || compareAssessments(current, assessment) < 0) latest.set(key, assessment);
  }
  return latest;
}

/** The rating cell for a party and subject. */
export function cellFor(latest: ReadonlyMap<string, Assessment>, partyId: string, subjectId: string): RatingCell {
  const assessment = latest.get(`${partyId}|${subjectId}`);
  if (assessment === undefined) return EMPTY_CELL;
  return {
    kind: 'rating-cell',
    rating: assessment.rating,
    confidence: assessment.confidence,
    assessmentId: assessment.id,
    asOf: assessment.asOf,
    isEstimate: assessment.basis === 'public-record-estimate',
    evidenceCount: assessment.statementIds.length + assessment.sourceIds.length,
  };
}

/** A numeric rating, or null when unassessed or missing. */
export function numericRating(cell: RatingCell): Rating | null {
  return typeof cell.rating === 'number' ? cell.rating : null;
}

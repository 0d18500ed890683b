/** Words for ratings, readiness and probabilities, as the CLI and the reports print them. */
import type { Rating, Readiness } from './types';

const RATING_WORDS = { 0: 'not met', 1: 'partly', 2: 'largely', 3: 'met' } as const;

/** "largely (2)", "unassessed" or "—". */
export function ratingText(rating: Rating): string {
  if (rating === null) return '—';
  if (rating === 'unassessed') return 'unassessed';
  return `${RATING_WORDS[rating]} (${rating})`;
}

/** "67% (75% rated)", "100% met" or "no assessment". */
export function readinessText(r: Readiness | undefined): string {
  if (r === undefined || r.readinessPct === null) return 'no assessment';
  const coverage = r.coveragePct < 99.95 ? ` (${Math.round(r.coveragePct)}% rated)` : '';
  return `${Math.round(r.readinessPct)}%${r.isMet ? ' met' : ''}${coverage}`;
}

/** A 0–1 probability as "63%", "<1%" or ">99%". */
export function percentText(probability: number): string {
  if (probability > 0 && probability < 0.005) return '<1%';
  if (probability < 1 && probability > 0.995) return '>99%';
  return `${Math.round(probability * 100)}%`;
}

/** A gap as "0.33" or "—". */
export function gapText(gap: number | null): string {
  return gap === null ? '—' : gap.toFixed(2);
}

/** "ROK view", "US view", "Combined (lower rating)". */
export function viewName(view: string | null): string {
  if (view === null) return 'model';
  return view === 'combined' ? 'Combined (lower rating)' : `${view} view`;
}

/** A signed day shift as "+120 days", "−30 days" or "no change". */
export function dayShiftText(days: number): string {
  const rounded = Math.round(days);
  if (rounded === 0) return 'no change';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} days`;
}

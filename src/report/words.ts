/** Words for ratings, readiness, gaps, citations, days and percentages: shared by the terminal and the reports. */
import type { Rating } from '../core/ledger/schema.js';
import type { Citation } from '../core/picture/picture.js';
import type { Readiness } from '../core/picture/rollup.js';

export const RATING_WORDS: Readonly<Record<Rating, string>> = { 0: 'not met', 1: 'partly', 2: 'largely', 3: 'met' };

/** A rating as a word: "largely (2)", "unassessed", or "—" when there is no assessment. */
export function ratingText(rating: Rating | 'unassessed' | null): string {
  if (rating === null) return '—';
  if (rating === 'unassessed') return 'unassessed';
  return `${RATING_WORDS[rating]} (${rating})`;
}

/** Readiness as "72%", "100% met", with "(50% rated)" when not every criterion is rated; or "no assessment". */
export function readinessText(r: Readiness): string {
  if (r.readinessPct === null) return 'no assessment';
  const pct = `${Math.round(r.readinessPct)}%`;
  const coverage = r.coveragePct < 99.95 ? ` (${Math.round(r.coveragePct)}% rated)` : '';
  return `${pct}${r.isMet ? ' met' : ''}${coverage}`;
}

/** A 0–1 gap as a two-decimal figure, or "—". */
export function gapText(gap: number | null): string {
  return gap === null ? '—' : gap.toFixed(2);
}

/** A citation as "Outlet, date — URL". */
export function citationText(c: Citation): string {
  return `${c.outlet}, ${c.published ?? 'undated'}${c.url === null ? '' : ` — ${c.url}`}`;
}

/** A whole number with thousands separators (without loading locale data). */
export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Days as "in 766 days", "today" or "312 days ago". */
export function daysText(days: number): string {
  if (days === 0) return 'today';
  return days > 0 ? `in ${groupThousands(days)} days` : `${groupThousands(-days)} days ago`;
}

/** A probability (0–1) as a whole percentage: "63%", with "<1%" and ">99%" at the ends. */
export function percentText(probability: number): string {
  if (probability > 0 && probability < 0.005) return '<1%';
  if (probability < 1 && probability > 0.995) return '>99%';
  return `${Math.round(probability * 100)}%`;
}

/** A signed day count: "+120 days", "−30 days", "no change". */
export function signedDays(days: number): string {
  if (days === 0) return 'no change';
  return `${days > 0 ? '+' : '−'}${groupThousands(Math.abs(days))} day${Math.abs(days) === 1 ? '' : 's'}`;
}

/** A signed change of probability in percentage points: "+4 pts", "−12 pts", "±0 pts". */
export function signedPoints(deltaProbability: number): string {
  const points = Math.round(deltaProbability * 100);
  if (points === 0) return '±0 pts';
  return `${points > 0 ? '+' : '−'}${Math.abs(points)} pts`;
}

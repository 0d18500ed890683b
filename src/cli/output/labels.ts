/** Words for ratings, readiness and dates as the CLI prints them. */
import type { Rating } from '../../core/ledger/schema.js';
import type { Citation } from '../../core/picture/picture.js';
import type { Readiness } from '../../core/picture/rollup.js';
import type { Colour } from './style.js';

export const RATING_WORDS: Readonly<Record<Rating, string>> = { 0: 'not met', 1: 'partly', 2: 'largely', 3: 'met' };

/** A rating as a word: "largely (2)", "unassessed", or "—" when there is no assessment. */
export function ratingText(rating: Rating | 'unassessed' | null): string {
  if (rating === null) return '—';
  if (rating === 'unassessed') return 'unassessed';
  return `${RATING_WORDS[rating]} (${rating})`;
}

/** The colour of a rating. */
export function ratingColour(rating: Rating | 'unassessed' | null): Colour[] {
  if (rating === 3) return ['green'];
  if (rating === 2) return ['cyan'];
  if (rating === 1) return ['yellow'];
  if (rating === 0) return ['red'];
  return ['gray'];
}

/** Readiness as "72% · 4/4 rated", or "no assessment". */
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
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Days as "in 766 days", "today" or "312 days ago". */
export function daysText(days: number): string {
  if (days === 0) return 'today';
  return days > 0 ? `in ${groupThousands(days)} days` : `${groupThousands(-days)} days ago`;
}

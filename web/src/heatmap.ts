/** The divergence heat map's numbers: for each criterion and year, each side's latest rating then and the gap between them. */
import type { Assessment } from './types';

export interface HeatCell {
  readonly year: number;
  /** Each side's rating in force at the end of the year (or the as-of date), null when unrated or unassessed. */
  readonly ratings: Readonly<Record<string, number | null>>;
  /** Highest minus lowest rating; null unless at least two sides are rated. */
  readonly gap: number | null;
}

/** The years from the first assessment in `histories` to the as-of year; empty without assessments. */
export function heatYears(histories: readonly (readonly Assessment[])[], asOf: string): readonly number[] {
  const first = Math.min(...histories.flat().map((a) => Number(a.asOf.slice(0, 4))));
  const last = Number(asOf.slice(0, 4));
  if (!Number.isFinite(first)) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The rating each side held at the end of each year (the latest judgement by date, then by recording). */
export function heatRow(history: readonly Assessment[], sides: readonly string[], years: readonly number[], asOf: string): readonly HeatCell[] {
  return years.map((year) => {
    const end = `${year}-12-31` < asOf ? `${year}-12-31` : asOf;
    const ratings: Record<string, number | null> = {};
    for (const side of sides) {
      const inForce = history
        .filter((a) => a.party === side && a.asOf <= end)
        .reduce<Assessment | null>((best, a) => (best === null || a.asOf > best.asOf || (a.asOf === best.asOf && a.recordedAt >= best.recordedAt) ? a : best), null);
      ratings[side] = inForce === null || inForce.rating === 'unassessed' ? null : inForce.rating;
    }
    const rated = Object.values(ratings).filter((r): r is number => r !== null);
    return { year, ratings, gap: rated.length >= 2 ? Math.max(...rated) - Math.min(...rated) : null };
  });
}

/**
 * When to stop: the run grows in rounds of whole blocks until the Monte Carlo standard error of
 * every probability by a date of interest (final event and milestones) is under the target. The
 * rounds depend only on the results so far, never on the number of threads.
 */
import type { CompiledModel } from './compile.js';
import type { Samples } from './samples.js';

/** Stop when every date probability's standard error is below half a percentage point. */
export const DEFAULT_TARGET_STANDARD_ERROR = 0.005;
export const DEFAULT_MAX_ITERATIONS = 1_000_000;

export interface Convergence {
  readonly rule: 'fixed-iterations' | 'standard-error';
  readonly targetStandardError: number | null;
  /** The largest standard error of a probability by a date of interest (0 when there are none). */
  readonly maxStandardError: number;
  readonly isConverged: boolean;
  readonly rounds: number;
}

/** The largest standard error √(p(1 − p)/n) over the dates of interest, for the final event and milestones. */
export function maxStandardError(model: CompiledModel, samples: Samples): number {
  const n = samples.iterations;
  if (n === 0) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (const sorted of [samples.sortedFinalDays, ...samples.sortedMilestoneDays]) {
    for (const date of model.dates) {
      const p = countBelow(sorted, date.day) / n;
      worst = Math.max(worst, Math.sqrt((p * (1 - p)) / n));
    }
  }
  return worst;
}

/** How many sorted values are below x. */
export function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Blocks to add in the next round: one to start, then double what has run, up to the cap. */
export function nextRoundBlocks(blocksDone: number, maxBlocks: number): number {
  return Math.max(0, Math.min(Math.max(1, blocksDone), maxBlocks - blocksDone));
}

/**
 * Scenario deltas: how a what-if moves the transfer against the baseline of the same view.
 * Scenarios reuse the baseline's random numbers (same seed, same model structure), so the
 * difference is measured on paired iterations and its standard error is that of the pairs.
 */
import type { DateOfInterest } from './compile.js';
import type { ForecastRun } from './summary.js';
import { round } from './summary.js';

export interface ScenarioDelta {
  readonly kind: 'scenario-delta';
  readonly view: string | null;
  readonly scenario: string;
  /** Scenario minus baseline, in days (negative: earlier). */
  readonly p50Days: number;
  readonly p80Days: number;
  readonly probabilities: readonly {
    readonly date: string;
    readonly label: string | null;
    readonly baseline: number;
    readonly scenario: number;
    readonly delta: number;
    /** Standard error of the delta over the paired iterations. */
    readonly standardError: number;
  }[];
  readonly pairedIterations: number;
}

function percentileDays(run: ForecastRun, percentile: number): number {
  return run.final.quantiles.find((q) => q.percentile === percentile)?.days ?? Number.NaN;
}

/** The delta of a scenario run against its baseline, both with their final-time samples. */
export function scenarioDelta(
  view: string | null,
  scenario: string,
  dates: readonly DateOfInterest[],
  baseline: { readonly run: ForecastRun; readonly finalDays: Float64Array },
  other: { readonly run: ForecastRun; readonly finalDays: Float64Array },
): ScenarioDelta {
  const n = Math.min(baseline.finalDays.length, other.finalDays.length);
  return {
    kind: 'scenario-delta',
    view,
    scenario,
    p50Days: round(percentileDays(other.run, 50) - percentileDays(baseline.run, 50), 2),
    p80Days: round(percentileDays(other.run, 80) - percentileDays(baseline.run, 80), 2),
    probabilities: dates.map((date, k) => {
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const d = (other.finalDays[i]! < date.day ? 1 : 0) - (baseline.finalDays[i]! < date.day ? 1 : 0);
        sum += d;
        sumSq += d * d;
      }
      const mean = sum / n;
      const variance = n > 1 ? (sumSq - n * mean * mean) / (n - 1) : 0;
      const before = baseline.run.final.probabilities[k]?.probability ?? Number.NaN;
      const after = other.run.final.probabilities[k]?.probability ?? Number.NaN;
      return { date: date.date, label: date.label, baseline: before, scenario: after, delta: round(after - before, 6), standardError: round(Math.sqrt(Math.max(0, variance) / n), 6) };
    }),
    pairedIterations: n,
  };
}

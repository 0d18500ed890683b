/**
 * How a forecast moved between two runs of the same view (made as of two dates): the P50 and
 * P80 dates in calendar days, and the probability by each shared date in percentage points with
 * the Monte Carlo error of the difference, so that noise is not read as news.
 */
import { daysBetween } from '../common/dates.js';
import type { ForecastRun, QuantileDate } from './summary.js';

export interface ProbabilityShift {
  readonly date: string;
  readonly label: string | null;
  readonly before: number;
  readonly after: number;
  /** after − before (probability, not points). */
  readonly delta: number;
  /** Standard error of the difference of two independent estimates: √(se₁² + se₂²). */
  readonly standardError: number;
  /** The change is larger than twice its standard error. */
  readonly isBeyondNoise: boolean;
}

export interface ForecastShift {
  readonly kind: 'forecast-shift';
  readonly beforeAsOf: string;
  readonly afterAsOf: string;
  readonly p50: { readonly before: string; readonly after: string; readonly deltaDays: number };
  readonly p80: { readonly before: string; readonly after: string; readonly deltaDays: number };
  readonly probabilities: readonly ProbabilityShift[];
}

function quantile(run: ForecastRun, percentile: number): QuantileDate {
  const q = run.final.quantiles.find((x) => x.percentile === percentile);
  if (q === undefined) throw new Error(`the run has no P${percentile}`);
  return q;
}

/** The shift from `before` to `after`: quantile dates and the probabilities by the dates both runs report. */
export function forecastShift(before: ForecastRun, after: ForecastRun): ForecastShift {
  const move = (percentile: number) => {
    const b = quantile(before, percentile).date;
    const a = quantile(after, percentile).date;
    return { before: b, after: a, deltaDays: daysBetween(b, a) };
  };
  const earlier = new Map(before.final.probabilities.map((p) => [p.date, p]));
  const probabilities = after.final.probabilities.flatMap((p): ProbabilityShift[] => {
    const b = earlier.get(p.date);
    if (b === undefined) return [];
    const delta = p.probability - b.probability;
    const standardError = Math.sqrt(p.standardError ** 2 + b.standardError ** 2);
    return [{ date: p.date, label: p.label, before: b.probability, after: p.probability, delta, standardError, isBeyondNoise: Math.abs(delta) > 2 * standardError }];
  });
  return { kind: 'forecast-shift', beforeAsOf: before.asOf, afterAsOf: after.asOf, p50: move(50), p80: move(80), probabilities };
}

/**
 * Outputs of a run: quantile dates, probabilities by date with their Monte Carlo standard
 * errors, S-curve and histogram data for the final event and milestones (exact, from sorted
 * samples), quantiles and criticality per node (from the nodes' histograms).
 */
import { addDays } from '../common/dates.js';
import type { CompiledModel, DateOfInterest } from './compile.js';
import { HISTOGRAM_BINS, histogramQuantiles } from './histogram.js';
import { sensitivityOf, type SensitivityEntry } from './sensitivity.js';
import type { Samples } from './samples.js';
import { countBelow, type Convergence } from './convergence.js';

export const QUANTILE_PERCENTILES = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95] as const;
/** Bin widths that read as calendar spans: days, weeks, months, quarters, years. */
const DAY_WIDTHS = [1, 2, 5, 7, 14, 30, 61, 91, 182, 365, 730, 1461, 3652, 7305, 18262];
const MAX_HISTOGRAM_BINS = 120;

export interface QuantileDate {
  readonly percentile: number;
  readonly days: number;
  readonly date: string;
}

export interface DateProbability {
  readonly date: string;
  readonly label: string | null;
  /** Probability of being done by the end of that date. */
  readonly probability: number;
  /** Monte Carlo standard error of the probability: √(p(1 − p)/n). */
  readonly standardError: number;
}

export interface TimeSummary {
  readonly kind: 'time-summary';
  readonly iterations: number;
  readonly meanDays: number;
  readonly quantiles: readonly QuantileDate[];
  readonly probabilities: readonly DateProbability[];
  /** The cumulative distribution at every whole percent, 0 (the earliest draw) to 100 (the latest). */
  readonly sCurve: readonly { readonly probability: number; readonly days: number; readonly date: string }[];
  readonly histogram: {
    readonly binWidthDays: number;
    readonly bins: readonly { readonly startDays: number; readonly startDate: string; readonly count: number }[];
    /** Draws beyond the last bin (the histogram spans the 0.5th to the 99.5th percentile at most 120 bins wide). */
    readonly beyondCount: number;
  };
}

export interface NodeSummary {
  readonly kind: 'node-summary';
  readonly id: string;
  readonly title: string;
  readonly quantiles: readonly QuantileDate[];
  /** Share of iterations in which the node's own time lay on the critical path to the final event. */
  readonly criticality: number;
}

export interface ForecastRun {
  readonly kind: 'forecast-run';
  readonly title: string;
  readonly asOf: string;
  readonly seed: number;
  readonly iterations: number;
  readonly convergence: Convergence;
  readonly final: TimeSummary;
  readonly milestones: readonly { readonly id: string; readonly title: string; readonly summary: TimeSummary }[];
  readonly nodes: readonly NodeSummary[];
  readonly decision: { readonly title: string; readonly criticality: number };
  /** Inputs by the strength of their rank correlation with the final time, strongest first. */
  readonly sensitivity: readonly SensitivityEntry[];
}

/** Round for stable, readable output; the simulation itself keeps full precision. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The date `days` after the as-of date (the day in which that moment falls). */
export function dateAt(asOf: string, days: number): string {
  return addDays(asOf, Math.floor(days));
}

/** The p-quantile (0–1) of sorted values, interpolating between order statistics (Hyndman–Fan type 7). */
export function sortedQuantile(sorted: Float64Array, p: number): number {
  const position = p * (sorted.length - 1);
  const k = Math.floor(position);
  const next = sorted[Math.min(k + 1, sorted.length - 1)]!;
  return sorted[k]! + (position - k) * (next - sorted[k]!);
}

/** A bin width near `target` days that reads as a calendar span (or a 1-2-5 step below a day). */
export function niceBinWidth(target: number): number {
  if (target >= 1) return DAY_WIDTHS.find((w) => w >= target) ?? Math.ceil(target / 18262) * 18262;
  const decade = 10 ** Math.floor(Math.log10(target));
  return [1, 2, 5, 10].map((m) => m * decade).find((w) => w >= target) ?? decade * 10;
}

/** Probability by each date of interest, with its standard error. */
export function probabilitiesBy(sorted: Float64Array, dates: readonly DateOfInterest[]): readonly DateProbability[] {
  const n = sorted.length;
  return dates.map((d) => {
    const p = countBelow(sorted, d.day) / n;
    return { date: d.date, label: d.label, probability: round(p, 6), standardError: round(Math.sqrt((p * (1 - p)) / n), 6) };
  });
}

/** The full summary of an exactly sampled time. */
export function summarizeTimes(sorted: Float64Array, asOf: string, dates: readonly DateOfInterest[]): TimeSummary {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const low = sortedQuantile(sorted, 0.005);
  const high = sortedQuantile(sorted, 0.995);
  const width = niceBinWidth(Math.max((high - low) / 40, 1e-9));
  const first = Math.floor(low / width);
  const binCount = Math.min(MAX_HISTOGRAM_BINS, Math.floor(high / width) - first + 1);
  const counts = new Array<number>(binCount).fill(0);
  let beyondCount = 0;
  for (let i = 0; i < n; i++) {
    const bin = Math.floor(sorted[i]! / width) - first;
    if (bin >= binCount) beyondCount++;
    else counts[Math.max(0, bin)]!++;
  }
  return {
    kind: 'time-summary',
    iterations: n,
    meanDays: round(sum / n, 2),
    quantiles: QUANTILE_PERCENTILES.map((percentile) => {
      const days = sortedQuantile(sorted, percentile / 100);
      return { percentile, days: round(days, 2), date: dateAt(asOf, days) };
    }),
    probabilities: probabilitiesBy(sorted, dates),
    sCurve: Array.from({ length: 101 }, (_, k) => {
      const days = sortedQuantile(sorted, k / 100);
      return { probability: k / 100, days: round(days, 2), date: dateAt(asOf, days) };
    }),
    histogram: {
      binWidthDays: width,
      bins: counts.map((count, b) => {
        const startDays = round((first + b) * width, 9);
        return { startDays, startDate: dateAt(asOf, startDays), count };
      }),
      beyondCount,
    },
  };
}

/** Summarize a run: final and milestones exactly, nodes from their histograms, criticality and sensitivity. */
export function summarizeRun(model: CompiledModel, samples: Samples, seed: number, convergence: Convergence): ForecastRun {
  const n = samples.iterations;
  return {
    kind: 'forecast-run',
    title: model.title,
    asOf: model.asOf,
    seed,
    iterations: n,
    convergence,
    final: summarizeTimes(samples.sortedFinalDays, model.asOf, model.dates),
    milestones: Array.from(model.milestones, (k, m) => ({
      id: model.nodes[k]!.id,
      title: model.nodes[k]!.title,
      summary: summarizeTimes(samples.sortedMilestoneDays[m]!, model.asOf, model.dates),
    })),
    nodes: model.nodes.map((node, k) => ({
      kind: 'node-summary',
      id: node.id,
      title: node.title,
      quantiles: histogramQuantiles(samples.nodeHistograms, k * HISTOGRAM_BINS, n, QUANTILE_PERCENTILES.map((p) => p / 100)).map((days, q) => ({
        percentile: QUANTILE_PERCENTILES[q]!,
        days: round(days, 2),
        date: dateAt(model.asOf, days),
      })),
      criticality: round(samples.criticalCounts[k]! / n, 6),
    })),
    decision: { title: model.decision.title, criticality: round(samples.criticalCounts[model.nodes.length]! / n, 6) },
    sensitivity: sensitivityOf(model, samples),
  };
}

/**
 * Rank-based sensitivity (the tornado): Spearman correlation between each random input and the
 * final time. An input's rank is its position in its own distribution (the uniform behind it,
 * or the middle of an atom's mass), which is what its sample rank estimates; the final time is
 * ranked among the samples. The table also gives the mean final time when the input is in its
 * lowest and highest tenth, the ends of a tornado bar. It is computed over the first
 * SENSITIVITY_BLOCKS blocks of the run (131 072 iterations at most).
 */
import type { CompiledModel, InputRole } from './compile.js';
import { sortAndRank } from './radix-sort.js';
import { RANK_SCALE } from './simulate.js';
import type { Samples } from './samples.js';

export interface SensitivityEntry {
  readonly key: string;
  readonly role: InputRole;
  readonly nodeId: string | null;
  readonly label: string;
  readonly rankCorrelation: number;
  readonly lowDecileMeanDays: number | null;
  readonly highDecileMeanDays: number | null;
}

interface InputStatistics {
  readonly correlation: number;
  readonly lowMean: number | null;
  readonly highMean: number | null;
}

const LOW_CUT = Math.round(0.1 * RANK_SCALE);
const HIGH_CUT = Math.round(0.9 * RANK_SCALE);

/** Correlation of one input's ranks with the final ranks, and the final's mean at the input's extremes: one pass. */
function inputStatistics(a: Uint16Array, finalRanks: Float64Array, final: Float64Array, n: number, meanRank: number, rankSq: number): InputStatistics | null {
  let sum = 0;
  let sumSq = 0;
  let cross = 0;
  let lowSum = 0;
  let lowCount = 0;
  let highSum = 0;
  let highCount = 0;
  let min = RANK_SCALE;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const r = a[i]!;
    if (r < min) min = r;
    if (r > max) max = r;
    sum += r;
    sumSq += r * r;
    cross += r * (finalRanks[i]! - meanRank);
    const isLow = r <= LOW_CUT ? 1 : 0;
    const isHigh = r >= HIGH_CUT ? 1 : 0;
    lowSum += isLow * final[i]!;
    lowCount += isLow;
    highSum += isHigh * final[i]!;
    highCount += isHigh;
  }
  // A constant input (fixed, met, no failure possible) cannot move the result.
  if (min === max || rankSq === 0) return null;
  // Σ(a − ā)(r − r̄) = Σ a·(r − r̄), since Σ(r − r̄) = 0.
  const sq = sumSq - sum * (sum / n);
  return {
    correlation: cross / Math.sqrt(sq * rankSq),
    lowMean: lowCount === 0 ? null : lowSum / lowCount,
    highMean: highCount === 0 ? null : highSum / highCount,
  };
}

/** Spearman correlation of every non-constant input with the final time over the ranked iterations, strongest first. */
export function sensitivityOf(model: CompiledModel, samples: Samples): readonly SensitivityEntry[] {
  const n = samples.inputRanks[0]?.length ?? 0;
  if (n === 0) return [];
  const final = samples.finalDays.subarray(0, n);
  const finalRanks = sortAndRank(final).ranks;
  const meanRank = (n + 1) / 2;
  let rankSq = 0;
  for (let i = 0; i < n; i++) rankSq += (finalRanks[i]! - meanRank) ** 2;
  const entries: SensitivityEntry[] = [];
  for (let j = 0; j < model.inputs.length; j++) {
    const input = model.inputs[j]!;
    const stats = inputStatistics(samples.inputRanks[j]!, finalRanks, final, n, meanRank, rankSq);
    if (stats === null) continue;
    entries.push({
      key: input.key,
      role: input.role,
      nodeId: input.nodeIndex >= 0 ? model.nodes[input.nodeIndex]!.id : null,
      label: input.label,
      rankCorrelation: Math.round(stats.correlation * 1e4) / 1e4,
      lowDecileMeanDays: stats.lowMean === null ? null : Math.round(stats.lowMean * 100) / 100,
      highDecileMeanDays: stats.highMean === null ? null : Math.round(stats.highMean * 100) / 100,
    });
  }
  return entries.sort((x, y) => Math.abs(y.rankCorrelation) - Math.abs(x.rankCorrelation) || (x.key < y.key ? -1 : 1));
}

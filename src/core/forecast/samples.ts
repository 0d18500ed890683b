/** The samples of a run so far: batches joined in block order. */
import { HISTOGRAM_BINS } from './histogram.js';
import type { CompiledModel } from './compile.js';
import { mergeSortedRuns } from './radix-sort.js';
import type { BatchResult, SampleColumns } from './simulate.js';

/** The batches of a run joined; critical-path counts summed as floats across batches. */
export interface Samples extends SampleColumns {
  readonly kind: 'samples';
  readonly criticalCounts: Float64Array;
}

/** No samples yet. */
export function emptySamples(model: CompiledModel): Samples {
  return {
    kind: 'samples',
    iterations: 0,
    finalDays: new Float64Array(0),
    milestoneDays: Array.from(model.milestones, () => new Float64Array(0)),
    sortedFinalDays: new Float64Array(0),
    sortedMilestoneDays: Array.from(model.milestones, () => new Float64Array(0)),
    inputRanks: model.inputs.map(() => new Uint16Array(0)),
    nodeHistograms: new Int32Array(model.nodes.length * HISTOGRAM_BINS),
    criticalCounts: new Float64Array(model.nodes.length + 1),
  };
}

function concat<T extends Float64Array | Uint16Array>(make: (n: number) => T, parts: readonly T[]): T {
  const out = make(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Append batches to samples. Batches must continue the block sequence without gaps; columns are
 * concatenated in block order, sorted columns merged, and counts added as integers, so the result
 * is the same however the blocks were split between threads.
 */
export function appendBatches(model: CompiledModel, samples: Samples, batches: readonly BatchResult[], firstBlock: number): Samples {
  const ordered = [...batches].sort((a, b) => a.firstBlock - b.firstBlock);
  let expected = firstBlock;
  for (const batch of ordered) {
    if (batch.firstBlock !== expected) throw new Error(`bug: batches skip from block ${expected} to ${batch.firstBlock}`);
    expected += batch.blockCount;
  }
  // The common case, one batch into nothing: take its columns as they are.
  if (samples.iterations === 0 && ordered.length === 1) {
    const only = ordered[0]!;
    return {
      kind: 'samples',
      iterations: only.iterations,
      finalDays: only.finalDays,
      milestoneDays: only.milestoneDays,
      sortedFinalDays: only.sortedFinalDays,
      sortedMilestoneDays: only.sortedMilestoneDays,
      inputRanks: only.inputRanks,
      nodeHistograms: only.nodeHistograms,
      criticalCounts: Float64Array.from(only.criticalCounts),
    };
  }
  const histograms = Int32Array.from(samples.nodeHistograms);
  const critical = Float64Array.from(samples.criticalCounts);
  for (const batch of ordered) {
    for (let i = 0; i < histograms.length; i++) histograms[i] = histograms[i]! + batch.nodeHistograms[i]!;
    for (let i = 0; i < critical.length; i++) critical[i] = critical[i]! + batch.criticalCounts[i]!;
  }
  return {
    kind: 'samples',
    iterations: samples.iterations + ordered.reduce((sum, b) => sum + b.iterations, 0),
    finalDays: concat((n) => new Float64Array(n), [samples.finalDays, ...ordered.map((b) => b.finalDays)]),
    milestoneDays: samples.milestoneDays.map((column, m) => concat((n) => new Float64Array(n), [column, ...ordered.map((b) => b.milestoneDays[m]!)])),
    sortedFinalDays: mergeSortedRuns([samples.sortedFinalDays, ...ordered.map((b) => b.sortedFinalDays)]),
    sortedMilestoneDays: samples.sortedMilestoneDays.map((column, m) => mergeSortedRuns([column, ...ordered.map((b) => b.sortedMilestoneDays[m]!)])),
    inputRanks: samples.inputRanks.map((column, j) => concat((n) => new Uint16Array(n), [column, ...ordered.map((b) => b.inputRanks[j]!)])),
    nodeHistograms: histograms,
    criticalCounts: critical,
  };
}

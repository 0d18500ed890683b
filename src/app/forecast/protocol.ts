/** Messages between the forecast pool and its workers. */
import type { CompiledModel } from '../../core/forecast/compile.js';
import type { BatchResult } from '../../core/forecast/simulate.js';

export interface TaskMessage {
  readonly kind: 'task';
  readonly taskId: number;
  readonly runId: number;
  /** Sent with a run's first task to each worker; the worker keeps it for the run's later tasks. */
  readonly model: CompiledModel | null;
  readonly seed: number;
  readonly totalIterations: number;
  readonly firstBlock: number;
  readonly blockCount: number;
}

export type WorkerMessage =
  | { readonly kind: 'progress'; readonly taskId: number; readonly iterations: number }
  | { readonly kind: 'result'; readonly taskId: number; readonly batch: BatchResult }
  | { readonly kind: 'failure'; readonly taskId: number; readonly message: string };

/** The buffers of a batch, moved (not copied) to the other thread. */
export function transferablesOf(batch: BatchResult): ArrayBuffer[] {
  return [batch.finalDays, ...batch.milestoneDays, batch.sortedFinalDays, ...batch.sortedMilestoneDays, ...batch.inputRanks, batch.nodeHistograms, batch.criticalCounts].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

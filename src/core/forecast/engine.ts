/**
 * Running a compiled model: fixed iterations, or rounds until the standard errors converge.
 * Blocks run on an executor — in this thread, or a worker pool supplied from outside core —
 * and the results are identical for the same seed either way.
 */
import type { CompiledModel } from './compile.js';
import { DEFAULT_MAX_ITERATIONS, DEFAULT_TARGET_STANDARD_ERROR, maxStandardError, nextRoundBlocks, type Convergence } from './convergence.js';
import { appendBatches, emptySamples, type Samples } from './samples.js';
import { BLOCK_ITERATIONS, simulateBlocks, type BatchResult } from './simulate.js';
import { summarizeRun, type ForecastRun } from './summary.js';

/** Runs a range of blocks; may split it (e.g. between threads) but returns batches covering it exactly. */
export interface BlockExecutor {
  readonly kind: 'block-executor';
  run(
    model: CompiledModel,
    seed: number,
    totalIterations: number,
    firstBlock: number,
    blockCount: number,
    onIterationsDone: (iterations: number) => void,
  ): Promise<readonly BatchResult[]>;
}

export interface RunOptions {
  readonly seed: number;
  /** Run exactly this many iterations; otherwise run until the standard errors converge. */
  readonly iterations?: number | undefined;
  readonly maxIterations?: number;
  readonly targetStandardError?: number;
  /** Called as blocks finish, with iterations done and iterations planned so far. */
  readonly onProgress?: (done: number, planned: number) => void;
}

/** The executor that runs blocks in this thread, one after another. */
export function inProcessExecutor(): BlockExecutor {
  return {
    kind: 'block-executor',
    run: async (model, seed, totalIterations, firstBlock, blockCount, onIterationsDone) => [
      simulateBlocks(model, seed, firstBlock, blockCount, totalIterations, onIterationsDone),
    ],
  };
}

/** Simulate a model and return its samples with the convergence record. */
export async function simulate(model: CompiledModel, options: RunOptions, executor: BlockExecutor): Promise<{ readonly samples: Samples; readonly convergence: Convergence }> {
  let done = 0;
  const progress = (planned: number) => (iterations: number) => {
    done += iterations;
    options.onProgress?.(done, planned);
  };
  if (options.iterations !== undefined) {
    const total = options.iterations;
    const blocks = Math.ceil(total / BLOCK_ITERATIONS);
    const batches = await executor.run(model, options.seed, total, 0, blocks, progress(total));
    const samples = appendBatches(model, emptySamples(model), batches, 0);
    return {
      samples,
      convergence: { rule: 'fixed-iterations', targetStandardError: null, maxStandardError: round6(maxStandardError(model, samples)), isConverged: true, rounds: 1 },
    };
  }
  const target = options.targetStandardError ?? DEFAULT_TARGET_STANDARD_ERROR;
  const maxBlocks = Math.max(1, Math.floor((options.maxIterations ?? DEFAULT_MAX_ITERATIONS) / BLOCK_ITERATIONS));
  let samples = emptySamples(model);
  let blocks = 0;
  let rounds = 0;
  let error = Number.POSITIVE_INFINITY;
  while (error >= target && blocks < maxBlocks) {
    const add = nextRoundBlocks(blocks, maxBlocks);
    const total = (blocks + add) * BLOCK_ITERATIONS;
    const batches = await executor.run(model, options.seed, total, blocks, add, progress(total));
    samples = appendBatches(model, samples, batches, blocks);
    blocks += add;
    rounds++;
    error = maxStandardError(model, samples);
  }
  return {
    samples,
    convergence: { rule: 'standard-error', targetStandardError: target, maxStandardError: round6(error), isConverged: error < target, rounds },
  };
}

/** Simulate and summarize. */
export async function runForecastModel(model: CompiledModel, options: RunOptions, executor: BlockExecutor = inProcessExecutor()): Promise<ForecastRun> {
  const { samples, convergence } = await simulate(model, options, executor);
  return summarizeRun(model, samples, options.seed, convergence);
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

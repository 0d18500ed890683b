/**
 * A forecast that shares its thread: the block range runs in chunks, and between chunks the event
 * loop gets a turn (so a server answering other requests, or a cancel, is not kept waiting for a
 * whole run) and an aborted signal stops the run. Chunking changes nothing in the result: blocks
 * are seeded by their index, so any split gives the same samples.
 */
import type { BlockExecutor } from '../../core/forecast/engine.js';
import type { BatchResult } from '../../core/forecast/simulate.js';

/** About half a second of work on one core (8 × 8192 iterations of the default plan). */
export const CHUNK_BLOCKS = 8;

/**
 * Blocks per worker in a chunk when the blocks run on worker threads: the event loop is free
 * anyway, so a chunk only bounds how late a cancel is noticed (about two seconds), and long
 * chunks keep the workers from waiting on each other at every chunk's end.
 */
export const POOL_CHUNK_BLOCKS_PER_WORKER = 32;

/** The chunk size for an executor: short on this thread, long on a pool (which has a `size`). */
export function chunkBlocksFor(executor: BlockExecutor): number {
  const size = (executor as { readonly size?: unknown }).size;
  return typeof size === 'number' ? POOL_CHUNK_BLOCKS_PER_WORKER * size : CHUNK_BLOCKS;
}

/** Thrown inside a run when its signal aborts; the forecast operation turns it into a `cancelled` result. */
export class ForecastCancelled extends Error {
  constructor() {
    super('the forecast was cancelled');
    this.name = 'ForecastCancelled';
  }
}

/** Wrap `inner` so that it runs `chunkBlocks` blocks at a time, yielding and checking `signal` in between. */
export function cooperativeExecutor(inner: BlockExecutor, signal: AbortSignal | undefined, chunkBlocks = CHUNK_BLOCKS): BlockExecutor {
  return {
    kind: 'block-executor',
    async run(model, seed, totalIterations, firstBlock, blockCount, onIterationsDone) {
      const batches: BatchResult[] = [];
      for (let block = firstBlock; block < firstBlock + blockCount; block += chunkBlocks) {
        if (signal?.aborted === true) throw new ForecastCancelled();
        batches.push(...(await inner.run(model, seed, totalIterations, block, Math.min(chunkBlocks, firstBlock + blockCount - block), onIterationsDone)));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return batches;
    },
  };
}

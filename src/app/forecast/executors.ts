/** The forecast's executors: this thread, or the worker pool (created once, on first use). */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { inProcessExecutor } from '../../core/forecast/engine.js';
import type { ForecastExecutors } from '../ports.js';
import { createWorkerPool, type WorkerPool } from './pool.js';

/** At most this many workers by default: past it the merge in the main thread dominates. */
const DEFAULT_MAX_WORKERS = 8;

/**
 * Executors over a bundled worker script. With no script (running from source), `workers: 0`,
 * or one core and no explicit count, everything runs in this thread.
 */
export function createForecastExecutors(workerUrl: URL | undefined): ForecastExecutors & { close(): Promise<void> } {
  const pools = new Map<number, WorkerPool>();
  const hasWorker = workerUrl !== undefined && existsSync(fileURLToPath(workerUrl));
  return {
    kind: 'forecast-executors',
    executor(workers) {
      const size = workers ?? Math.min(DEFAULT_MAX_WORKERS, availableParallelism());
      // 0 asks for this thread; a single worker is only worth its start-up when asked for.
      if (size === 0 || !hasWorker || (workers === undefined && size === 1)) return inProcessExecutor();
      const known = pools.get(size);
      if (known) return known;
      const pool = createWorkerPool(workerUrl, size);
      pools.set(size, pool);
      return pool;
    },
    close: async () => {
      await Promise.all([...pools.values()].map((p) => p.close()));
      pools.clear();
    },
  };
}

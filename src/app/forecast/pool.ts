/**
 * A pool of worker threads for the forecast, created once and reused by every run. A run's
 * blocks are cut into contiguous tasks (a few per worker, for balance) and handed out as workers
 * come free; results come back in any order and are put back in block order by the engine, so
 * the samples are the same as in a single thread. Runs take turns; idle workers do not keep
 * the process alive.
 */
import { Worker } from 'node:worker_threads';
import type { CompiledModel } from '../../core/forecast/compile.js';
import type { BlockExecutor } from '../../core/forecast/engine.js';
import type { BatchResult } from '../../core/forecast/simulate.js';
import type { TaskMessage, WorkerMessage } from './protocol.js';

/**
 * Tasks per worker in a run: more than one lets a fast worker take up a slow one's slack; few
 * keep the merge of the sorted results short.
 */
const TASKS_PER_WORKER = 2;

export interface WorkerPool extends BlockExecutor {
  readonly size: number;
  /** Stop the workers. */
  close(): Promise<void>;
}

interface Slot {
  readonly worker: Worker;
  /** The run whose model this worker holds. */
  runId: number;
}

interface ActiveRun {
  onMessage(slot: Slot, message: WorkerMessage): void;
  onFailure(error: Error): void;
}

/** Cut blocks [first, first + count) into at most `parts` contiguous ranges. */
export function splitBlocks(first: number, count: number, parts: number): readonly { readonly firstBlock: number; readonly blockCount: number }[] {
  const n = Math.max(1, Math.min(count, parts));
  return Array.from({ length: n }, (_, i) => ({
    firstBlock: first + Math.floor((i * count) / n),
    blockCount: Math.floor(((i + 1) * count) / n) - Math.floor((i * count) / n),
  })).filter((r) => r.blockCount > 0);
}

/** A pool of `size` workers started from the bundled worker script. */
export function createWorkerPool(workerUrl: URL, size: number): WorkerPool {
  const slots: Slot[] = [];
  let active: ActiveRun | null = null;
  let turn: Promise<unknown> = Promise.resolve();
  let nextRun = 1;
  let nextTask = 1;

  const ensureWorkers = () => {
    while (slots.length < size) {
      const slot: Slot = { worker: new Worker(workerUrl), runId: 0 };
      slot.worker.on('message', (message: WorkerMessage) => active?.onMessage(slot, message));
      slot.worker.on('error', (error: Error) => active?.onFailure(error));
      slot.worker.on('exit', (code) => {
        const at = slots.indexOf(slot);
        if (at >= 0) slots.splice(at, 1);
        if (code !== 0) active?.onFailure(new Error(`a forecast worker stopped with exit code ${code}`));
      });
      slot.worker.unref();
      slots.push(slot);
    }
  };

  const runNow = (
    model: CompiledModel,
    seed: number,
    totalIterations: number,
    firstBlock: number,
    blockCount: number,
    onIterationsDone: (iterations: number) => void,
  ): Promise<readonly BatchResult[]> =>
    new Promise((resolve, reject) => {
      ensureWorkers();
      const runId = nextRun++;
      const queue = [...splitBlocks(firstBlock, blockCount, size * TASKS_PER_WORKER)];
      const results: BatchResult[] = [];
      const inFlight = new Set<number>();
      const settle = (error: Error | null) => {
        active = null;
        for (const slot of slots) slot.worker.unref();
        if (error) reject(error);
        else resolve(results);
      };
      const dispatch = (slot: Slot) => {
        const range = queue.shift();
        if (range === undefined) {
          if (inFlight.size === 0) settle(null);
          return;
        }
        const taskId = nextTask++;
        const task: TaskMessage = { kind: 'task', taskId, runId, model: slot.runId === runId ? null : model, seed, totalIterations, ...range };
        slot.runId = runId;
        inFlight.add(taskId);
        slot.worker.postMessage(task);
      };
      active = {
        onMessage: (slot, message) => {
          if (!inFlight.has(message.taskId)) return;
          if (message.kind === 'progress') onIterationsDone(message.iterations);
          else if (message.kind === 'failure') settle(new Error(`forecast worker failed: ${message.message}`));
          else {
            inFlight.delete(message.taskId);
            results.push(message.batch);
            dispatch(slot);
          }
        },
        onFailure: (error) => settle(error),
      };
      // Keep the process alive while the run is in flight.
      for (const slot of slots) slot.worker.ref();
      for (const slot of [...slots]) dispatch(slot);
    });

  return {
    kind: 'block-executor',
    size,
    run: (...args) => {
      const next = turn.then(() => runNow(...args));
      turn = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
}

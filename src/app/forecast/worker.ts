/**
 * Entry point of a forecast worker thread: runs ranges of blocks of the kernel and sends the
 * columns back without copying. Bundled on its own (dist/forecast-worker.mjs) by the CLI build.
 */
import { parentPort } from 'node:worker_threads';
import type { CompiledModel } from '../../core/forecast/compile.js';
import { simulateBlocks } from '../../core/forecast/simulate.js';
import { transferablesOf, type TaskMessage, type WorkerMessage } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('the forecast worker must run in a worker thread');

let current: { readonly runId: number; readonly model: CompiledModel } | null = null;

port.on('message', (task: TaskMessage) => {
  try {
    if (task.model !== null) current = { runId: task.runId, model: task.model };
    if (current === null || current.runId !== task.runId) throw new Error(`bug: no model for run ${task.runId}`);
    const batch = simulateBlocks(current.model, task.seed, task.firstBlock, task.blockCount, task.totalIterations, (iterations) =>
      port.postMessage({ kind: 'progress', taskId: task.taskId, iterations } satisfies WorkerMessage),
    );
    port.postMessage({ kind: 'result', taskId: task.taskId, batch } satisfies WorkerMessage, transferablesOf(batch));
  } catch (error) {
    port.postMessage({ kind: 'failure', taskId: task.taskId, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage);
  }
});

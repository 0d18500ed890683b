import { describe, expect, it } from 'vitest';
import { compiledModel } from '../../../test/helpers/forecast.js';
import type { CompiledModel } from '../../core/forecast/compile.js';
import { inProcessExecutor, runForecastModel } from '../../core/forecast/engine.js';
import { BLOCK_ITERATIONS } from '../../core/forecast/simulate.js';
import { CHUNK_BLOCKS, chunkBlocksFor, cooperativeExecutor, ForecastCancelled, POOL_CHUNK_BLOCKS_PER_WORKER } from './cooperative.js';

function twoStepModel(): CompiledModel {
  return compiledModel({
    title: 'cooperative',
    dates: ['2027-06-30'],
    nodes: [
      { id: 'a', duration: { kind: 'lognormal', p5Days: 60, p95Days: 600 } },
      { id: 'b', duration: { kind: 'pert', minDays: 30, modeDays: 90, maxDays: 400 }, dependsOn: ['a'] },
    ],
    decision: { delay: { kind: 'triangular', minDays: 10, modeDays: 30, maxDays: 90 } },
  });
}

describe('the cooperative executor', () => {
  it('gives exactly the one-pass result, whatever the chunk size', async () => {
    const m = twoStepModel();
    const iterations = 5 * BLOCK_ITERATIONS + 77;
    const single = await runForecastModel(m, { seed: 3, iterations }, inProcessExecutor());
    for (const chunk of [1, 2, 8]) expect(await runForecastModel(m, { seed: 3, iterations }, cooperativeExecutor(inProcessExecutor(), undefined, chunk))).toEqual(single);
  });

  it('lets the event loop run between chunks', async () => {
    let isTurnTaken = false;
    setImmediate(() => (isTurnTaken = true));
    let seenAfterFirstChunk: boolean | undefined;
    await runForecastModel(twoStepModel(), { seed: 3, iterations: 4 * BLOCK_ITERATIONS, onProgress: (done) => { if (done === 2 * BLOCK_ITERATIONS + BLOCK_ITERATIONS) seenAfterFirstChunk = isTurnTaken; } }, cooperativeExecutor(inProcessExecutor(), undefined, 2));
    expect(seenAfterFirstChunk).toBe(true);
  });

  it('stops at the next chunk once the signal aborts', async () => {
    const controller = new AbortController();
    let doneWhenAborted = 0;
    const run = runForecastModel(twoStepModel(), { seed: 3, iterations: 10 * BLOCK_ITERATIONS, onProgress: (done) => { if (doneWhenAborted === 0) { doneWhenAborted = done; controller.abort(); } } }, cooperativeExecutor(inProcessExecutor(), controller.signal, 2));
    await expect(run).rejects.toBeInstanceOf(ForecastCancelled);
    expect(doneWhenAborted).toBe(BLOCK_ITERATIONS);
  });

  it('chunks short on this thread and long on a pool, by its size', () => {
    expect(chunkBlocksFor(inProcessExecutor())).toBe(CHUNK_BLOCKS);
    expect(chunkBlocksFor({ ...inProcessExecutor(), size: 2 } as ReturnType<typeof inProcessExecutor>)).toBe(2 * POOL_CHUNK_BLOCKS_PER_WORKER);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledModel } from '../../../test/helpers/forecast.js';
import type { CompiledModel } from '../../core/forecast/compile.js';
import { inProcessExecutor, runForecastModel } from '../../core/forecast/engine.js';
import { BLOCK_ITERATIONS } from '../../core/forecast/simulate.js';
import { createWorkerPool, splitBlocks } from './pool.js';
import { createForecastExecutors } from './executors.js';

// The worker runs from the bundle the test set-up builds, exactly as the CLI starts it.
const WORKER = pathToFileURL(join(import.meta.dirname, '..', '..', '..', 'dist', 'forecast-worker.mjs'));

function model(): CompiledModel {
  return compiledModel({
    title: 'pool',
    dates: ['2027-06-30', '2028-06-30'],
    nodes: [
      { id: 'a', duration: { kind: 'lognormal', p5Days: 60, p95Days: 600 } },
      { id: 'b', duration: { kind: 'pert', minDays: 30, modeDays: 90, maxDays: 400 }, isMilestone: true },
      {
        id: 'c',
        duration: { kind: 'fixed', days: 0 },
        dependsOn: ['a', 'b'],
        gate: { verification: { kind: 'uniform', minDays: 10, maxDays: 40 }, verificationMonths: [3, 8], failureProbability: 0.3, rework: { kind: 'lognormal', p5Days: 60, p95Days: 300 }, approvalMonths: [10] },
      },
    ],
    correlationGroups: [{ id: 'g', nodes: ['a', 'b'], rankCorrelation: 0.4 }],
    decision: { delay: { kind: 'triangular', minDays: 10, modeDays: 30, maxDays: 90 }, political: { kind: 'hazard', periodDays: 91, probabilityPerPeriod: 0.3 } },
  });
}

const pool = createWorkerPool(WORKER, 2);
afterAll(() => pool.close());

describe('the worker pool', () => {
  it('gives exactly the single-thread result for the same seed, fixed iterations', async () => {
    const m = model();
    const iterations = 7 * BLOCK_ITERATIONS + 1000;
    const single = await runForecastModel(m, { seed: 99, iterations }, inProcessExecutor());
    let reported = 0;
    const pooled = await runForecastModel(m, { seed: 99, iterations, onProgress: (done) => (reported = done) }, pool);
    expect(pooled).toEqual(single);
    expect(reported).toBe(iterations);
  });

  it('gives exactly the single-thread result when running until convergence, run after run', async () => {
    const m = model();
    const single = await runForecastModel(m, { seed: 5 }, inProcessExecutor());
    expect(await runForecastModel(m, { seed: 5 }, pool)).toEqual(single);
    expect(await runForecastModel(m, { seed: 5 }, pool)).toEqual(single);
    expect(single.convergence.isConverged).toBe(true);
  });

  it('cuts a run into contiguous ranges that cover it exactly', () => {
    expect(splitBlocks(3, 7, 3)).toEqual([
      { firstBlock: 3, blockCount: 2 },
      { firstBlock: 5, blockCount: 2 },
      { firstBlock: 7, blockCount: 3 },
    ]);
    expect(splitBlocks(0, 2, 6)).toEqual([
      { firstBlock: 0, blockCount: 1 },
      { firstBlock: 1, blockCount: 1 },
    ]);
  });

  it('reports a worker that fails instead of hanging', async () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'opcon-worker-')), 'broken.mjs');
    writeFileSync(broken, "throw new Error('broken worker');\n");
    const bad = createWorkerPool(pathToFileURL(broken), 1);
    await expect(runForecastModel(model(), { seed: 1, iterations: 1000 }, bad)).rejects.toThrow(/broken worker|exit code/);
    await bad.close();
  });

  it('runs in this thread when asked for no workers or when there is no worker script', () => {
    expect(createForecastExecutors(WORKER).executor(0)).toMatchObject({ kind: 'block-executor' });
    expect('size' in createForecastExecutors(WORKER).executor(0)).toBe(false);
    expect('size' in createForecastExecutors(new URL('file:///no/such/worker.mjs')).executor(4)).toBe(false);
    expect(createForecastExecutors(WORKER).executor(2)).toMatchObject({ size: 2 });
  });
});

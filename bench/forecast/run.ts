/**
 * Forecast benchmarks, side by side in one run: this engine against @quri/squiggle-lang (in
 * process) and numpy (Debian's python3-numpy, the interpreter called directly) on (a) a sum of 30
 * lognormals, (b) a max of 30 uniforms, (c) a 30-criterion DAG with gates, rework and a decision
 * delay, with quantiles, criticality and sensitivity. Squiggle is asked for the final time's
 * mean and P5…P95; numpy and this engine compute every output (S-curve, histogram, node quantiles,
 * criticality, sensitivity) in every case. Every implementation's answer is checked
 * before anything is timed; implementations are interleaved round by round; the table gives
 * medians and ratios. Then the goals: the plan forecast at 100 000 iterations on one core, and
 * two workers against one at 1 000 000.
 *
 *   npm run bench                      # BENCH_ROUNDS=7 for more rounds (default 5)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli } from '../../scripts/build-cli.mjs';
import { createWorkerPool } from '../../src/app/forecast/pool.js';
import { compileModel, type CompiledModel } from '../../src/core/forecast/compile.js';
import { inProcessExecutor, runForecastModel, type BlockExecutor } from '../../src/core/forecast/engine.js';
import { ForecastModelSchema } from '../../src/core/forecast/model-schema.js';
import { planForecastContext, planForecastModel } from '../../src/core/forecast/plan-model.js';
import type { ForecastRun } from '../../src/core/forecast/summary.js';
import { readDatasetFolder } from '../../src/store/files/dataset-folder.js';
import { AS_OF, dagCase, maxCase, maxQuantile, SEED, sumCase, sumMean } from './cases.js';
import { MAX_CODE, runSquiggle, SUM_CODE } from './peers/squiggle.js';

const ROOT = join(import.meta.dirname, '..', '..');
// Debian's interpreter with Debian's python3-numpy, called directly (BENCH_PYTHON overrides it).
const PYTHON = process.env['BENCH_PYTHON'] ?? '/usr/bin/python3';
const NUMPY_PEER = join(import.meta.dirname, 'peers', 'numpy_peer.py');
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const N = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'opcon-bench-'));

interface NumpyOutput {
  readonly computeMs: number;
  readonly mean: number;
  readonly quantiles: Record<string, number>;
  readonly probabilities: readonly { readonly date: string; readonly probability: number; readonly standardError: number }[];
  readonly criticality: readonly number[];
  readonly decisionCriticality: number;
  readonly sensitivity: Record<string, { readonly rankCorrelation: number }>;
}

function compiled(raw: unknown): CompiledModel {
  const result = compileModel(ForecastModelSchema.parse(raw), AS_OF);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function writeModel(name: string, raw: unknown): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(raw));
  return file;
}

function numpy(file: string, n: number): { readonly output: NumpyOutput; readonly wallMs: number } {
  const started = performance.now();
  const r = spawnSync(PYTHON, [NUMPY_PEER, file, String(n), String(SEED)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`numpy peer failed: ${r.stderr}`);
  return { output: JSON.parse(r.stdout) as NumpyOutput, wallMs };
}

function cli(file: string, n: number): { readonly run: ForecastRun; readonly wallMs: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'opcon.mjs'), 'forecast', '--model', file, '--iterations', String(n), '--seed', String(SEED), '--workers', '0', '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`opcon failed: ${r.stderr}`);
  return { run: (JSON.parse(r.stdout) as { runs: { run: ForecastRun }[] }).runs[0]!.run, wallMs };
}

async function ours(model: CompiledModel, n: number, executor: BlockExecutor = inProcessExecutor()): Promise<{ readonly run: ForecastRun; readonly ms: number }> {
  const started = performance.now();
  const run = await runForecastModel(model, { seed: SEED, iterations: n }, executor);
  return { run, ms: performance.now() - started };
}

const quantile = (run: ForecastRun, p: number) => run.final.quantiles.find((q) => q.percentile === p)!.days;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function check(label: string, isOk: boolean, detail: string): void {
  if (!isOk) throw new Error(`correctness check failed: ${label}: ${detail}`);
  console.log(`  ✓ ${label}: ${detail}`);
}
const close = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;

/** Time implementations round-robin, rotating who goes first; returns the median of each. */
async function interleaved(impls: readonly { readonly name: string; readonly run: () => Promise<number> | number }[]): Promise<Map<string, number>> {
  const times = new Map(impls.map((i) => [i.name, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < impls.length; k++) {
      const impl = impls[(k + round) % impls.length]!;
      times.get(impl.name)!.push(await impl.run());
    }
  }
  return new Map([...times].map(([name, xs]) => [name, median(xs)]));
}

const rows: string[][] = [];
function report(caseName: string, medians: Map<string, number>, reference: string): void {
  const base = medians.get(reference)!;
  for (const [name, ms] of medians) rows.push([caseName, name, ms.toFixed(1), name === reference ? '1.00' : (ms / base).toFixed(2)]);
}

async function main(): Promise<void> {
  await buildCli();
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`Forecast benchmarks · ${ROUNDS} rounds · N = ${N.toLocaleString('en')} · node ${process.version} · ${cpus().length} cores · load ${load()} · seed ${SEED}\n`);
  const sumModel = compiled(sumCase());
  const maxModel = compiled(maxCase());
  const dagModel = compiled(dagCase());
  const [sumFile, maxFile, dagFile] = [writeModel('sum', sumCase()), writeModel('max', maxCase()), writeModel('dag', dagCase())];

  console.log('Correctness (before timing)');
  const exactMean = sumMean();
  const a = (await ours(sumModel, N)).run;
  const aSd = a.final.quantiles.length > 0 ? (quantile(a, 95) - quantile(a, 5)) / (2 * 1.645) : 0;
  check('(a) opcon mean', close(a.final.meanDays, exactMean, (4 * aSd) / Math.sqrt(N)), `${a.final.meanDays.toFixed(2)} vs exact ${exactMean.toFixed(2)}`);
  const aSq = await runSquiggle(SUM_CODE, N, 'bench');
  check('(a) squiggle mean', close(aSq.mean, exactMean, (4 * aSd) / Math.sqrt(N)), `${aSq.mean.toFixed(2)}`);
  const aNp = numpy(sumFile, N).output;
  check('(a) numpy mean', close(aNp.mean, exactMean, (4 * aSd) / Math.sqrt(N)), `${aNp.mean.toFixed(2)}`);
  const b = (await ours(maxModel, N)).run;
  const bSq = await runSquiggle(MAX_CODE, N, 'bench');
  const bNp = numpy(maxFile, N).output;
  for (const p of [5, 50, 95]) {
    const exact = maxQuantile(p / 100);
    const got = [quantile(b, p), p === 5 ? bSq.p5 : p === 50 ? bSq.p50 : bSq.p95, bNp.quantiles[String(p)]!];
    check(`(b) P${p} opcon / squiggle / numpy`, got.every((x) => close(x, exact, 0.5)), `${got.map((x) => x.toFixed(2)).join(' / ')} vs exact ${exact.toFixed(2)}`);
  }
  const c = (await ours(dagModel, N)).run;
  const cNp = numpy(dagFile, N).output;
  const cCli = cli(dagFile, N).run;
  check('(c) CLI = kernel', JSON.stringify(cCli.final) === JSON.stringify(c.final), 'identical final summary');
  check('(c) P50 opcon vs numpy', close(quantile(c, 50), cNp.quantiles['50']!, 0.01 * quantile(c, 50)), `${quantile(c, 50).toFixed(1)} vs ${cNp.quantiles['50']!.toFixed(1)} days`);
  c.final.probabilities.forEach((p, k) => {
    const q = cNp.probabilities[k]!;
    check(`(c) P(by ${p.date})`, close(p.probability, q.probability, 4 * Math.hypot(p.standardError, q.standardError) + 1e-9), `${p.probability.toFixed(4)} vs ${q.probability.toFixed(4)}`);
  });
  const worstCriticality = Math.max(...c.nodes.map((node, k) => Math.abs(node.criticality - cNp.criticality[k]!)), Math.abs(c.decision.criticality - cNp.decisionCriticality));
  check('(c) criticality per node', worstCriticality < 0.015, `largest difference ${worstCriticality.toFixed(4)}`);
  const worstRho = Math.max(...c.sensitivity.map((s) => Math.abs(s.rankCorrelation - (cNp.sensitivity[s.key]?.rankCorrelation ?? Number.NaN))));
  check('(c) sensitivity per input', worstRho < 0.015 && Object.keys(cNp.sensitivity).length === c.sensitivity.length, `largest difference ${worstRho.toFixed(4)} over ${c.sensitivity.length} inputs`);

  console.log('\nTiming (median of rounds, ms; ratio = time / opcon kernel)');
  const sumMedians = await interleaved([
    { name: 'opcon kernel, in process', run: async () => (await ours(sumModel, N)).ms },
    { name: 'squiggle, in process', run: async () => { const t = performance.now(); await runSquiggle(SUM_CODE, N, 'bench'); return performance.now() - t; } },
    { name: 'numpy, compute only', run: () => numpy(sumFile, N).output.computeMs },
  ]);
  report('(a) sum of 30 lognormals', sumMedians, 'opcon kernel, in process');
  const squiggleRatio = sumMedians.get('squiggle, in process')! / sumMedians.get('opcon kernel, in process')!;
  report('(b) max of 30 uniforms', await interleaved([
    { name: 'opcon kernel, in process', run: async () => (await ours(maxModel, N)).ms },
    { name: 'squiggle, in process', run: async () => { const t = performance.now(); await runSquiggle(MAX_CODE, N, 'bench'); return performance.now() - t; } },
    { name: 'numpy, compute only', run: () => numpy(maxFile, N).output.computeMs },
  ]), 'opcon kernel, in process');
  const numpyProcess: number[] = [];
  const dagMedians = await interleaved([
    { name: 'opcon kernel, in process', run: async () => (await ours(dagModel, N)).ms },
    { name: 'opcon CLI process, end to end', run: () => cli(dagFile, N).wallMs },
    { name: 'numpy, compute only', run: () => { const r = numpy(dagFile, N); numpyProcess.push(r.wallMs); return r.output.computeMs; } },
  ]);
  dagMedians.set('numpy process, end to end', median(numpyProcess));
  report('(c) 30-criterion DAG, all outputs', dagMedians, 'opcon kernel, in process');
  const width = [34, 32, 10, 7];
  console.log(['case', 'implementation', 'median ms', 'ratio'].map((h, i) => h.padEnd(width[i]!)).join(''));
  for (const row of rows) console.log(row.map((cell, i) => (i >= 2 ? cell.padStart(width[i]! - 2).padEnd(width[i]!) : cell.padEnd(width[i]!))).join(''));

  console.log('\nThe OPCON plan forecast (combined view), 100 000 iterations, all outputs, one core');
  const dataset = await readDatasetFolder(join(ROOT, 'data', 'datasets', 'opcon-public-record'));
  if (!dataset.ok) throw new Error(dataset.error.message);
  const context = planForecastContext(dataset.value.plan, dataset.value.ledger, { kind: 'scope', asOf: dataset.value.manifest.currentTo, knownAt: `${dataset.value.manifest.currentTo}T23:59:59.999Z`, audience: 'all' });
  if (!context.ok) throw new Error(context.error.message);
  const planRun = async () => {
    const started = performance.now();
    const model = compiled(planForecastModel(context.value, 'combined', null).model);
    await runForecastModel(model, { seed: SEED, iterations: N }, inProcessExecutor());
    return performance.now() - started;
  };
  const cold = await planRun();
  const warm: number[] = [];
  for (let r = 0; r < ROUNDS; r++) warm.push(await planRun());
  const planMs = median(warm);
  console.log(`  first run ${cold.toFixed(0)} ms, median of ${ROUNDS} ${planMs.toFixed(0)} ms (from the loaded record: model, compile, simulate, every output)`);

  console.log('\nWorkers: the plan forecast at 1 000 000 iterations, one worker against two');
  const planModel = compiled(planForecastModel(context.value, 'combined', null).model);
  const worker = pathToFileURL(join(ROOT, 'dist', 'forecast-worker.mjs'));
  const one = createWorkerPool(worker, 1);
  const two = createWorkerPool(worker, 2);
  const pooled = await interleaved([
    { name: '1 worker', run: async () => (await ours(planModel, 1_000_000, one)).ms },
    { name: '2 workers', run: async () => (await ours(planModel, 1_000_000, two)).ms },
  ]);
  await Promise.all([one.close(), two.close()]);
  const speedup = pooled.get('1 worker')! / pooled.get('2 workers')!;
  console.log(`  1 worker ${pooled.get('1 worker')!.toFixed(0)} ms, 2 workers ${pooled.get('2 workers')!.toFixed(0)} ms: ${speedup.toFixed(2)}×`);

  const dagOurs = dagMedians.get('opcon kernel, in process')!;
  const goals: [string, boolean, string][] = [
    ['(a) at least 5× faster than Squiggle', squiggleRatio >= 5, `${squiggleRatio.toFixed(1)}×`],
    ['(c) faster than numpy end to end at 100 000 (processes)', dagMedians.get('opcon CLI process, end to end')! < dagMedians.get('numpy process, end to end')!, `${dagMedians.get('opcon CLI process, end to end')!.toFixed(0)} vs ${dagMedians.get('numpy process, end to end')!.toFixed(0)} ms`],
    ['(c) faster than numpy, compute only', dagOurs < dagMedians.get('numpy, compute only')!, `${dagOurs.toFixed(0)} vs ${dagMedians.get('numpy, compute only')!.toFixed(0)} ms`],
    ['plan forecast of 100 000 under 0.5 s on one core', planMs < 500, `${planMs.toFixed(0)} ms (first run ${cold.toFixed(0)} ms)`],
    ['2 workers at least 1.5× one worker at 1 000 000', speedup >= 1.5, `${speedup.toFixed(2)}×`],
  ];
  console.log(`\nGoals (load average now ${load()}; timings on a shared machine move with it)`);
  for (const [goal, isMet, figure] of goals) console.log(`  ${isMet ? '✓' : '✗'} ${goal}: ${figure}`);
}

await main();

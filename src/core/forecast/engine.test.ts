import { describe, expect, it } from 'vitest';
import { daysBetween } from '../common/dates.js';
import { ksCritical1Pct, ksStatistic, moments, spearman } from '../testing/statistics.js';
import { compileModel, type CompiledModel } from './compile.js';
import { runForecastModel, simulate, inProcessExecutor } from './engine.js';
import { ForecastModelSchema } from './model-schema.js';
import { appendBatches, emptySamples } from './samples.js';
import { BLOCK_ITERATIONS, SENSITIVITY_BLOCKS, simulateBlocks } from './simulate.js';
import { Z90 } from './normal.js';

const AS_OF = '2026-01-01';
function modelOf(raw: Record<string, unknown>): CompiledModel {
  const parsed = ForecastModelSchema.parse({ kind: 'forecast-model', title: 'test', ...raw });
  const compiled = compileModel(parsed, AS_OF);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.value;
}
const samplesOf = async (model: CompiledModel, iterations: number, seed = 1) => (await simulate(model, { seed, iterations }, inProcessExecutor())).samples;

describe('analytic checks', () => {
  it('the mean of a sum of 30 lognormals is the sum of their means', async () => {
    const intervals = Array.from({ length: 30 }, (_, i) => ({ p5Days: 10 + i, p95Days: 40 + 3 * i }));
    const model = modelOf({
      nodes: intervals.map((d, i) => ({ id: `n${i}`, duration: { kind: 'lognormal', ...d }, dependsOn: i === 0 ? [] : [`n${i - 1}`] })),
    });
    let expectedMean = 0;
    let expectedVariance = 0;
    for (const { p5Days, p95Days } of intervals) {
      const mu = (Math.log(p5Days) + Math.log(p95Days)) / 2;
      const sigma = (Math.log(p95Days) - Math.log(p5Days)) / (2 * Z90);
      expectedMean += Math.exp(mu + sigma ** 2 / 2);
      expectedVariance += (Math.exp(sigma ** 2) - 1) * Math.exp(2 * mu + sigma ** 2);
    }
    const n = 40_000;
    const { mean, variance } = moments((await samplesOf(model, n)).finalDays);
    // Four standard errors of the mean; the variance to within 5%.
    expect(Math.abs(mean - expectedMean)).toBeLessThan(4 * Math.sqrt(expectedVariance / n));
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.05);
  });

  it('quantiles of the max of 30 independent uniforms are a + (b − a)·p^(1/30)', async () => {
    const model = modelOf({ nodes: Array.from({ length: 30 }, (_, i) => ({ id: `u${i}`, duration: { kind: 'uniform', minDays: 100, maxDays: 500 } })) });
    const run = await runForecastModel(model, { seed: 9, iterations: 50_000 });
    for (const q of run.final.quantiles) {
      const p = q.percentile / 100;
      const exact = 100 + 400 * p ** (1 / 30);
      // The sampling SD of a quantile is √(p(1−p)/n)/f(x); f(x) = 30/400·p^(29/30).
      const sd = Math.sqrt((p * (1 - p)) / 50_000) / ((30 / 400) * p ** (29 / 30));
      expect(Math.abs(q.days - exact), `P${q.percentile}`).toBeLessThan(4 * sd + 0.01);
    }
  });

  it('the max of uniforms passes a KS test against its CDF ((x − a)/(b − a))^k', async () => {
    const model = modelOf({ nodes: Array.from({ length: 5 }, (_, i) => ({ id: `u${i}`, duration: { kind: 'uniform', minDays: 0, maxDays: 100 } })) });
    const final = (await samplesOf(model, 30_000, 4)).finalDays;
    expect(ksStatistic(final, (x) => Math.min(1, Math.max(0, x / 100)) ** 5)).toBeLessThan(ksCritical1Pct(final.length));
  });

  it('a sum of two uniforms passes a KS test against the triangular CDF', async () => {
    const model = modelOf({
      nodes: [
        { id: 'a', duration: { kind: 'uniform', minDays: 0, maxDays: 10 } },
        { id: 'b', duration: { kind: 'uniform', minDays: 0, maxDays: 10 }, dependsOn: ['a'] },
      ],
    });
    const final = (await samplesOf(model, 30_000, 5)).finalDays;
    const cdf = (x: number) => (x <= 0 ? 0 : x >= 20 ? 1 : x <= 10 ? x ** 2 / 200 : 1 - (20 - x) ** 2 / 200);
    expect(ksStatistic(final, cdf)).toBeLessThan(ksCritical1Pct(final.length));
  });

  it('probabilities by date match the exact CDF within their standard errors', async () => {
    const model = modelOf({
      nodes: [{ id: 'a', duration: { kind: 'uniform', minDays: 0, maxDays: 1000 } }],
      dates: ['2026-12-31', { date: '2027-06-30', label: 'mid-2027' }],
    });
    const run = await runForecastModel(model, { seed: 3, iterations: 40_000 });
    for (const p of run.final.probabilities) {
      const exact = (daysBetween(AS_OF, p.date) + 1) / 1000;
      expect(Math.abs(p.probability - exact)).toBeLessThan(4 * p.standardError);
      expect(p.standardError).toBeCloseTo(Math.sqrt((exact * (1 - exact)) / 40_000), 4);
    }
    expect(run.final.probabilities[1]?.label).toBe('mid-2027');
  });
});

describe('reproducibility', () => {
  const model = modelOf({
    nodes: [
      { id: 'a', duration: { kind: 'lognormal', p5Days: 30, p95Days: 300 } },
      { id: 'b', duration: { kind: 'pert', minDays: 10, modeDays: 50, maxDays: 400 }, dependsOn: ['a'], gate: { verification: { kind: 'uniform', minDays: 5, maxDays: 20 }, failureProbability: 0.3, rework: { kind: 'triangular', minDays: 30, modeDays: 60, maxDays: 200 }, verificationMonths: [3, 8] } },
      { id: 'c', duration: { kind: 'uniform', minDays: 0, maxDays: 500 }, isMilestone: true },
    ],
    correlationGroups: [{ id: 'g', nodes: ['a', 'c'], rankCorrelation: 0.5 }],
    decision: { delay: { kind: 'uniform', minDays: 0, maxDays: 60 }, political: { kind: 'hazard', periodDays: 91, probabilityPerPeriod: 0.3 } },
  });

  it('the same seed gives the same result, and the seed is in it', async () => {
    const a = await runForecastModel(model, { seed: 77, iterations: 20_000 });
    const b = await runForecastModel(model, { seed: 77, iterations: 20_000 });
    expect(a).toEqual(b);
    expect(a.seed).toBe(77);
    const c = await runForecastModel(model, { seed: 78, iterations: 20_000 });
    expect(c.final.quantiles).not.toEqual(a.final.quantiles);
  });

  it('splitting the blocks differently (as threads do) changes nothing', () => {
    const total = 5 * BLOCK_ITERATIONS - 123;
    const whole = appendBatches(model, emptySamples(model), [simulateBlocks(model, 5, 0, 5, total)], 0);
    const parts = [simulateBlocks(model, 5, 3, 2, total), simulateBlocks(model, 5, 0, 1, total), simulateBlocks(model, 5, 1, 2, total)];
    const joined = appendBatches(model, emptySamples(model), parts, 0);
    expect(joined.iterations).toBe(total);
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const columns = (s: typeof whole) => [s.finalDays, ...s.milestoneDays, ...s.inputRanks, s.nodeHistograms, s.criticalCounts];
    columns(joined).forEach((column, i) => expect(bytes(column).equals(bytes(columns(whole)[i]!)), `column ${i}`).toBe(true));
  });

  it('computes the sensitivity over the first 16 blocks, whatever the run’s length', async () => {
    const short = await runForecastModel(model, { seed: 12, iterations: SENSITIVITY_BLOCKS * BLOCK_ITERATIONS });
    const long = await runForecastModel(model, { seed: 12, iterations: (SENSITIVITY_BLOCKS + 3) * BLOCK_ITERATIONS });
    expect(long.sensitivity).toEqual(short.sensitivity);
    expect(long.final.quantiles).not.toEqual(short.final.quantiles);
  });

  it('converges by rounds of blocks until every date probability has a standard error under 0.5 points', async () => {
    const dated = modelOf({ nodes: [{ id: 'a', duration: { kind: 'uniform', minDays: 0, maxDays: 730 } }], dates: ['2027-01-01'] });
    const run = await runForecastModel(dated, { seed: 1 });
    expect(run.convergence).toMatchObject({ rule: 'standard-error', isConverged: true, targetStandardError: 0.005 });
    expect(run.convergence.maxStandardError).toBeLessThan(0.005);
    expect(run.iterations % BLOCK_ITERATIONS).toBe(0);
    expect(run.convergence.rounds).toBeGreaterThan(1);
    expect((await runForecastModel(dated, { seed: 1, iterations: 1234 })).iterations).toBe(1234);
  });
});

describe('correlation', () => {
  it('achieves the rank correlation asked of a group, and leaves others independent', async () => {
    const model = modelOf({
      nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, duration: { kind: 'lognormal', p5Days: 50, p95Days: 500 }, isMilestone: true })),
      correlationGroups: [{ id: 'g', nodes: ['a', 'b', 'c'], rankCorrelation: 0.6 }],
    });
    const samples = await samplesOf(model, 20_000, 8);
    const [a, b, c, d] = samples.milestoneDays;
    expect(spearman(a!, b!)).toBeCloseTo(0.6, 1);
    expect(Math.abs(spearman(a!, b!) - 0.6)).toBeLessThan(0.02);
    expect(Math.abs(spearman(b!, c!) - 0.6)).toBeLessThan(0.02);
    expect(Math.abs(spearman(a!, d!))).toBeLessThan(0.03);
    // The marginals are untouched by the copula.
    expect(ksStatistic(a!, (x) => (x <= 0 ? 0 : 0.5 * (1 + erf((Math.log(x) - Math.log(Math.sqrt(50 * 500))) / (((Math.log(500) - Math.log(50)) / (2 * Z90)) * Math.SQRT2)))))).toBeLessThan(ksCritical1Pct(a!.length));
  });
});

describe('gates, windows and the decision', () => {
  const day = (date: string) => daysBetween(AS_OF, date);

  it('verification waits for its window, failure adds rework and another window, approval waits for its forum', async () => {
    const model = modelOf({
      nodes: [
        {
          id: 'stage',
          duration: { kind: 'fixed', days: 10 },
          gate: { verification: { kind: 'fixed', days: 5 }, verificationMonths: [8], failureProbability: 1, rework: { kind: 'fixed', days: 30 }, approvalMonths: [11] },
        },
      ],
    });
    const run = await runForecastModel(model, { seed: 1, iterations: 100 });
    // Aug 2026: verify (5 days), fail, rework 30 days → Sep; next window Aug 2027, verify, approve in Nov 2027.
    expect(run.final.quantiles[0]?.date).toBe('2027-11-01');
    expect(run.final.quantiles[0]?.days).toBe(day('2027-11-01'));
    const passing = modelOf({ nodes: [{ id: 's', duration: { kind: 'fixed', days: 10 }, gate: { verification: { kind: 'fixed', days: 5 }, verificationMonths: [8] } }] });
    expect((await runForecastModel(passing, { seed: 1, iterations: 10 })).final.quantiles[9]?.date).toBe('2026-08-06');
  });

  it('fails verification with the given probability', async () => {
    const model = modelOf({
      nodes: [{ id: 's', duration: { kind: 'met' }, gate: { verification: { kind: 'fixed', days: 1 }, failureProbability: 0.25, rework: { kind: 'fixed', days: 100 } } }],
    });
    const final = (await samplesOf(model, 40_000)).finalDays;
    const failed = final.filter((t) => t > 50).length / final.length;
    expect(Math.abs(failed - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / 40_000));
  });

  it('waits a geometric number of periods for a political decision', async () => {
    const model = modelOf({ nodes: [{ id: 'a', duration: { kind: 'fixed', days: 10 } }], decision: { political: { kind: 'hazard', periodDays: 30, probabilityPerPeriod: 0.4 } } });
    const final = (await samplesOf(model, 40_000)).finalDays;
    const waits = final.map((t) => (t - 10) / 30);
    expect(waits.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    // E[K] = (1 − p)/p = 1.5 and P(K = 0) = p.
    expect(Math.abs(moments(waits).mean - 1.5)).toBeLessThan(0.05);
    expect(Math.abs(waits.filter((k) => k === 0).length / waits.length - 0.4)).toBeLessThan(0.01);
  });

  it('a political decision window sets the date when it is later than readiness', async () => {
    const model = modelOf({
      nodes: [{ id: 'a', duration: { kind: 'fixed', days: 10 } }],
      decision: { delay: { kind: 'fixed', days: 7 }, political: { kind: 'window', from: '2027-01-01', to: '2027-12-31' } },
    });
    const run = await runForecastModel(model, { seed: 2, iterations: 20_000 });
    expect(run.final.sCurve[0]!.days).toBeGreaterThanOrEqual(day('2027-01-01') + 7);
    expect(run.final.sCurve[100]!.days).toBeLessThan(day('2028-01-01') + 7);
    expect(run.nodes[0]!.criticality).toBe(0);
    expect(run.decision.criticality).toBe(1);
  });
});

describe('criticality and sensitivity', () => {
  it('a fixed long branch is always critical, a short one never', async () => {
    const model = modelOf({
      nodes: [
        { id: 'short', duration: { kind: 'uniform', minDays: 0, maxDays: 10 } },
        { id: 'long', duration: { kind: 'fixed', days: 20 } },
      ],
    });
    const run = await runForecastModel(model, { seed: 1, iterations: 5000 });
    expect(run.nodes.map((n) => [n.id, n.criticality])).toEqual([['short', 0], ['long', 1]]);
  });

  it('never counts a node with no time of its own (met, no gate) as critical', async () => {
    const model = modelOf({
      nodes: [
        { id: 'done', duration: { kind: 'met' } },
        { id: 'next', duration: { kind: 'uniform', minDays: 0, maxDays: 10 }, dependsOn: ['done'] },
      ],
    });
    const run = await runForecastModel(model, { seed: 1, iterations: 5000 });
    expect(run.nodes.map((n) => [n.id, n.criticality])).toEqual([['done', 0], ['next', 1]]);
  });

  it('a chain is critical throughout; "not before" makes the later of two equal nodes critical half the time', async () => {
    const chain = modelOf({ nodes: [{ id: 'a', duration: { kind: 'uniform', minDays: 0, maxDays: 10 } }, { id: 'b', duration: { kind: 'uniform', minDays: 0, maxDays: 10 }, dependsOn: ['a'] }] });
    expect((await runForecastModel(chain, { seed: 1, iterations: 5000 })).nodes.map((n) => n.criticality)).toEqual([1, 1]);
    const notBefore = modelOf({
      nodes: [
        { id: 'a', duration: { kind: 'uniform', minDays: 0, maxDays: 100 } },
        { id: 'b', duration: { kind: 'uniform', minDays: 0, maxDays: 100 }, dependsOn: ['a'], dependency: 'not-before' },
      ],
    });
    const run = await runForecastModel(notBefore, { seed: 1, iterations: 40_000 });
    for (const node of run.nodes) expect(Math.abs(node.criticality - 0.5)).toBeLessThan(0.01);
    // The final time is the max of the two, never their sum.
    expect(run.final.sCurve[100]!.days).toBeLessThanOrEqual(100);
  });

  it('ranks inputs by their rank correlation with the final time, matching a direct Spearman computation', async () => {
    const model = modelOf({
      nodes: [
        { id: 'big', duration: { kind: 'lognormal', p5Days: 100, p95Days: 1000 }, isMilestone: true },
        { id: 'small', duration: { kind: 'uniform', minDays: 0, maxDays: 20 }, dependsOn: ['big'], isMilestone: true },
        { id: 'none', duration: { kind: 'met' } },
      ],
    });
    const run = await runForecastModel(model, { seed: 6, iterations: 20_000 });
    const samples = await samplesOf(model, 20_000, 6);
    const big = samples.milestoneDays[0]!;
    const small = samples.milestoneDays[1]!.map((t, i) => t - big[i]!);
    const [first, second] = run.sensitivity;
    expect(first?.key).toBe('big:duration');
    expect(second?.key).toBe('small:duration');
    expect(Math.abs(first!.rankCorrelation - spearman(big, samples.finalDays))).toBeLessThan(0.005);
    expect(Math.abs(second!.rankCorrelation - spearman(small, samples.finalDays))).toBeLessThan(0.005);
    expect(first!.highDecileMeanDays!).toBeGreaterThan(first!.lowDecileMeanDays!);
    expect(run.sensitivity.some((s) => s.key === 'none:duration' || s.role === 'decision-delay')).toBe(false);
  });
});

/** erf via the normal CDF identity, for the marginal check above. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

describe('sensitivity of constant inputs', () => {
  it('leaves out inputs that cannot vary, at any number of iterations', async () => {
    const model = modelOf({
      nodes: [
        { id: 'a', duration: { kind: 'uniform', minDays: 0, maxDays: 100 } },
        { id: 'b', duration: { kind: 'fixed', days: 0 }, dependsOn: ['a'], gate: { verification: { kind: 'fixed', days: 3 } } },
      ],
    });
    const run = await runForecastModel(model, { seed: 1, iterations: 50_000 });
    expect(run.sensitivity.map((s) => s.key)).toEqual(['a:duration']);
  });
});

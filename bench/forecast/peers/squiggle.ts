/**
 * The Squiggle peer (in process): cases (a) and (b) written in Squiggle, asked for the final
 * time's mean and its quantiles P5, P10, … P95 — the quantiles every implementation reports.
 */
import { defaultEnvironment, run } from '@quri/squiggle-lang';

export interface SquiggleOutput {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

const OUTPUTS = `
mean_ = mean(total)
quantiles = List.upTo(1, 19) -> List.map({|k| quantile(total, k / 20)})
`;

/** Squiggle source of case (a): the sum of the same 30 lognormals (90% intervals). */
export const SUM_CODE = `
xs = List.upTo(0, 29) -> List.map({|i| lognormal({p5: 10 + i, p95: 40 + 3 * i})})
total = List.reduce(xs, 0, {|acc, x| acc + x})
${OUTPUTS}`;

/** Squiggle source of case (b): the max of 30 uniforms on [100, 500]. */
export const MAX_CODE = `
xs = List.upTo(0, 29) -> List.map({|i| uniform(100, 500)})
total = List.reduce(xs, xs[0], {|acc, x| max(acc, x)})
${OUTPUTS}`;

/** Run Squiggle source with n samples and read the outputs. */
export async function runSquiggle(code: string, n: number, seed: string): Promise<SquiggleOutput> {
  const output = await run(code, { environment: { ...defaultEnvironment, sampleCount: n, seed } });
  if (!output.result.ok) throw new Error(`Squiggle failed: ${output.result.value.toString()}`);
  const bindings = output.result.value.bindings;
  const mean = bindings.get('mean_')?.asJS();
  const quantiles = bindings.get('quantiles')?.asJS();
  if (typeof mean !== 'number' || !Array.isArray(quantiles) || quantiles.length !== 19) throw new Error('Squiggle gave no mean or quantiles');
  const at = (percentile: number) => quantiles[percentile / 5 - 1] as number;
  return { mean, p5: at(5), p50: at(50), p95: at(95) };
}

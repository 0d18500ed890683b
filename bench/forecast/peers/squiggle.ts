/** The Squiggle peer (in process): cases (a) and (b) written in Squiggle, with their mean and quantiles. */
import { defaultEnvironment, run } from '@quri/squiggle-lang';

export interface SquiggleOutput {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

const OUTPUTS = `
mean_ = mean(total)
p5 = quantile(total, 0.05)
p50 = quantile(total, 0.5)
p95 = quantile(total, 0.95)
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
  const number = (name: string): number => {
    const value = bindings.get(name)?.asJS();
    if (typeof value !== 'number') throw new Error(`Squiggle gave no number for ${name}`);
    return value;
  };
  return { mean: number('mean_'), p5: number('p5'), p50: number('p50'), p95: number('p95') };
}

/** The benchmark cases, as forecast model files every implementation reads: (a) sum, (b) max, (c) a gated DAG. */
import type { z } from 'zod';
import type { ForecastModelSchema } from '../../src/core/forecast/model-schema.js';
import { Z90 } from '../../src/core/forecast/normal.js';

type ModelInput = z.input<typeof ForecastModelSchema>;

export const AS_OF = '2026-06-25';
export const SEED = 20_260_625;

/** (a) A chain of 30 lognormal steps: the final time is their sum. */
export function sumCase(): ModelInput {
  return {
    kind: 'forecast-model',
    title: 'sum of 30 lognormals',
    asOf: AS_OF,
    nodes: Array.from({ length: 30 }, (_, i) => ({
      id: `n${i}`,
      duration: { kind: 'lognormal', p5Days: 10 + i, p95Days: 40 + 3 * i },
      dependsOn: i === 0 ? [] : [`n${i - 1}`],
    })),
  };
}

/** The exact mean of case (a): the sum of the lognormals' means. */
export function sumMean(): number {
  let mean = 0;
  for (let i = 0; i < 30; i++) {
    const lo = Math.log(10 + i);
    const hi = Math.log(40 + 3 * i);
    const sigma = (hi - lo) / (2 * Z90);
    mean += Math.exp((lo + hi) / 2 + sigma ** 2 / 2);
  }
  return mean;
}

/** (b) 30 independent uniforms on [100, 500] in parallel: the final time is their max. */
export function maxCase(): ModelInput {
  return {
    kind: 'forecast-model',
    title: 'max of 30 uniforms',
    asOf: AS_OF,
    nodes: Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, duration: { kind: 'uniform', minDays: 100, maxDays: 500 } })),
  };
}

/** The exact p-quantile of case (b): 100 + 400·p^(1/30). */
export function maxQuantile(p: number): number {
  return 100 + 400 * p ** (1 / 30);
}

/**
 * (c) 30 criteria in a layered DAG (finish-to-start and not-before links), six of them gated:
 * verification in exercise windows (March, August), failure into rework, approval in
 * October–November; then a decision delay with a political decision chance per quarter.
 */
export function dagCase(): ModelInput {
  return {
    kind: 'forecast-model',
    title: '30-criterion DAG with gates',
    asOf: AS_OF,
    dates: ['2030-12-31', '2032-12-31', '2034-12-31'],
    nodes: Array.from({ length: 30 }, (_, i) => ({
      id: `n${i}`,
      duration: { kind: 'lognormal', p5Days: 30 + 3 * i, p95Days: 300 + 10 * i },
      dependsOn: i < 5 ? [] : [`n${i - 5}`, ...(i % 2 === 0 ? [`n${i - 3}`] : [])],
      dependency: i % 3 === 0 ? 'not-before' : 'finish-to-start',
      ...(i % 5 === 4
        ? {
            gate: {
              verification: { kind: 'pert', minDays: 10, modeDays: 20, maxDays: 45 },
              verificationMonths: [3, 8],
              failureProbability: 0.2,
              rework: { kind: 'lognormal', p5Days: 60, p95Days: 240 },
              approvalMonths: [10, 11],
            },
          }
        : {}),
    })),
    decision: {
      delay: { kind: 'triangular', minDays: 30, modeDays: 60, maxDays: 180 },
      political: { kind: 'hazard', periodDays: 91, probabilityPerPeriod: 0.3 },
    },
  };
}

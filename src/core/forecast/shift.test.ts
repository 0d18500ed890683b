import { describe, expect, it } from 'vitest';
import { forecastShift } from './shift.js';
import type { ForecastRun } from './summary.js';

function run(asOf: string, p50: string, p80: string, probability: number): ForecastRun {
  return {
    asOf,
    final: {
      quantiles: [
        { percentile: 50, days: 0, date: p50 },
        { percentile: 80, days: 0, date: p80 },
      ],
      probabilities: [{ date: '2030-06-03', label: 'end of term', probability, standardError: 0.003 }],
    },
  } as unknown as ForecastRun;
}

describe('forecastShift', () => {
  it('moves quantile dates in calendar days and probabilities with the error of the difference', () => {
    const shift = forecastShift(run('2026-03-01', '2031-01-04', '2032-12-06', 0.42), run('2026-06-25', '2031-09-21', '2033-07-03', 0.21));
    expect(shift.p50.deltaDays).toBe(260);
    expect(shift.p80.deltaDays).toBe(209);
    expect(shift.probabilities[0]?.delta).toBeCloseTo(-0.21, 10);
    expect(shift.probabilities[0]?.standardError).toBeCloseTo(Math.sqrt(2) * 0.003, 10);
    expect(shift.probabilities[0]?.isBeyondNoise).toBe(true);
    expect(forecastShift(run('2026-03-01', '2031-01-04', '2032-12-06', 0.42), run('2026-06-25', '2031-01-04', '2032-12-06', 0.425)).probabilities[0]?.isBeyondNoise).toBe(false);
  });
});

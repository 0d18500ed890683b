import { describe, expect, it } from 'vitest';
import { heatRow, heatYears } from './heatmap';
import type { Assessment } from './types';

function a(party: string, asOf: string, rating: Assessment['rating'], recordedAt = `${asOf}T12:00:00Z`): Assessment {
  return { kind: 'assessment', id: `${party}-${asOf}-${recordedAt}`, releasability: 'PUBLIC', recordedAt, party, criterionId: 'C1.x', asOf, rating, confidence: 0.5, rationale: 'r', basis: 'public-record-estimate', statementIds: ['s'], sourceIds: [], recordedBy: 'test' };
}

describe('divergence heat map', () => {
  it('spans the years from the first assessment to the as-of year', () => {
    expect(heatYears([[a('ROK', '2019-06-03', 1)], [a('US', '2021-01-01', 2)]], '2023-05-01')).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(heatYears([[], []], '2023-05-01')).toEqual([]);
  });
  it('takes the rating in force at each year end, the later record winning a tie of dates', () => {
    const history = [a('ROK', '2019-06-03', 1), a('US', '2020-03-01', 1), a('ROK', '2020-11-01', 3), a('US', '2020-11-01', 2), a('US', '2020-11-01', 0, '2020-11-02T00:00:00Z')];
    const row = heatRow(history, ['ROK', 'US'], [2019, 2020, 2021], '2021-06-30');
    expect(row.map((c) => c.gap)).toEqual([null, 3, 3]);
    expect(row[1]?.ratings).toEqual({ ROK: 3, US: 0 });
  });
  it('leaves an unassessed side out of the gap and stops at the as-of date', () => {
    const history = [a('ROK', '2022-01-01', 2), a('US', '2022-01-01', 'unassessed'), a('US', '2023-09-01', 1)];
    const row = heatRow(history, ['ROK', 'US'], [2022, 2023], '2023-06-30');
    expect(row.map((c) => c.gap)).toEqual([null, null]);
    expect(heatRow(history, ['ROK', 'US'], [2023], '2023-12-31')[0]?.gap).toBe(1);
  });
});

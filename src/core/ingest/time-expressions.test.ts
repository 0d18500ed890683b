import { describe, expect, it } from 'vitest';
import { findTimeExpressions } from './time-expressions.js';
import type { Tense } from './time-normalize.js';

const find = (text: string, published = '2026-02-04', tense: Tense = 'unknown') => findTimeExpressions(text, published, () => tense);
const values = (text: string, published?: string, tense?: Tense) => find(text, published, tense).map((e) => e.value);

describe('temporal expressions, phrase by phrase', () => {
  it.each([
    ['meet the conditions no later than the first quarter of 2029', '2029-Q1', 'no later than'],
    ['in the second quarter of fiscal year 2029', '2029-Q1', 'in'],
    ['a milestone in Q2 FY2029', '2029-Q1', 'in'],
    ['completed by the end of 2028', '2028-12', 'by'],
    ['within the first half of 2027', '2027-H1', 'within'],
    ['from late 2015', '2015-Q4', 'from'],
    ['early 2029', '2029-Q1', null],
    ['taking over on 17 April 2012', '2012-04-17', 'on'],
    ['as planned on April 17, 2012', '2012-04-17', 'on'],
    ['the exercise Monday, August 22, 2022', '2022-08-22', null],
    ['agreed in December 2021', '2021-12', 'in'],
    ['hand over responsibility by 2009', '2009', 'by'],
    ['the year 2028 is viewed', '2028', null],
    ['the date 2020-11-30 stands', '2020-11-30', null],
  ])('%s → %s', (text, value, qualifier) => {
    const [e] = find(text);
    expect(e?.value).toBe(value);
    expect(e?.qualifier).toBe(qualifier);
  });
  it('keeps the qualifier apart from the value and inside the expression', () => {
    const [e] = find('the allies aim to meet them no later than the first quarter of 2029.');
    expect(e?.text).toBe('no later than the first quarter of 2029');
    expect(e?.value).toBe('2029-Q1');
  });
  it('takes the start of a day range', () => {
    expect(values('talks on July 30-31', '2019-08-05', 'past')).toEqual(['2019-07-30']);
  });
  it('resolves relative expressions against publication and tense', () => {
    expect(values('the agreement announced last week', '2010-09-17')).toEqual(['2010-09']);
    expect(values('as outlined late last year', '2022-08-22')).toEqual(['2021-Q4']);
    expect(values('in their talks this year', '2026-02-04')).toEqual(['2026']);
    expect(values('discuss it at the meeting in October', '2018-01-23', 'future')).toEqual(['2018-10']);
    expect(values('since taking office in May', '2018-01-23', 'past')).toEqual(['2017-05']);
    expect(values('aides said Wednesday', '2008-01-09', 'past')).toEqual(['2008-01-09']);
    expect(values('On October 1, the ceremony', '2025-10-01', 'past')).toEqual(['2025-10-01']);
  });
  it('marks deictic and bare-day expressions', () => {
    const [week] = find('announced last week', '2010-09-17');
    expect(week).toMatchObject({ isRelative: true, isDeictic: true, isBareDay: false });
    const [day] = find('said Wednesday', '2008-01-09');
    expect(day).toMatchObject({ isDeictic: true, isBareDay: true });
    const [month] = find('in October', '2018-01-23');
    expect(month).toMatchObject({ isRelative: true, isDeictic: false });
  });
  it('does not read names, amounts or decades as dates', () => {
    expect(values('under the Strategic Alliance 2015 plan')).toEqual([]);
    expect(values('about 28,500 troops and 2,000 officers')).toEqual([]);
    expect(values('sometime in the 2020s')).toEqual([]);
    expect(values('a budget of $2015 million')).toEqual([]);
  });
  it('finds each expression once, the longest reading winning', () => {
    expect(values('by the end of 2028 and in January 2029')).toEqual(['2028-12', '2029-01']);
  });
});

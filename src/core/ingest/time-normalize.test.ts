import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../common/dates.js';
import { corpusValue, dateOfWeekday, fiscalQuarter, monthNumber, partOfYear, relativeValue, yearOfMonth, yearOfMonthDay } from './time-normalize.js';

describe('time normalisation, rule by rule', () => {
  it('reads month names and abbreviations', () => {
    expect(monthNumber('Sept.')).toBe(9);
    expect(monthNumber('october')).toBe(10);
    expect(monthNumber('Dec')).toBe(12);
    expect(monthNumber('Smarch')).toBeUndefined();
  });
  it('places a month without a year by tense: "in October" ahead, "in May" behind', () => {
    expect(yearOfMonth(10, '2018-01-23', 'future')).toBe(2018);
    expect(yearOfMonth(5, '2018-01-23', 'past')).toBe(2017);
    expect(yearOfMonth(1, '2018-01-23', 'past')).toBe(2018);
    expect(yearOfMonth(1, '2018-03-23', 'future')).toBe(2019);
    expect(yearOfMonth(7, '2018-03-23', 'unknown')).toBe(2018);
  });
  it('places a day without a year the same way', () => {
    expect(yearOfMonthDay(10, 1, '2025-10-01', 'past')).toBe(2025);
    expect(yearOfMonthDay(12, 30, '2026-01-05', 'past')).toBe(2025);
    expect(yearOfMonthDay(1, 2, '2025-12-20', 'future')).toBe(2026);
  });
  it('resolves a bare weekday to the latest such day, the publication day included', () => {
    expect(dateOfWeekday('Wednesday', '2008-01-09', 'past')).toBe('2008-01-09');
    expect(dateOfWeekday('Tuesday', '2008-01-09', 'past')).toBe('2008-01-08');
    expect(dateOfWeekday('Friday', '2018-01-23', 'past')).toBe('2018-01-19');
    expect(dateOfWeekday('Friday', '2008-01-09', 'future')).toBe('2008-01-11');
    expect(dateOfWeekday('Someday', '2008-01-09', 'past')).toBeUndefined();
  });
  it('resolves relative days, weeks, months and years against publication', () => {
    expect(relativeValue('yesterday', '2006-09-01')).toBe('2006-08-31');
    expect(relativeValue('last week', '2010-09-17')).toBe('2010-09');
    expect(relativeValue('last week', '2010-09-03')).toBe('2010-08');
    expect(relativeValue('this month', '2026-02-04')).toBe('2026-02');
    expect(relativeValue('last month', '2026-01-04')).toBe('2025-12');
    expect(relativeValue('next month', '2026-12-04')).toBe('2027-01');
    expect(relativeValue('this year', '2026-02-04')).toBe('2026');
    expect(relativeValue('next year', '2025-12-03')).toBe('2026');
    expect(relativeValue('the coming year', '2025-12-03')).toBe('2026');
    expect(relativeValue('someday', '2025-12-03')).toBeUndefined();
  });
  it('turns US fiscal quarters into calendar quarters (Q2 FY2029 is 2029-Q1)', () => {
    expect(fiscalQuarter(2, 2029)).toBe('2029-Q1');
    expect(fiscalQuarter(1, 2029)).toBe('2028-Q4');
    expect(fiscalQuarter(4, 2029)).toBe('2029-Q3');
  });
  it('names parts of a year as periods', () => {
    expect(partOfYear('late', 2015)).toBe('2015-Q4');
    expect(partOfYear('early', 2029)).toBe('2029-Q1');
    expect(partOfYear('first half', 2007)).toBe('2007-H1');
    expect(partOfYear('second half', 2007)).toBe('2007-H2');
  });
  it('writes halves in the corpus format as the month that ends them', () => {
    expect(corpusValue('2007-H1')).toBe('2007-06');
    expect(corpusValue('2007-H2')).toBe('2007-12');
    expect(corpusValue('2029-Q1')).toBe('2029-Q1');
  });
  it('never puts a past bare weekday after publication or more than six days before it', () => {
    const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2000-01-01'), max: dayOf('2030-12-31') }), fc.integer({ min: 0, max: 6 }), (day, w) => {
        const published = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const date = dateOfWeekday(days[w]!, published, 'past')!;
        const gap = dayOf(published) - dayOf(date);
        return gap >= 0 && gap <= 6 && new Date(dayOf(date) * 86_400_000).getUTCDay() === w;
      }),
    );
  });
});

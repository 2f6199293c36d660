import { civilFromDays, daysFromCivil, formatDay } from './calendar';
import { CALENDAR_YEAR, indexOfDay, parsePeriodKey, periodKeyOf, type FiscalCalendar } from './grain';
import { parseDateValue } from './parse-date';
import { toDate, yearAgo } from './spans';

const APRIL: FiscalCalendar = { fiscalYearStartMonth: 4, fiscalYearLabel: 'end' };
const day = (iso: string): number => parseDateValue(iso)!.day;

describe('civil calendar', () => {
  it('round-trips every day across four centuries', () => {
    for (let d = daysFromCivil(1900, 1, 1); d < daysFromCivil(2300, 1, 1); d += 1) {
      const c = civilFromDays(d);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
    }
  });
  it('agrees with Date.UTC', () => {
    expect(daysFromCivil(2026, 11, 24)).toBe(Date.UTC(2026, 10, 24) / 86400000);
    expect(formatDay(daysFromCivil(2024, 2, 29))).toBe('2024-02-29');
  });
});

describe('period keys', () => {
  it.each([
    ['2026-11-24', 'day', '2026-11-24'],
    ['2026-11-24', 'week', '2026-W48'],
    ['2027-01-01', 'week', '2026-W53'],
    ['2026-11-24', 'month', '2026-11'],
    ['2026-11-24', 'quarter', '2026-Q4'],
    ['2026-11-24', 'year', '2026'],
  ] as const)('%s on %s is %s (calendar year)', (iso, grain, key) => {
    const index = indexOfDay(day(iso), grain, CALENDAR_YEAR);
    expect(periodKeyOf(index, grain, CALENDAR_YEAR)).toBe(key);
    expect(parsePeriodKey(key, CALENDAR_YEAR)).toEqual({ grain, index });
  });

  it.each([
    ['2026-03-31', 'quarter', 'FY2026-Q4'],
    ['2026-04-01', 'quarter', 'FY2027-Q1'],
    ['2026-11-24', 'quarter', 'FY2027-Q3'],
    ['2026-11-24', 'year', 'FY2027'],
  ] as const)('%s on %s is %s (April fiscal year, labelled by end)', (iso, grain, key) => {
    const index = indexOfDay(day(iso), grain, APRIL);
    expect(periodKeyOf(index, grain, APRIL)).toBe(key);
    expect(parsePeriodKey(key, APRIL)).toEqual({ grain, index });
  });

  it('labels by start year when asked', () => {
    const cal: FiscalCalendar = { fiscalYearStartMonth: 4, fiscalYearLabel: 'start' };
    expect(periodKeyOf(indexOfDay(day('2026-11-24'), 'year', cal), 'year', cal)).toBe('FY2026');
  });

  it('rejects non-keys', () => {
    expect(parsePeriodKey('2026-13', CALENDAR_YEAR)).toBeUndefined();
    expect(parsePeriodKey('Q1 2026', CALENDAR_YEAR)).toBeUndefined();
  });
});

describe('spans', () => {
  it('fiscal year-to-date starts at the fiscal year start', () => {
    const nov = indexOfDay(day('2026-11-24'), 'month', APRIL);
    const ytd = toDate({ start: nov, end: nov }, 'month', APRIL, 'year');
    expect(periodKeyOf(ytd.start, 'month', APRIL)).toBe('2026-04');
    const qtd = toDate({ start: nov, end: nov }, 'month', APRIL, 'quarter');
    expect(periodKeyOf(qtd.start, 'month', APRIL)).toBe('2026-10');
  });
  it('a year ago keeps the calendar date for days and clamps Feb 29', () => {
    const leap = day('2024-02-29');
    expect(formatDay(yearAgo({ start: leap, end: leap }, 'day').start)).toBe('2023-02-28');
  });
});

describe('parseDateValue', () => {
  it.each([
    ['2026-11-24', '2026-11-24', 'day'],
    ['2026/11/24', '2026-11-24', 'day'],
    ['2026.1.5', '2026-01-05', 'day'],
    ['2026-11-24T10:00:00Z', '2026-11-24', 'day'],
    ['20261124', '2026-11-24', 'day'],
    ['2026年11月', '2026-11-01', 'month'],
    ['2026年11月24日', '2026-11-24', 'day'],
    ['2026-11', '2026-11-01', 'month'],
    ['46350', '2026-11-24', 'day'],
  ])('%s → %s', (text, iso, precision) => {
    const parsed = parseDateValue(text);
    expect(parsed && formatDay(parsed.day)).toBe(iso);
    expect(parsed?.precision).toBe(precision);
  });

  it('reads Excel serials including the 1900 leap-year bug', () => {
    expect(formatDay(parseDateValue(46350)!.day)).toBe('2026-11-24');
    expect(formatDay(parseDateValue(61)!.day)).toBe('1900-03-01');
    expect(formatDay(parseDateValue(59)!.day)).toBe('1900-02-28');
    expect(formatDay(parseDateValue(1)!.day)).toBe('1900-01-01');
  });

  it('reads day-first and month-first only when declared', () => {
    expect(parseDateValue('03/04/2026')).toBeUndefined();
    expect(formatDay(parseDateValue('03/04/2026', 'dmy')!.day)).toBe('2026-04-03');
    expect(formatDay(parseDateValue('03/04/2026', 'mdy')!.day)).toBe('2026-03-04');
  });

  it.each(['', 'n/a', '#N/A', '2026-02-30', '2026-13-01', 'abc', '0', '-5', '99999999'])('rejects %p', (text) => {
    expect(parseDateValue(text)).toBeUndefined();
  });
});

import { civilFromDays, daysFromCivil, isValidCivil, pad2 } from './calendar';
import type { PeriodKey } from '../brand';

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

/** How the organisation's year runs. Quarters and years are fiscal; months, weeks and days are civil. */
export interface FiscalCalendar {
  /** 1 = January (calendar year), 4 = April, 7 = July… */
  fiscalYearStartMonth: number;
  /** Whether FY2026 is the year that ends in 2026 (US, AU style) or starts in 2026 (JP style). */
  fiscalYearLabel: 'end' | 'start';
}

export const CALENDAR_YEAR: FiscalCalendar = { fiscalYearStartMonth: 1, fiscalYearLabel: 'end' };

/**
 * A period is an integer index on its grain's axis, so shifting and spans are integer arithmetic:
 * day = epoch day; week = ISO week count (Mondays since 1969-12-29); month = year*12 + month-1;
 * quarter and year count fiscal quarters/years from year 0.
 */
export type PeriodIndex = number;

const monthIndexOf = (year: number, month: number): number => year * 12 + month - 1;
const fiscalMonth = (monthIndex: number, cal: FiscalCalendar): number => monthIndex - (cal.fiscalYearStartMonth - 1);

export function indexOfDay(day: number, grain: Grain, cal: FiscalCalendar): PeriodIndex {
  if (grain === 'day') return day;
  if (grain === 'week') return Math.floor((day + 3) / 7);
  const { year, month } = civilFromDays(day);
  return indexOfMonth(monthIndexOf(year, month), grain, cal);
}

/** Maps a civil month index to the index on a month-or-coarser grain. */
export function indexOfMonth(monthIndex: number, grain: Grain, cal: FiscalCalendar): PeriodIndex {
  if (grain === 'month') return monthIndex;
  if (grain === 'quarter') return Math.floor(fiscalMonth(monthIndex, cal) / 3);
  if (grain === 'year') return Math.floor(fiscalMonth(monthIndex, cal) / 12);
  throw new RangeError(`indexOfMonth: grain ${grain} is finer than a month`);
}

/** First epoch day of a period. */
export function firstDayOf(index: PeriodIndex, grain: Grain, cal: FiscalCalendar): number {
  switch (grain) {
    case 'day':
      return index;
    case 'week':
      return index * 7 - 3;
    case 'month':
      return daysFromCivil(Math.floor(index / 12), (index % 12) + 1, 1);
    case 'quarter':
      return firstDayOfMonthIndex(index * 3 + cal.fiscalYearStartMonth - 1);
    case 'year':
      return firstDayOfMonthIndex(index * 12 + cal.fiscalYearStartMonth - 1);
  }
}

const firstDayOfMonthIndex = (mi: number): number => daysFromCivil(Math.floor(mi / 12), (mi % 12) + 1, 1);

function fiscalYearLabel(fiscalYearIndex: number, cal: FiscalCalendar): number {
  return cal.fiscalYearStartMonth === 1 || cal.fiscalYearLabel === 'start' ? fiscalYearIndex : fiscalYearIndex + 1;
}

function isoWeek(index: PeriodIndex): { year: number; week: number } {
  const thursday = index * 7; // Monday (index*7-3) + 3
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week };
}

export function periodKeyOf(index: PeriodIndex, grain: Grain, cal: FiscalCalendar): PeriodKey {
  const fy = cal.fiscalYearStartMonth === 1 ? '' : 'FY';
  switch (grain) {
    case 'day': {
      const d = civilFromDays(index);
      return `${d.year}-${pad2(d.month)}-${pad2(d.day)}` as PeriodKey;
    }
    case 'week': {
      const w = isoWeek(index);
      return `${w.year}-W${pad2(w.week)}` as PeriodKey;
    }
    case 'month':
      return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}` as PeriodKey;
    case 'quarter':
      return `${fy}${fiscalYearLabel(Math.floor(index / 4), cal)}-Q${(((index % 4) + 4) % 4) + 1}` as PeriodKey;
    case 'year':
      return `${fy}${fiscalYearLabel(index, cal)}` as PeriodKey;
  }
}

const KEY_FORMS: ReadonlyArray<[Grain, RegExp]> = [
  ['day', /^(\d{4})-(\d{2})-(\d{2})$/],
  ['week', /^(\d{4})-W(\d{2})$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['quarter', /^(?:FY)?(\d{4})-Q([1-4])$/],
  ['year', /^(?:FY)?(\d{4})$/],
];

/** Parses a period key back to its grain and index; undefined when the text is not a key. */
export function parsePeriodKey(key: string, cal: FiscalCalendar): { grain: Grain; index: PeriodIndex } | undefined {
  for (const [grain, re] of KEY_FORMS) {
    const m = re.exec(key);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    switch (grain) {
      case 'day':
        return isValidCivil(a, b, Number(m[3])) ? { grain, index: daysFromCivil(a, b, Number(m[3])) } : undefined;
      case 'week':
        return b >= 1 && b <= 53 ? { grain, index: Math.floor((daysFromCivil(a, 1, 4) + 3) / 7) + b - 1 } : undefined;
      case 'month':
        return b >= 1 && b <= 12 ? { grain, index: monthIndexOf(a, b) } : undefined;
      case 'quarter':
        return { grain, index: fiscalYearIndexOfLabel(a, cal) * 4 + b - 1 };
      case 'year':
        return { grain, index: fiscalYearIndexOfLabel(a, cal) };
    }
  }
  return undefined;
}

function fiscalYearIndexOfLabel(label: number, cal: FiscalCalendar): number {
  return cal.fiscalYearStartMonth === 1 || cal.fiscalYearLabel === 'start' ? label : label - 1;
}

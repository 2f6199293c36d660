import { civilFromDays, daysFromCivil, daysInMonth } from './calendar';
import { firstDayOf, indexOfDay, type FiscalCalendar, type Grain, type PeriodIndex } from './grain';

/** An inclusive range of periods on one grain's axis. */
export interface Span {
  readonly start: PeriodIndex;
  readonly end: PeriodIndex;
}

export const spanOf = (index: PeriodIndex): Span => ({ start: index, end: index });
export const shiftSpan = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

/** The same span one year earlier (same calendar date for days; 52 weeks for weeks). */
export function yearAgo(s: Span, grain: Grain): Span {
  switch (grain) {
    case 'day':
      return { start: sameDayLastYear(s.start), end: sameDayLastYear(s.end) };
    case 'week':
      return shiftSpan(s, -52);
    case 'month':
      return shiftSpan(s, -12);
    case 'quarter':
      return shiftSpan(s, -4);
    case 'year':
      return shiftSpan(s, -1);
  }
}

function sameDayLastYear(day: number): number {
  const { year, month, day: d } = civilFromDays(day);
  return daysFromCivil(year - 1, month, Math.min(d, daysInMonth(year - 1, month)));
}

/** From the start of the fiscal year (or quarter) containing the span's end, to its end. */
export function toDate(s: Span, grain: Grain, cal: FiscalCalendar, unit: 'year' | 'quarter'): Span {
  const endDay = firstDayOf(s.end, grain, cal);
  const unitIndex = indexOfDay(endDay, unit, cal);
  return { start: indexOfDay(firstDayOf(unitIndex, unit, cal), grain, cal), end: s.end };
}

/** The last n periods ending with the span's end. */
export const rolling = (s: Span, n: number): Span => ({ start: s.end - n + 1, end: s.end });

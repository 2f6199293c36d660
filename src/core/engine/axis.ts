import { firstDayOf, indexOfDay, periodKeyOf, type FiscalCalendar, type Grain, type PeriodIndex } from '../periods';
import type { PeriodKey } from '../brand';
import type { Axis } from './aggregate';

/** The run of periods the engine aggregates over, from the earliest to the latest day it needs. */
export interface PeriodAxis extends Axis {
  grain: Grain;
  /** Period index of offset 0. */
  origin: PeriodIndex;
  keyOf(offset: number): PeriodKey;
  offsetOfIndex(index: PeriodIndex): number;
  /** Actual days in the periods from..to (offsets, inclusive). */
  actualDays(from: number, to: number): number;
}

export function makeAxis(grain: Grain, cal: FiscalCalendar, firstDay: number, lastDay: number): PeriodAxis {
  const origin = indexOfDay(firstDay, grain, cal);
  const periods = indexOfDay(lastDay, grain, cal) - origin + 1;
  const startDay = firstDayOf(origin, grain, cal);
  // Day → offset lookup table: a hot-path array read instead of calendar arithmetic per row.
  const span = lastDay - startDay + 1;
  const table = new Int32Array(span);
  for (let p = 0, d = startDay; p < periods; p += 1) {
    const next = firstDayOf(origin + p + 1, grain, cal);
    for (; d < next && d - startDay < span; d += 1) table[d - startDay] = p;
  }
  return {
    grain,
    origin,
    periods,
    offsetOfDay: (day) => (day < startDay || day > lastDay ? -1 : table[day - startDay]!),
    keyOf: (offset) => periodKeyOf(origin + offset, grain, cal),
    offsetOfIndex: (index) => index - origin,
    actualDays: (from, to) => firstDayOf(origin + to + 1, grain, cal) - firstDayOf(origin + from, grain, cal),
  };
}

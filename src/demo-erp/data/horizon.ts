import { daysFromCivil, daysInMonth, formatDay } from '../../core/periods';

export interface MonthInfo {
  /** 0 for the first month of the data. */
  index: number;
  year: number;
  /** 1..12 */
  month: number;
  /** `2024-01` */
  key: string;
  /** Epoch days of the first and last day. */
  firstDay: number;
  lastDay: number;
}

/** The months the demo ERP covers, with cheap day ↔ month ↔ ISO conversions for the generators. */
export interface Horizon {
  months: readonly MonthInfo[];
  firstDay: number;
  lastDay: number;
  /** Index of the month holding `day`, or -1 outside the horizon. */
  monthOf: (day: number) => number;
  /** `YYYY-MM-DD`, memoised: the generators format the same few thousand days hundreds of thousands of times. */
  iso: (day: number) => string;
  /** Epoch day of `day` in month `index`, clamped to the month's last day (day 31 = month end). */
  dayIn: (index: number, day: number) => number;
}

/** `count` months from `startYear`-`startMonth` (already validated by the options). */
export function horizonOf(startYear: number, startMonth: number, count: number): Horizon {
  const months: MonthInfo[] = [];
  for (let index = 0; index < count; index += 1) {
    const serial = startMonth - 1 + index;
    const year = startYear + Math.floor(serial / 12);
    const month = (serial % 12) + 1;
    const firstDay = daysFromCivil(year, month, 1);
    months.push({ index, year, month, key: `${year}-${String(month).padStart(2, '0')}`, firstDay, lastDay: firstDay + daysInMonth(year, month) - 1 });
  }
  const firstDay = months[0]!.firstDay;
  const lastDay = months[months.length - 1]!.lastDay;
  const monthIndex = new Int16Array(lastDay - firstDay + 1);
  for (const mo of months) monthIndex.fill(mo.index, mo.firstDay - firstDay, mo.lastDay - firstDay + 1);
  const isoCache = new Map<number, string>();
  return {
    months,
    firstDay,
    lastDay,
    monthOf: (day) => (day < firstDay || day > lastDay ? -1 : monthIndex[day - firstDay]!),
    iso: (day) => {
      let text = isoCache.get(day);
      if (text === undefined) {
        text = formatDay(day);
        isoCache.set(day, text);
      }
      return text;
    },
    dayIn: (index, day) => {
      const mo = months[index]!;
      return Math.min(mo.firstDay + day - 1, mo.lastDay);
    },
  };
}

/** Day of the week, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** Moves a weekend day to the next Monday: banks do not book on weekends. */
export function businessDay(day: number): number {
  const w = weekday(day);
  return w === 5 ? day + 2 : w === 6 ? day + 1 : day;
}

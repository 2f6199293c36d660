import { problem, type Problem } from '../errors';

/**
 * The five-field cron subset: numbers, `*`, ranges `a-b`, steps `*\/n` `a-b/n` `a/n` and lists.
 * Names (MON, JAN) and the `L`/`W`/`#` extensions are not supported. As in Vixie cron, when both
 * day-of-month and day-of-week are restricted a day matching either one fires.
 */
export interface CronSpec {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday (7 is accepted and folded to 0). */
  weekdays: ReadonlySet<number>;
  anyDay: boolean;
  anyWeekday: boolean;
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day-of-week', min: 0, max: 7 },
] as const;

const PART = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/;

/** The values one field allows, or undefined when a part of it is not valid. */
function parseField(token: string, min: number, max: number): Set<number> | undefined {
  const values = new Set<number>();
  for (const part of token.split(',')) {
    const m = PART.exec(part);
    if (!m) return undefined;
    const [, start, end, step] = m;
    if (start === '*' && end !== undefined) return undefined;
    const from = start === '*' ? min : Number(start);
    // `a/n` runs from a to the field's end, as in Vixie cron.
    const to = start === '*' || (end === undefined && step !== undefined) ? max : Number(end ?? start);
    const by = step === undefined ? 1 : Number(step);
    if (from < min || to > max || from > to || by < 1) return undefined;
    for (let v = from; v <= to; v += by) values.add(v);
  }
  return values;
}

export function parseCron(text: string, path: string, out: Problem[]): CronSpec | undefined {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length !== FIELDS.length) {
    out.push(problem(path, 'alerts.cronFields', { value: text, count: tokens.filter(Boolean).length }));
    return undefined;
  }
  const sets: Set<number>[] = [];
  tokens.forEach((token, i) => {
    const field = FIELDS[i]!;
    const set = parseField(token, field.min, field.max);
    if (set) sets.push(set);
    else out.push(problem(path, 'alerts.cronField', { index: i + 1, field: field.name, token, min: field.min, max: field.max }));
  });
  if (sets.length !== FIELDS.length) return undefined;
  const [minutes, hours, days, months, weekdays] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (weekdays.delete(7)) weekdays.add(0);
  const spec = { minutes, hours, days, months, weekdays, anyDay: tokens[2] === '*', anyWeekday: tokens[4] === '*' };
  if (!canFire(spec)) {
    out.push(problem(path, 'alerts.cronNever', { value: text }));
    return undefined;
  }
  return spec;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Rejects `0 0 30 2 *`-style expressions that would silently never send anything. */
function canFire(spec: CronSpec): boolean {
  if (!spec.anyWeekday) return true;
  return [...spec.months].some((m) => [...spec.days].some((d) => d <= DAYS_IN_MONTH[m - 1]!));
}

/** Whether the calendar day (month 1–12, weekday 0 = Sunday) is one the expression fires on. */
export function cronDayMatches(spec: CronSpec, month: number, day: number, weekday: number): boolean {
  if (!spec.months.has(month)) return false;
  const dayOk = spec.days.has(day);
  const weekdayOk = spec.weekdays.has(weekday);
  if (spec.anyDay && spec.anyWeekday) return true;
  if (spec.anyDay) return weekdayOk;
  if (spec.anyWeekday) return dayOk;
  return dayOk || weekdayOk;
}

/** The latest minute of the day at or before `limit` (minutes since midnight) the expression fires at. */
export function lastFireMinuteOfDay(spec: CronSpec, limit = 24 * 60 - 1): number | undefined {
  for (let h = Math.floor(limit / 60); h >= 0; h -= 1) {
    if (!spec.hours.has(h)) continue;
    const top = h === Math.floor(limit / 60) ? limit % 60 : 59;
    for (let m = top; m >= 0; m -= 1) if (spec.minutes.has(m)) return h * 60 + m;
  }
  return undefined;
}

import { num, obj, optional, required, str, type Infer } from '../catalog/shape';
import { problem, type Problem } from '../errors';
import { cronDayMatches, lastFireMinuteOfDay, parseCron, type CronSpec } from './cron';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const scheduleShape = obj(
  {
    cron: optional(str({ minLength: 1, doc: 'Five-field cron, e.g. "0 9 * * 1-5" (09:00 on weekdays)' })),
    everyMinutes: optional(num({ integer: true, min: 1, max: 60 * 24 * 31 })),
    timeZone: optional(str({ minLength: 1, doc: 'IANA time zone for cron and quiet hours; default UTC' })),
    quietHours: optional(
      obj({
        from: required(str({ pattern: HHMM, hint: 'HH:MM, e.g. 22:00' })),
        to: required(str({ pattern: HHMM, hint: 'HH:MM, e.g. 07:00' })),
      }, { doc: 'No alerts from `from` until `to` (wall clock in timeZone); may wrap past midnight' }),
    ),
  },
  { doc: 'When the rule runs; without cron or everyMinutes it runs on every evaluation' },
);
export type Schedule = Infer<typeof scheduleShape>;

/** Checks a schedule's meaning once its shape is valid; problems are pushed to `out`. */
export function checkSchedule(s: Schedule, path: string, out: Problem[]): void {
  if (s.cron !== undefined && s.everyMinutes !== undefined) out.push(problem(path, 'alerts.scheduleBoth'));
  if (s.cron !== undefined) parseCron(s.cron, `${path}.cron`, out);
  if (s.timeZone !== undefined && !isTimeZone(s.timeZone)) out.push(problem(`${path}.timeZone`, 'alerts.badTimeZone', { value: s.timeZone }));
  if (s.quietHours && s.quietHours.from === s.quietHours.to) out.push(problem(`${path}.quietHours`, 'alerts.quietAllDay', { ...s.quietHours }));
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formats.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in a zone as minutes since 1970-01-01 00:00 of that wall clock (DST gaps are not special-cased). */
export function wallMinutes(instantMs: number, timeZone = 'UTC'): number {
  if (timeZone === 'UTC') return Math.floor(instantMs / 60_000);
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts['year']!, parts['month']! - 1, parts['day'], parts['hour'], parts['minute']) / 60_000;
}

const DAY = 24 * 60;
/** Eight years covers a cron that fires only on 29 February. */
const MAX_SCAN_DAYS = 366 * 8;

/** The latest wall-clock minute at or before `until` the expression fires at; the scan stops at `after`. */
function lastFire(spec: CronSpec, until: number, after: number): number | undefined {
  const today = Math.floor(until / DAY);
  for (let d = today; d >= today - MAX_SCAN_DAYS && (d + 1) * DAY > after; d -= 1) {
    const date = new Date(d * DAY * 60_000);
    if (!cronDayMatches(spec, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay())) continue;
    const minute = lastFireMinuteOfDay(spec, d === today ? until - d * DAY : undefined);
    if (minute !== undefined) return d * DAY + minute;
  }
  return undefined;
}

function inQuietHours(q: NonNullable<Schedule['quietHours']>, wall: number): boolean {
  const at = ((wall % DAY) + DAY) % DAY;
  const [from, to] = [q.from, q.to].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
  return from! < to! ? at >= from! && at < to! : at >= from! || at < to!;
}

/**
 * A scheduler that fires a few seconds early must not skip a whole interval, so an interval
 * counts as elapsed this much before it strictly has.
 */
const INTERVAL_SLACK_MS = 30_000;

/**
 * Whether a rule should run now, given when it last ran. Quiet hours always win (the findings are
 * picked up on the first run after them). A rule that never ran is due; a cron rule is due when
 * one of its times passed since the last run; an interval rule when the interval has elapsed.
 */
export function isDue(rule: { schedule?: Schedule }, now: Date, lastRun?: Date): boolean {
  const s = rule.schedule;
  if (!s) return true;
  const zone = s.timeZone ?? 'UTC';
  if (s.quietHours && inQuietHours(s.quietHours, wallMinutes(now.getTime(), zone))) return false;
  if (!lastRun) return true;
  if (s.everyMinutes !== undefined) return now.getTime() - lastRun.getTime() >= s.everyMinutes * 60_000 - INTERVAL_SLACK_MS;
  if (s.cron === undefined) return true;
  const spec = parseCron(s.cron, '$', []);
  if (!spec) return false;
  const last = wallMinutes(lastRun.getTime(), zone);
  const fire = lastFire(spec, wallMinutes(now.getTime(), zone), last);
  return fire !== undefined && fire > last;
}

import type { Problem } from '../errors';
import { parseCron } from './cron';
import { isDue, wallMinutes, type Schedule } from './schedule';

const at = (iso: string): Date => new Date(iso);
const due = (schedule: Schedule, now: string, lastRun?: string): boolean => isDue({ schedule }, at(now), lastRun === undefined ? undefined : at(lastRun));

describe('cron subset', () => {
  const parse = (text: string) => {
    const problems: Problem[] = [];
    return { spec: parseCron(text, '$', problems), problems: problems.map((p) => p.message['en-US']) };
  };

  it('reads lists, ranges, steps and folds Sunday 7 into 0', () => {
    const { spec } = parse('0,30 9-17/4 1 */3 5-7');
    expect([...spec!.minutes]).toEqual([0, 30]);
    expect([...spec!.hours]).toEqual([9, 13, 17]);
    expect([...spec!.months]).toEqual([1, 4, 7, 10]);
    expect([...spec!.weekdays].sort()).toEqual([0, 5, 6]);
    expect([...parse('10/20 * * * *').spec!.minutes]).toEqual([10, 30, 50]);
  });

  it('names the field and the allowed range of each bad part', () => {
    expect(parse('60 * * * MON').problems).toEqual([
      'Field 1 (minute) "60" is not valid; use *, a number 0–59, a range a-b, a step */n or a list a,b',
      'Field 5 (day-of-week) "MON" is not valid; use *, a number 0–7, a range a-b, a step */n or a list a,b',
    ]);
    expect(parse('5-1 * * * *').problems).toHaveLength(1);
    expect(parse('*/0 * * * *').problems).toHaveLength(1);
    expect(parse('*-5 * * * *').problems).toHaveLength(1);
    expect(parse('').problems).toEqual(['"" has 0 field(s); a cron expression has 5: minute hour day-of-month month day-of-week (e.g. "0 9 * * 1-5")']);
  });

  it('accepts 29 February but not 30 February', () => {
    expect(parse('0 0 29 2 *').problems).toEqual([]);
    expect(parse('0 0 30,31 2 *').problems).toEqual(['"0 0 30,31 2 *" never fires: no month has that day']);
    // With a weekday as well, Vixie cron fires on either, so it does fire.
    expect(parse('0 0 30 2 1').problems).toEqual([]);
  });
});

describe('isDue', () => {
  it('a rule without a schedule runs on every evaluation', () => {
    expect(isDue({}, at('2026-04-01T00:00:00Z'), at('2026-04-01T00:00:00Z'))).toBe(true);
  });

  it('a rule that never ran is due', () => {
    expect(due({ cron: '0 9 * * 1-5' }, '2026-04-04T15:00:00Z')).toBe(true);
  });

  it('cron: due when a fire time passed since the last run, in the rule time zone', () => {
    // 09:00 in Shanghai is 01:00 UTC; 2026-04-01 is a Wednesday.
    const s: Schedule = { cron: '0 9 * * 1-5', timeZone: 'Asia/Shanghai' };
    expect(due(s, '2026-04-01T00:59:00Z', '2026-03-31T01:00:00Z')).toBe(false);
    expect(due(s, '2026-04-01T01:00:00Z', '2026-03-31T01:00:00Z')).toBe(true);
    expect(due(s, '2026-04-01T01:05:00Z', '2026-04-01T01:00:30Z')).toBe(false);
    // Friday 09:00 ran; Saturday and Sunday do not fire; Monday 09:00 does.
    expect(due(s, '2026-04-05T12:00:00Z', '2026-04-03T01:00:00Z')).toBe(false);
    expect(due(s, '2026-04-06T01:00:00Z', '2026-04-03T01:00:00Z')).toBe(true);
  });

  it('cron: a run that was missed for days is due once, not skipped', () => {
    expect(due({ cron: '30 6 1 * *' }, '2026-05-20T00:00:00Z', '2026-03-15T00:00:00Z')).toBe(true);
    expect(due({ cron: '30 6 1 * *' }, '2026-05-01T06:29:00Z', '2026-04-01T06:30:00Z')).toBe(false);
  });

  it('cron: day-of-month or day-of-week when both are restricted', () => {
    const s: Schedule = { cron: '0 8 13 * 5' }; // the 13th, or any Friday
    expect(due(s, '2026-04-03T08:00:00Z', '2026-04-02T09:00:00Z')).toBe(true); // Friday 3rd
    expect(due(s, '2026-04-13T08:00:00Z', '2026-04-12T09:00:00Z')).toBe(true); // Monday 13th
    expect(due(s, '2026-04-14T08:00:00Z', '2026-04-13T09:00:00Z')).toBe(false);
  });

  it('interval: due once the interval has elapsed, with slack for a scheduler that fires a little early', () => {
    const s: Schedule = { everyMinutes: 15 };
    expect(due(s, '2026-04-01T09:14:00Z', '2026-04-01T09:00:00Z')).toBe(false);
    expect(due(s, '2026-04-01T09:14:45Z', '2026-04-01T09:00:00Z')).toBe(true);
    expect(due(s, '2026-04-01T09:15:00Z', '2026-04-01T09:00:00Z')).toBe(true);
  });

  it('quiet hours wrap past midnight and win over everything else', () => {
    const s: Schedule = { everyMinutes: 5, timeZone: 'Asia/Shanghai', quietHours: { from: '22:00', to: '07:00' } };
    expect(due(s, '2026-04-01T14:00:00Z')).toBe(false); // 22:00 Shanghai
    expect(due(s, '2026-04-01T22:59:00Z')).toBe(false); // 06:59
    expect(due(s, '2026-04-01T23:00:00Z')).toBe(true); // 07:00
    expect(due(s, '2026-04-01T13:59:00Z')).toBe(true); // 21:59
    expect(due({ quietHours: { from: '12:00', to: '13:00' } }, '2026-04-01T12:30:00Z')).toBe(false);
    expect(due({ quietHours: { from: '12:00', to: '13:00' } }, '2026-04-01T13:00:00Z')).toBe(true);
  });

  it('reads the wall clock of a zone', () => {
    const utc = wallMinutes(Date.parse('2026-04-01T01:00:00Z'));
    expect(wallMinutes(Date.parse('2026-04-01T01:00:00Z'), 'Asia/Shanghai') - utc).toBe(8 * 60);
    expect(wallMinutes(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York') - wallMinutes(Date.parse('2026-07-01T12:00:00Z'))).toBe(-4 * 60);
  });
});

import { alertRulesJsonSchema, validateAlertRules } from './rule';
import { metricDef } from './testing/factories';

const catalog = { metrics: [metricDef('revenue'), metricDef('selling_expenses')] };
const refs = { catalog, channelIds: ['ops', 'cfo-mail'] };

const located = (problems: ReturnType<typeof validateAlertRules>['problems']): string[] => problems.map((p) => `${p.path}: ${p.message['en-US']}`);

describe('validateAlertRules', () => {
  it('accepts nested all/any conditions, scope, schedule and every notify option', () => {
    const rules = [
      {
        id: 'big-unfavourable',
        name: { 'zh-CN': '重大不利偏差', 'en-US': 'Big unfavourable deviation' },
        severity: 'critical',
        scope: { tags: ['opex'], departments: ['Sales'] },
        when: { all: [{ severityAtLeast: 'warning' }, { any: [{ kinds: ['threshold', 'budget'] }, { scoreAtLeast: 0.8, favourable: false }] }, { deviationPctAtLeast: 20 }] },
        schedule: { cron: '0 9 * * 1-5', timeZone: 'Asia/Shanghai', quietHours: { from: '22:00', to: '07:00' } },
        notify: 'everyTime',
        cooldownMinutes: 60,
        dedupKey: '{metric}|{period}',
        channels: ['ops', 'cfo-mail'],
      },
      { id: 'anything', when: { metrics: ['revenue'] }, channels: ['ops'] },
    ];
    const { rules: ok, problems } = validateAlertRules(rules, refs);
    expect(problems).toEqual([]);
    expect(ok?.map((r) => r.id)).toEqual(['big-unfavourable', 'anything']);
  });

  it('lists every shape problem with its path', () => {
    const rules = [
      {
        id: 'Bad Id',
        severity: 'severe',
        when: { all: [{}, { scoreAtLeast: 1.5 }, { any: [{ kinds: ['spike'] }], severityAtLeast: 'notice' }, { colour: 'red' }] },
        schedule: { everyMinutes: 0, quietHours: { from: '25:00', to: '7' } },
        channels: [],
      },
    ];
    const found = located(validateAlertRules(rules, refs).problems);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\[0\]\.id: "Bad Id" does not match/),
        expect.stringMatching(/^\$\[0\]\.severity: "severe" is not allowed; use one of: notice, warning, critical/),
        expect.stringMatching(/^\$\[0\]\.when\.all\[0\]: A condition needs at least one test/),
        expect.stringMatching(/^\$\[0\]\.when\.all\[1\]\.scoreAtLeast: 1\.5 is outside the allowed range 0–1/),
        expect.stringMatching(/^\$\[0\]\.when\.all\[2\]: "any" combines conditions and cannot sit beside other fields \(severityAtLeast\)/),
        expect.stringMatching(/^\$\[0\]\.when\.all\[3\]\.colour: Unknown field "colour"/),
        expect.stringMatching(/^\$\[0\]\.schedule\.everyMinutes: 0 is outside the allowed range/),
        expect.stringMatching(/^\$\[0\]\.schedule\.quietHours\.from: "25:00" does not match the expected form HH:MM/),
        expect.stringMatching(/^\$\[0\]\.schedule\.quietHours\.to: "7" does not match/),
        expect.stringMatching(/^\$\[0\]\.channels: At least 1 item/),
      ]),
    );
    expect(found).toHaveLength(10);
  });

  it('checks meaning once the shape is right: schedule, dedup key, ids, metrics and channels', () => {
    const rules = [
      { id: 'a', when: { any: [{ metrics: ['revenue', 'revnue'] }] }, scope: { metrics: ['cogs'] }, dedupKey: '{metric}|{perod}', channels: ['ops', 'pager'] },
      { id: 'a', schedule: { cron: '0 25 * * *', everyMinutes: 5, timeZone: 'Mars/Olympus' }, channels: ['ops'] },
      { id: 'b', schedule: { cron: '0 9 * *', quietHours: { from: '08:00', to: '08:00' } }, channels: ['ops'] },
      { id: 'c', schedule: { cron: '0 0 30 2 *' }, cooldownMinutes: 30, channels: ['ops'] },
    ];
    const { rules: ok, problems } = validateAlertRules(rules, refs);
    expect(ok).toBeUndefined();
    expect(located(problems)).toEqual([
      '$[1].id: Duplicate rule id "a" (first defined at $[0])',
      '$[0].dedupKey: Unknown placeholder {perod} in the dedup key; use {rule} {metric} {period} {kind} {detector} {member} {severity}',
      '$[0].scope.metrics[0]: Metric "cogs" is not in the catalog; the rule would never match it',
      '$[0].when.any[0].metrics[1]: Metric "revnue" is not in the catalog; the rule would never match it',
      '$[0].channels[1]: Channel "pager" is not defined; defined channels: ops, cfo-mail',
      '$[1].schedule: Use either "cron" or "everyMinutes", not both',
      '$[1].schedule.cron: Field 2 (hour) "25" is not valid; use *, a number 0–23, a range a-b, a step */n or a list a,b',
      '$[1].schedule.timeZone: "Mars/Olympus" is not a time zone; use an IANA name such as Asia/Shanghai or UTC',
      '$[2].schedule.cron: "0 9 * *" has 4 field(s); a cron expression has 5: minute hour day-of-month month day-of-week (e.g. "0 9 * * 1-5")',
      '$[2].schedule.quietHours: Quiet hours from 08:00 to 08:00 would silence the rule all day; remove them or change one end',
      '$[3].schedule.cron: "0 0 30 2 *" never fires: no month has that day',
      '$[3].cooldownMinutes: cooldownMinutes only applies when notify is "everyTime"; with "once" it is ignored',
    ]);
    expect(problems.filter((p) => p.severity === 'warning').map((p) => p.code)).toEqual(['alerts.cooldownUnused']);
  });

  it('one broken rule does not hide the problems of the others', () => {
    const found = located(validateAlertRules([{ id: 'a', channels: 'ops' }, { id: 'a', channels: ['pager'] }, 42], refs).problems);
    expect(found).toEqual([
      '$[0].channels: Expected array, found string',
      '$[2]: Expected object, found number',
      '$[1].id: Duplicate rule id "a" (first defined at $[0])',
      '$[1].channels[0]: Channel "pager" is not defined; defined channels: ops, cfo-mail',
    ]);
    expect(located(validateAlertRules({ rules: [] }).problems)).toEqual(['$: Expected array, found object']);
  });

  it('a warning alone does not reject the rules, and messages exist in Chinese', () => {
    const { rules, problems } = validateAlertRules([{ id: 'x', cooldownMinutes: 5, channels: ['ops'] }], refs);
    expect(rules).toHaveLength(1);
    expect(problems[0]!.message['zh-CN']).toBe('cooldownMinutes 仅在 notify 为"everyTime"时生效；为"once"时将被忽略');
  });

  it('exports a JSON Schema whose recursive condition resolves', () => {
    const schema = alertRulesJsonSchema() as { items: { properties: { when: unknown } }; $defs: { condition: { anyOf: unknown[] } } };
    expect(schema.items.properties.when).toMatchObject({ $ref: '#/$defs/condition' });
    expect(schema.$defs.condition.anyOf).toHaveLength(3);
    expect(JSON.stringify(schema.$defs)).toContain('"severityAtLeast"');
  });
});

import type { Finding } from '../anomaly';
import { dedupKeyOf, evaluateRules, type Alert } from './evaluate';
import type { AlertRule } from './rule';
import { emptyAlertState, pruneState, releaseAlerts, withAcknowledgements, type AlertState } from './state';
import { makeFinding, makeRule, metricDef } from './testing/factories';

const catalog = {
  metrics: [
    metricDef('revenue', { tags: ['topline'], department: 'Finance', category: 'income' }),
    metricDef('selling_expenses', { tags: ['opex'], department: 'Sales', category: 'expenses', direction: 'lowerIsBetter' }),
    metricDef('admin_expenses', { tags: ['opex'], department: 'Admin', category: 'expenses', direction: 'lowerIsBetter' }),
  ],
};

const T0 = new Date('2026-04-01T09:00:00Z');
const minutesLater = (m: number): Date => new Date(T0.getTime() + m * 60_000);

function run(rules: AlertRule[], findings: Finding[], state: AlertState = emptyAlertState(), now = T0) {
  return evaluateRules({ rules, findings, catalog, state, now });
}
const ids = (alerts: Alert[]): string[] => alerts.map((a) => `${a.ruleId}:${a.finding.id}`);

describe('conditions and scope', () => {
  const findings = [
    makeFinding({ metric: 'revenue', severity: 'notice', score: 0.5, favourable: true, actual: 110, expected: 100 }),
    makeFinding({ metric: 'selling_expenses', severity: 'warning', kind: 'budget', score: 0.7, actual: 150, expected: 100 }),
    makeFinding({ metric: 'admin_expenses', severity: 'critical', kind: 'threshold', detector: 'threshold', score: 0.95, actual: 130, expected: 100 }),
    makeFinding({ metric: 'unknown_metric', severity: 'critical', score: 0.99 }),
  ];

  it('all needs every condition, any needs one, and they nest', () => {
    const rules = [
      makeRule({ id: 'all', when: { all: [{ severityAtLeast: 'warning' }, { scoreAtLeast: 0.9 }] } }),
      makeRule({ id: 'any', when: { any: [{ kinds: ['budget'] }, { favourable: true }] } }),
      makeRule({ id: 'nested', when: { all: [{ favourable: false }, { any: [{ detectors: ['threshold'] }, { deviationPctAtLeast: 40 }] }] } }),
    ];
    expect(ids(run(rules, findings).alerts)).toEqual([
      'all:admin_expenses|2026-03|threshold',
      'all:unknown_metric|2026-03|robust',
      'any:revenue|2026-03|robust',
      'any:selling_expenses|2026-03|budget',
      'nested:selling_expenses|2026-03|budget',
      'nested:admin_expenses|2026-03|threshold',
      'nested:unknown_metric|2026-03|robust',
    ]);
  });

  it('scope by metric, tag, department and category uses the catalog; an unknown metric only matches by id', () => {
    const rules = [
      makeRule({ id: 'by-tag', scope: { tags: ['opex'] } }),
      makeRule({ id: 'by-dept', scope: { departments: ['Sales', 'Finance'] } }),
      makeRule({ id: 'by-cat-and-metric', scope: { categories: ['expenses'], metrics: ['admin_expenses', 'revenue'] } }),
      makeRule({ id: 'by-id', scope: { metrics: ['unknown_metric'] } }),
    ];
    expect(ids(run(rules, findings).alerts)).toEqual([
      'by-tag:selling_expenses|2026-03|budget',
      'by-tag:admin_expenses|2026-03|threshold',
      'by-dept:revenue|2026-03|robust',
      'by-dept:selling_expenses|2026-03|budget',
      'by-cat-and-metric:admin_expenses|2026-03|threshold',
      'by-id:unknown_metric|2026-03|robust',
    ]);
  });

  it('a finding about a department member belongs to that department too', () => {
    const east = makeFinding({ metric: 'revenue', member: { dimension: 'department', member: 'East-2' } });
    const { alerts } = run([makeRule({ id: 'east', scope: { departments: ['East-2'] } })], [east, findings[0]!]);
    expect(ids(alerts)).toEqual(['east:revenue|2026-03|robust|East-2']);
  });

  it('deviation % needs both numbers; expected 0 with a value is unbounded', () => {
    const rule = makeRule({ id: 'dev', when: { deviationPctAtLeast: 1000 } });
    const fromZero = makeFinding({ metric: 'revenue', at: '2026-01', actual: 5, expected: 0 });
    const missing = makeFinding({ metric: 'revenue', at: '2026-02', actual: null, kind: 'missing' });
    expect(ids(run([rule], [fromZero, missing, findings[1]!]).alerts)).toEqual(['dev:revenue|2026-01|robust']);
  });

  it('a disabled rule does nothing and leaves no trace in the state', () => {
    const { alerts, nextState } = run([makeRule({ id: 'off', enabled: false })], findings);
    expect(alerts).toEqual([]);
    expect(nextState).toEqual(emptyAlertState());
  });
});

describe('once, every time, cooldown and escalation', () => {
  const f = makeFinding({ metric: 'revenue', severity: 'warning' });

  it('once: one alert per key, and again only when it gets more severe', () => {
    const rule = makeRule({ id: 'r' });
    const first = run([rule], [f]);
    expect(first.alerts.map((a) => [a.reason, a.occurrence])).toEqual([['new', 1]]);
    const second = run([rule], [f], first.nextState, minutesLater(60));
    expect(second.alerts).toEqual([]);
    const worse = run([rule], [{ ...f, severity: 'critical' }], second.nextState, minutesLater(61));
    expect(worse.alerts.map((a) => [a.reason, a.severity, a.occurrence])).toEqual([['escalated', 'critical', 2]]);
    const calmer = run([rule], [{ ...f, severity: 'notice' }], worse.nextState, minutesLater(62));
    expect(calmer.alerts).toEqual([]);
  });

  it('every time: repeats once the cooldown has passed, and the cooldown counts from the last send', () => {
    const rule = makeRule({ id: 'r', notify: 'everyTime', cooldownMinutes: 30 });
    const a = run([rule], [f]);
    const b = run([rule], [f], a.nextState, minutesLater(29));
    const c = run([rule], [f], b.nextState, minutesLater(30));
    const d = run([rule], [f], c.nextState, minutesLater(45));
    const e = run([rule], [f], d.nextState, minutesLater(60));
    expect([a, b, c, d, e].map((x) => x.alerts.map((al) => `${al.reason}#${al.occurrence}`).join())).toEqual(['new#1', '', 'repeat#2', '', 'repeat#3']);
    expect(e.nextState.sent['r']![f.id]).toEqual({ firstAt: T0.toISOString(), lastAt: minutesLater(60).toISOString(), lastSeenAt: minutesLater(60).toISOString(), count: 3, severity: 'warning' });
  });

  it('escalation goes out during the cooldown', () => {
    const rule = makeRule({ id: 'r', notify: 'everyTime', cooldownMinutes: 120 });
    const a = run([rule], [f]);
    const b = run([rule], [{ ...f, severity: 'critical' }], a.nextState, minutesLater(5));
    expect(b.alerts.map((x) => x.reason)).toEqual(['escalated']);
  });

  it("a rule's own severity replaces the finding's", () => {
    const { alerts } = run([makeRule({ id: 'r', severity: 'critical' })], [f]);
    expect(alerts[0]!.severity).toBe('critical');
    expect(alerts[0]!.finding.severity).toBe('warning');
  });
});

describe('dedup', () => {
  const months = ['2026-01', '2026-02', '2026-03'].map((at, i) => makeFinding({ metric: 'revenue', at, score: 0.5 + i * 0.1, severity: i === 1 ? 'critical' : 'warning' }));

  it('by default each finding is its own key', () => {
    expect(dedupKeyOf(makeRule({ id: 'r' }), months[0]!)).toBe('revenue|2026-01|robust');
    expect(run([makeRule({ id: 'r' })], months).alerts).toHaveLength(3);
  });

  it('a dedup key folds findings into one alert that speaks for the most severe of them', () => {
    const rule = makeRule({ id: 'r', dedupKey: '{rule}:{metric}' });
    const { alerts, nextState } = run([rule], months);
    expect(alerts.map((a) => [a.dedupKey, a.finding.period, a.grouped])).toEqual([['r:revenue', '2026-02', 3]]);
    expect(run([rule], [makeFinding({ metric: 'revenue', at: '2026-04' })], nextState, minutesLater(10)).alerts).toEqual([]);
  });

  it('member placeholders render the dimension and member', () => {
    const f = makeFinding({ member: { dimension: 'department', member: 'East-2' } });
    expect(dedupKeyOf({ id: 'r', dedupKey: '{metric}/{member}/{severity}/{detector}/{kind}' }, f)).toBe('revenue/department=East-2/warning/mad/robust');
  });
});

describe('acknowledgement and delivery failures', () => {
  const f = makeFinding({ metric: 'revenue', severity: 'warning' });
  const rule = makeRule({ id: 'r', notify: 'everyTime' });

  it('an acknowledged finding stays quiet until it gets more severe than when acknowledged', () => {
    const state = withAcknowledgements(emptyAlertState(), [{ findingId: f.id, by: 'li.wei', at: T0.toISOString(), note: 'known: trade fair', severity: 'warning' }]);
    expect(run([rule], [f], state).alerts).toEqual([]);
    expect(run([rule], [{ ...f, severity: 'notice' }], state).alerts).toEqual([]);
    expect(run([rule], [{ ...f, severity: 'critical' }], state).alerts.map((a) => a.reason)).toEqual(['new']);
  });

  it('the latest acknowledgement of a finding wins', () => {
    const older = { findingId: f.id, by: 'a', at: '2026-03-01T00:00:00.000Z', severity: 'notice' as const };
    const newer = { findingId: f.id, by: 'b', at: '2026-03-02T00:00:00.000Z', severity: 'critical' as const };
    expect(withAcknowledgements(emptyAlertState(), [newer, older]).acknowledged[f.id]!.by).toBe('b');
  });

  it('releasing a failed alert makes the next run send it again', () => {
    const once = makeRule({ id: 'once' });
    const first = run([once], [f]);
    const released = releaseAlerts(first.nextState, emptyAlertState(), first.alerts);
    expect(released.sent['once']).toEqual({});
    expect(run([once], [f], released, minutesLater(1)).alerts.map((a) => a.reason)).toEqual(['new']);
  });

  it('releasing restores what was sent before, so an escalation that failed is retried as one', () => {
    const once = makeRule({ id: 'once' });
    const a = run([once], [f]);
    const b = run([once], [{ ...f, severity: 'critical' }], a.nextState, minutesLater(1));
    const released = releaseAlerts(b.nextState, a.nextState, b.alerts);
    expect(released.sent['once']![f.id]!.severity).toBe('warning');
    expect(run([once], [{ ...f, severity: 'critical' }], released, minutesLater(2)).alerts.map((x) => x.reason)).toEqual(['escalated']);
  });
});

describe('state', () => {
  it('is plain JSON and survives a round trip', () => {
    const { nextState } = run([makeRule({ id: 'r' })], [makeFinding()]);
    expect(JSON.parse(JSON.stringify(nextState))).toEqual(nextState);
    expect(nextState.lastRun).toEqual({ r: T0.toISOString() });
  });

  it('forgets keys not seen for the retention period, rules that no longer exist and old acknowledgements', () => {
    const state: AlertState = {
      lastRun: { r: '2025-01-01T00:00:00.000Z', gone: '2025-01-01T00:00:00.000Z' },
      sent: {
        r: {
          old: { firstAt: '2025-01-01T00:00:00.000Z', lastAt: '2025-01-01T00:00:00.000Z', lastSeenAt: '2025-09-01T00:00:00.000Z', count: 1, severity: 'notice' },
          recent: { firstAt: '2025-01-01T00:00:00.000Z', lastAt: '2025-01-01T00:00:00.000Z', lastSeenAt: '2026-03-01T00:00:00.000Z', count: 1, severity: 'notice' },
        },
        gone: {},
      },
      acknowledged: { x: { findingId: 'x', by: 'a', at: '2025-01-01T00:00:00.000Z', severity: 'notice' } },
    };
    const pruned = pruneState(state, T0, ['r']);
    expect(Object.keys(pruned.sent['r']!)).toEqual(['recent']);
    expect(Object.keys(pruned.sent)).toEqual(['r']);
    expect(Object.keys(pruned.lastRun)).toEqual(['r']);
    expect(pruned.acknowledged).toEqual({});
  });

  it('ids that look like Object.prototype members are data, not lookups', () => {
    const f = makeFinding({ metric: 'constructor' });
    const { alerts } = run([makeRule({ id: 'r', dedupKey: '{metric}' })], [f]);
    expect(alerts.map((a) => a.dedupKey)).toEqual(['constructor']);
    expect(dedupKeyOf({ id: 'r', dedupKey: '{toString}' }, f)).toBe('{toString}');
  });
});

import type { Finding, Severity } from '../anomaly';
import type { Catalog, MetricDef } from '../catalog';
import type { Localized } from '../i18n';
import { matchesCondition, matchesScope } from './condition';
import type { AlertRule } from './rule';
import { isDue } from './schedule';
import { severityAtLeast, severityRank } from './severity';
import { own, pruneState, type AlertState, type SentRecord } from './state';

/** One message to send: a rule fired for a finding (or for a group of findings sharing a dedup key). */
export interface Alert {
  ruleId: string;
  ruleName?: Localized;
  severity: Severity;
  /** The most severe finding of the group. */
  finding: Finding;
  /** How many findings share the dedup key in this evaluation, this one included. */
  grouped: number;
  dedupKey: string;
  channels: string[];
  /** new: first time; repeat: everyTime after the cooldown; escalated: more severe than last sent. */
  reason: 'new' | 'repeat' | 'escalated';
  /** How many times this key has alerted, this one included. */
  occurrence: number;
}

export interface EvaluateInput {
  rules: readonly AlertRule[];
  findings: readonly Finding[];
  catalog: Pick<Catalog, 'metrics'>;
  state: AlertState;
  now: Date;
}

export interface Evaluation {
  alerts: Alert[];
  /** The state to keep if every alert is delivered; see releaseAlerts for the ones that are not. */
  nextState: AlertState;
}

export function dedupKeyOf(rule: Pick<AlertRule, 'id' | 'dedupKey'>, f: Finding): string {
  if (!rule.dedupKey) return f.id;
  const values: Record<string, string> = {
    rule: rule.id,
    metric: f.metricId,
    period: f.period,
    kind: f.kind,
    detector: f.detector,
    member: f.member ? `${f.member.dimension}=${f.member.member}` : '',
    severity: f.severity,
  };
  return rule.dedupKey.replace(/\{(\w*)\}/g, (whole, name: string) => own(values, name) ?? whole);
}

/** Most severe first, then the highest score: the finding that speaks for its group. */
const moreUrgent = (a: Finding, b: Finding): boolean =>
  severityRank(a.severity) !== severityRank(b.severity) ? severityRank(a.severity) > severityRank(b.severity) : a.score > b.score;

function isAcknowledged(state: AlertState, f: Finding): boolean {
  const ack = own(state.acknowledged, f.id);
  return ack !== undefined && severityAtLeast(ack.severity, f.severity);
}

function groupFindings(rule: AlertRule, findings: readonly Finding[]): Map<string, { finding: Finding; count: number }> {
  const groups = new Map<string, { finding: Finding; count: number }>();
  for (const f of findings) {
    const key = dedupKeyOf(rule, f);
    const g = groups.get(key);
    if (!g) groups.set(key, { finding: f, count: 1 });
    else groups.set(key, { finding: moreUrgent(f, g.finding) ? f : g.finding, count: g.count + 1 });
  }
  return groups;
}

function decide(rule: AlertRule, prev: SentRecord | undefined, severity: Severity, now: Date): Alert['reason'] | undefined {
  if (!prev) return 'new';
  if (severityRank(severity) > severityRank(prev.severity)) return 'escalated';
  if ((rule.notify ?? 'once') === 'once') return undefined;
  const cooldownMs = (rule.cooldownMinutes ?? 0) * 60_000;
  return now.getTime() - Date.parse(prev.lastAt) >= cooldownMs ? 'repeat' : undefined;
}

function evaluateRule(rule: AlertRule, input: EvaluateInput, defs: ReadonlyMap<string, MetricDef>, sentBefore: Record<string, SentRecord>) {
  const at = input.now.toISOString();
  const matching = input.findings.filter((f) => {
    const def = defs.get(f.metricId);
    return (!rule.scope || matchesScope(rule.scope, f, def)) && (!rule.when || matchesCondition(rule.when, f, def)) && !isAcknowledged(input.state, f);
  });
  const sent = { ...sentBefore };
  const alerts: Alert[] = [];
  for (const [dedupKey, { finding, count }] of groupFindings(rule, matching)) {
    const severity = rule.severity ?? finding.severity;
    const prev = own(sent, dedupKey);
    const reason = decide(rule, prev, severity, input.now);
    if (!reason) {
      sent[dedupKey] = { ...prev!, lastSeenAt: at };
      continue;
    }
    const occurrence = (prev?.count ?? 0) + 1;
    sent[dedupKey] = { firstAt: prev?.firstAt ?? at, lastAt: at, lastSeenAt: at, count: occurrence, severity };
    const alert: Alert = { ruleId: rule.id, severity, finding, grouped: count, dedupKey, channels: [...rule.channels], reason, occurrence };
    if (rule.name) alert.ruleName = rule.name;
    alerts.push(alert);
  }
  return { alerts, sent };
}

/**
 * Runs every enabled, due rule over the findings. Pure: the same input gives the same alerts and
 * state. Acknowledged findings stay quiet until they get more severe than when acknowledged.
 */
export function evaluateRules(input: EvaluateInput): Evaluation {
  const defs = new Map<string, MetricDef>(input.catalog.metrics.map((m) => [m.id, m]));
  const lastRun = { ...input.state.lastRun };
  const sent = { ...input.state.sent };
  const alerts: Alert[] = [];
  for (const rule of input.rules) {
    const last = own(lastRun, rule.id);
    if (rule.enabled === false || !isDue(rule, input.now, last === undefined ? undefined : new Date(last))) continue;
    const result = evaluateRule(rule, input, defs, own(sent, rule.id) ?? {});
    alerts.push(...result.alerts);
    sent[rule.id] = result.sent;
    lastRun[rule.id] = input.now.toISOString();
  }
  const nextState = pruneState({ ...input.state, lastRun, sent }, input.now, input.rules.map((r) => r.id));
  return { alerts, nextState };
}

import type { Severity } from '../anomaly';

/** What was sent for one rule and dedup key. Times are ISO-8601. */
export interface SentRecord {
  firstAt: string;
  lastAt: string;
  /** Last evaluation that matched the key, sent or not; old keys are forgotten from this. */
  lastSeenAt: string;
  count: number;
  severity: Severity;
}

/** Someone looked at a finding and said so; kept in the audit log and mirrored here. */
export interface Acknowledgement {
  findingId: string;
  by: string;
  at: string;
  note?: string;
  /** The finding's severity when acknowledged: a more severe finding alerts again. */
  severity: Severity;
}

/** Everything rule evaluation remembers between runs. Plain JSON, so it can be saved anywhere. */
export interface AlertState {
  /** rule id → last time it ran. */
  lastRun: Record<string, string>;
  /** rule id → dedup key → what was sent. */
  sent: Record<string, Record<string, SentRecord>>;
  /** finding id → its acknowledgement. */
  acknowledged: Record<string, Acknowledgement>;
}

export const emptyAlertState = (): AlertState => ({ lastRun: {}, sent: {}, acknowledged: {} });

/** A record's own entry only: keys come from data, and `constructor` must not find Object.prototype's. */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

export function withAcknowledgements(state: AlertState, acks: readonly Acknowledgement[]): AlertState {
  const acknowledged = { ...state.acknowledged };
  for (const ack of acks) {
    const current = own(acknowledged, ack.findingId);
    if (!current || current.at <= ack.at) acknowledged[ack.findingId] = ack;
  }
  return { ...state, acknowledged };
}

/** The alerts whose delivery failed, as the part of an evaluation they came from. */
export interface AlertKey {
  ruleId: string;
  dedupKey: string;
}

/**
 * Puts the sent-records of failed deliveries back as they were before the evaluation, so the next
 * due run alerts again instead of believing a message that never arrived was seen.
 */
export function releaseAlerts(next: AlertState, previous: AlertState, failed: readonly AlertKey[]): AlertState {
  const sent = { ...next.sent };
  for (const { ruleId, dedupKey } of failed) {
    const rule = { ...own(sent, ruleId) };
    const before = own(own(previous.sent, ruleId) ?? {}, dedupKey);
    if (before) rule[dedupKey] = before;
    else delete rule[dedupKey];
    sent[ruleId] = rule;
  }
  return { ...next, sent };
}

/** Keys not seen, and acknowledgements not renewed, for this long are forgotten so state stays small. */
export const STATE_RETENTION_DAYS = 180;

export function pruneState(state: AlertState, now: Date, ruleIds: readonly string[]): AlertState {
  const cutoff = new Date(now.getTime() - STATE_RETENTION_DAYS * 86_400_000).toISOString();
  const keep = <T>(record: Record<string, T>, fresh: (key: string, value: T) => boolean): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([k, v]) => fresh(k, v)));
  const live = (id: string): boolean => ruleIds.includes(id);
  return {
    lastRun: keep(state.lastRun, live),
    sent: Object.fromEntries(Object.entries(keep(state.sent, live)).map(([id, keys]) => [id, keep(keys, (_, r) => r.lastSeenAt >= cutoff)])),
    acknowledged: keep(state.acknowledged, (_, a) => a.at >= cutoff),
  };
}

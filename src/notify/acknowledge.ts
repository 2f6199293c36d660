import type { Finding } from '../core/anomaly';
import type { Acknowledgement } from '../core/alerts';
import { AppError } from '../core/errors';
import type { AuditEntry, MetricStore } from '../storage/types';

/** The audit action of an acknowledgement; the audit target is the finding id. */
export const ACKNOWLEDGE_ACTION = 'alert.acknowledge';

/**
 * Records that `actor` looked at a finding, with an optional note, in the append-only audit log.
 * The log is the record of truth; rule evaluation state is rebuilt from it with loadAcknowledgements.
 */
export async function acknowledge(store: MetricStore, finding: Finding, actor: string, note?: string, at?: Date): Promise<Acknowledgement> {
  const who = actor.trim();
  if (!who) throw new AppError('notify.actorRequired');
  const text = note?.trim() || undefined;
  const entry = await store.appendAudit({
    actor: who,
    action: ACKNOWLEDGE_ACTION,
    target: finding.id,
    new: { metricId: finding.metricId, period: finding.period, kind: finding.kind, detector: finding.detector, severity: finding.severity, actual: finding.actual, expected: finding.expected },
    ...(text === undefined ? {} : { note: text }),
    ...(at === undefined ? {} : { at: at.toISOString() }),
  });
  return fromAudit(entry)!;
}

const SEVERITIES = new Set(['notice', 'warning', 'critical']);

function fromAudit(entry: AuditEntry): Acknowledgement | undefined {
  const recorded = entry.new as { severity?: unknown } | undefined;
  const severity = recorded?.severity;
  if (entry.action !== ACKNOWLEDGE_ACTION || typeof severity !== 'string' || !SEVERITIES.has(severity)) return undefined;
  const ack: Acknowledgement = { findingId: entry.target, by: entry.actor, at: entry.at, severity: severity as Acknowledgement['severity'] };
  if (entry.note !== undefined) ack.note = entry.note;
  return ack;
}

/** Every acknowledgement in the audit log since `since` (ISO-8601), oldest first; feed them to withAcknowledgements. */
export async function loadAcknowledgements(store: MetricStore, since?: string): Promise<Acknowledgement[]> {
  const entries = await store.audit(since === undefined ? {} : { since });
  return entries.flatMap((e) => fromAudit(e) ?? []);
}

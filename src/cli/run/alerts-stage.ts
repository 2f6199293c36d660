import { join } from 'node:path';
import type { Finding } from '../../core/anomaly';
import { emptyAlertState, evaluateRules, releaseAlerts, withAcknowledgements, type AlertRule, type AlertState, type ChannelDef } from '../../core/alerts';
import type { Catalog } from '../../core/catalog';
import { problem, type Problem } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import type { AlertOutcome } from '../../core/report';
import type { SecretStore } from '../../core/secrets';
import { createNotifier, loadAcknowledgements, sendAlerts, type EmailTransport } from '../../notify';
import { createFileStore } from '../../storage';
import { detailOf, readJsonIfPresent, writeFileAtomic } from './files';

export const ALERT_STATE_FILE = 'alert-state.json';
export const SEND_ACTION = 'alert.send';

export interface AlertsInput {
  rules: readonly AlertRule[];
  channels: readonly ChannelDef[];
  link?: string;
  findings: readonly Finding[];
  catalog: Catalog;
  stateDir: string;
  secrets: SecretStore;
  locale: Locale;
  now: Date;
}

/** nodemailer is loaded only when an e-mail channel actually sends. */
const smtpOnDemand: EmailTransport = async (email, smtp, timeoutMs) => {
  const { createSmtpTransport } = await import('../../notify/smtp');
  return createSmtpTransport()(email, smtp, timeoutMs);
};

/**
 * Rules over the run's findings with the state kept in the state folder, so "notify once",
 * cooldowns and acknowledgements (from the audit log there) hold across runs. Every delivery is
 * recorded in the audit log; an alert no channel delivered is released to be tried next run.
 */
export async function runAlerts(input: AlertsInput, problems: Problem[]): Promise<AlertOutcome[]> {
  if (input.rules.length === 0) return [];
  const statePath = join(input.stateDir, ALERT_STATE_FILE);
  const store = await createFileStore(input.stateDir, { onWarning: (p) => problems.push(p) });
  try {
    const previous = withAcknowledgements(await readState(statePath, problems), await loadAcknowledgements(store));
    const evaluation = evaluateRules({ rules: input.rules, findings: input.findings, catalog: input.catalog, state: previous, now: input.now });
    const notifier = createNotifier({ fetch: globalThis.fetch, secrets: input.secrets, email: smtpOnDemand, locale: input.locale, log: () => undefined });
    const sent = await sendAlerts({ alerts: evaluation.alerts, channels: input.channels, catalog: input.catalog, notifier, linkTemplate: input.link });
    await writeFileAtomic(statePath, JSON.stringify(releaseAlerts(evaluation.nextState, previous, sent.undelivered)));
    const outcomes = evaluation.alerts.map((a): AlertOutcome => ({
      ruleId: a.ruleId, dedupKey: a.dedupKey, findingId: a.finding.id, severity: a.severity, reason: a.reason,
      deliveries: sent.deliveries.filter((d) => d.alert === a).map(({ result: r }) => ({ channel: r.channel, ok: r.ok, attempts: r.attempts, ...(r.error ? { error: r.error.text } : {}) })),
    }));
    for (const o of outcomes) await store.appendAudit({ actor: 'finpulse run', action: SEND_ACTION, target: o.findingId, new: o });
    return outcomes;
  } finally {
    await store.close();
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isAlertState = (v: unknown): v is AlertState => isRecord(v) && isRecord(v['lastRun']) && isRecord(v['sent']) && isRecord(v['acknowledged']);

/** The saved state, or an empty one on the first run; a damaged file is reported and replaced. */
async function readState(path: string, problems: Problem[]): Promise<AlertState> {
  const damaged = (detail: string): AlertState => {
    problems.push(problem(path, 'run.alerts.stateUnreadable', { path, detail }, 'warning'));
    return emptyAlertState();
  };
  try {
    const value = await readJsonIfPresent(path);
    if (value === undefined) return emptyAlertState();
    return isAlertState(value) ? value : damaged('not an alert state');
  } catch (err) {
    return damaged(detailOf(err));
  }
}

import { alertContent, type Alert, type AlertKey, type ChannelDef } from '../core/alerts';
import type { Catalog } from '../core/catalog';
import { AppError } from '../core/errors';
import type { DeliveryResult } from './log';
import type { Notifier } from './notifier';

export interface SendAlertsInput {
  alerts: readonly Alert[];
  channels: readonly ChannelDef[];
  catalog: Pick<Catalog, 'metrics'>;
  notifier: Notifier;
  /** e.g. `https://finpulse.example.com/#/finding/{finding}`; see alertLink. */
  linkTemplate?: string;
}

export interface SendAlertsResult {
  deliveries: Array<{ alert: Alert; result: DeliveryResult }>;
  /** Alerts no channel delivered: pass them to releaseAlerts so the next run tries again. */
  undelivered: AlertKey[];
}

function missingChannel(id: string, channels: readonly ChannelDef[]): DeliveryResult {
  const error = new AppError('alerts.unknownChannel', { id, known: channels.map((c) => c.id).join(', ') || '—' });
  return { channel: id, type: 'webhook', ok: false, attempts: 0, error, log: [] };
}

function channelDown(channel: ChannelDef): DeliveryResult {
  return { channel: channel.id, type: channel.type, ok: false, attempts: 0, error: new AppError('alerts.channelDown', { id: channel.id }), log: [] };
}

/**
 * Sends each alert to each of its channels, one after another (chat bots limit the rate per
 * minute). An alert that reached at least one channel counts as sent, so a broken channel does
 * not make the working ones repeat themselves every run; its failures are in the delivery log.
 * A channel that failed after all its retries (unreachable, timing out, 5xx) is down for the rest
 * of the run: its other alerts are failed at once rather than each waiting through the retries.
 */
export async function sendAlerts(input: SendAlertsInput): Promise<SendAlertsResult> {
  const byId = new Map(input.channels.map((c) => [c.id, c]));
  const out: SendAlertsResult = { deliveries: [], undelivered: [] };
  const down = new Set<string>();
  for (const alert of input.alerts) {
    const content = alertContent(alert, { catalog: input.catalog, linkTemplate: input.linkTemplate });
    let delivered = false;
    for (const id of alert.channels) {
      const channel = byId.get(id);
      const result = !channel ? missingChannel(id, input.channels) : down.has(id) ? channelDown(channel) : await input.notifier.deliver(channel, content);
      if (!result.ok && result.attempts > 1) down.add(id);
      delivered ||= result.ok;
      out.deliveries.push({ alert, result });
    }
    if (!delivered) out.undelivered.push({ ruleId: alert.ruleId, dedupKey: alert.dedupKey });
  }
  return out;
}

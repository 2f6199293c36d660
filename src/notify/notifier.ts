import { alertMessage, emailPayload, prepareRequest, type AlertContent, type AlertMessage, type ChannelDef, type HttpChannelType } from '../core/alerts';
import { AppError, toAppError } from '../core/errors';
import type { Locale } from '../core/i18n';
import type { EmailTransport, SmtpSettings } from './email';
import { sign } from './hmac';
import { AttemptTimeout, networkDetail, postOnce, type FetchLike } from './http';
import type { DeliveryLogEntry, DeliveryResult, DeliverySink } from './log';
import { judgeResponse, type AttemptOutcome, type RawResponse } from './responses';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, backoffDelay, realSleep, type RetryPolicy } from './retry';
import type { SecretStore } from '../core/secrets';
import { redactor, resolveChannel, type ResolvedChannel } from './secrets';

export interface NotifierOptions {
  fetch: FetchLike;
  secrets: SecretStore;
  /** Told about every attempt, delivered or not. */
  log: DeliverySink;
  /** Needed for e-mail channels; Node only (see src/notify/smtp). */
  email?: EmailTransport;
  /** For channels that do not set their own locale. */
  locale?: Locale;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Notifier {
  /** Sends one alert through one channel, retrying what may pass; never throws, the result says how it went. */
  deliver(channel: ChannelDef, content: AlertContent): Promise<DeliveryResult>;
}

type EntryBase = Pick<DeliveryLogEntry, 'channel' | 'type' | 'subject'>;

interface Attempt {
  channel: ChannelDef;
  resolved: ResolvedChannel;
  message: AlertMessage;
  redact: (text: string) => string;
  timeoutMs: number;
}

export function createNotifier(opts: NotifierOptions): Notifier {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...opts.retry };

  async function sendHttp(a: Attempt, type: HttpChannelType): Promise<AttemptOutcome> {
    const target = { type, url: a.resolved.url ?? '', secret: a.resolved.secret, format: a.channel.format };
    // Prepared and signed per attempt: a retry must not carry a timestamp the platform thinks is stale.
    const prepared = prepareRequest(target, a.message, now());
    const request = prepared.signing ? prepared.signing.apply(await sign(prepared.signing.input)) : prepared.request;
    let response: RawResponse;
    try {
      response = await postOnce(opts.fetch, request, a.timeoutMs);
    } catch (err) {
      const error =
        err instanceof AttemptTimeout
          ? new AppError('notify.timeout', { channel: a.channel.id, ms: err.ms })
          : new AppError('notify.network', { channel: a.channel.id, detail: a.redact(networkDetail(err)) });
      return { ok: false, retryable: true, error };
    }
    return judgeResponse(type, a.channel.id, response, a.redact);
  }

  async function sendEmail(a: Attempt): Promise<AttemptOutcome> {
    if (!opts.email) return { ok: false, retryable: false, error: new AppError('notify.noEmail', { channel: a.channel.id }) };
    const smtp = a.channel.smtp!; // validateChannels requires it of every e-mail channel
    const settings: SmtpSettings = { host: smtp.host, port: smtp.port, secure: smtp.secure ?? false, requireTLS: smtp.requireTLS ?? false };
    if (smtp.user !== undefined) settings.user = smtp.user;
    if (a.resolved.smtpPassword !== undefined) settings.password = a.resolved.smtpPassword;
    const outcome = await opts.email(emailPayload(a.message, a.channel), settings, a.timeoutMs);
    if (outcome.ok) return { ok: true };
    const detail = a.redact(outcome.detail);
    const error = outcome.network ? new AppError('notify.network', { channel: a.channel.id, detail }) : new AppError('notify.smtp', { channel: a.channel.id, detail });
    return { ok: false, retryable: outcome.retryable, error };
  }

  async function prepare(channel: ChannelDef, content: AlertContent): Promise<Attempt | AppError> {
    try {
      const resolved = await resolveChannel(channel, opts.secrets);
      return {
        channel,
        resolved,
        message: alertMessage(content, channel.locale ?? opts.locale ?? 'en-US'),
        redact: redactor(resolved.sensitive),
        timeoutMs: channel.timeoutMs ?? opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      };
    } catch (err) {
      return toAppError(err);
    }
  }

  /** One attempt; anything unexpected (no Web Crypto in an old webview, say) is a logged failure, not a throw. */
  async function attemptOnce(a: Attempt): Promise<AttemptOutcome> {
    try {
      return a.channel.type === 'email' ? await sendEmail(a) : await sendHttp(a, a.channel.type);
    } catch (err) {
      const detail = a.redact(err instanceof Error ? err.message : String(err));
      return { ok: false, retryable: false, error: new AppError('internal', { detail }, { cause: err }) };
    }
  }

  /** Attempts until delivered, refused for good, or out of retries; each attempt is recorded. */
  async function attemptUntilDone(a: Attempt, record: (entry: DeliveryLogEntry) => void, base: EntryBase): Promise<{ ok: boolean; attempts: number; error?: AppError }> {
    const attempts = 1 + (a.channel.retries ?? policy.retries);
    for (let attempt = 1; ; attempt += 1) {
      const started = now();
      const outcome = await attemptOnce(a);
      const last = outcome.ok || !outcome.retryable || attempt >= attempts;
      const entry: DeliveryLogEntry = { ...base, attempt, status: outcome.ok ? 'sent' : last ? 'failed' : 'retrying', at: new Date(started).toISOString(), durationMs: now() - started };
      if (outcome.httpStatus !== undefined) entry.httpStatus = outcome.httpStatus;
      if (!outcome.ok) entry.error = { code: outcome.error.code, message: outcome.error.text };
      record(entry);
      if (outcome.ok) return { ok: true, attempts: attempt };
      if (last) return { ok: false, attempts: attempt, error: outcome.error };
      await sleep(backoffDelay(policy, attempt, outcome.retryAfterMs));
    }
  }

  return {
    async deliver(channel, content) {
      const log: DeliveryLogEntry[] = [];
      const record = (entry: DeliveryLogEntry): void => {
        log.push(entry);
        opts.log(entry);
      };
      const base: EntryBase = { channel: channel.id, type: channel.type, subject: content.finding.id };
      const attempt = await prepare(channel, content);
      if (attempt instanceof AppError) {
        // Nothing could be sent (a secret is missing): still an entry in the log, never a silent skip.
        record({ ...base, attempt: 0, status: 'failed', at: new Date(now()).toISOString(), durationMs: 0, error: { code: attempt.code, message: attempt.text } });
        return { channel: channel.id, type: channel.type, ok: false, attempts: 0, error: attempt, log };
      }
      const done = await attemptUntilDone(attempt, record, base);
      const result: DeliveryResult = { channel: channel.id, type: channel.type, ok: done.ok, attempts: done.attempts, log };
      if (done.error) result.error = done.error;
      return result;
    },
  };
}

import { sampleAlertContent, validateChannels, type ChannelDef } from '../core/alerts';
import { locateJsonError } from '../core/catalog/json-error';
import { AppError } from '../core/errors';
import { formatMessage, type Locale } from '../core/i18n';
import type { SecretStore } from '../core/secrets';
import { createNotifier, type DeliveryLogEntry, type DeliveryResult, type EmailTransport } from '../notify';
import { parseFlags, requireFlag, stringFlag } from './args';
import { createNodeSecretStore } from './secrets';
import { printProblems, type Io } from './output';
import { readText } from './read-data';

const USAGE = 'use `finpulse alert test --channel FILE.json [--secrets FILE.json] [--link URL]`';

/** Reads a JSON file, naming the line and column of a syntax error. */
async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    const at = locateJsonError(text);
    const where = at ? `line ${at.line}, column ${at.column}` : 'position unknown';
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw new AppError('alerts.badJson', { path, detail: `${message} (${where})` });
  }
}

/** nodemailer is loaded only when an e-mail is actually sent, not on every `finpulse` start. */
const smtpOnDemand: EmailTransport = async (email, smtp, timeoutMs) => {
  const { createSmtpTransport } = await import('../notify/smtp');
  return createSmtpTransport()(email, smtp, timeoutMs);
};

function printAttempt(io: Io, e: DeliveryLogEntry, locale: Locale): void {
  const status = formatMessage(`alert.cli.status.${e.status}`, {}, locale);
  const http = e.httpStatus === undefined ? '' : ` (HTTP ${e.httpStatus})`;
  const detail = e.error ? ` — ${e.error.message[locale]}` : http;
  io.err(`${formatMessage('alert.cli.attempt', { channel: e.channel, type: e.type, attempt: e.attempt, status, detail }, locale)}\n`);
}

function printResult(io: Io, r: DeliveryResult, locale: Locale): void {
  const params = { channel: r.channel, type: r.type, attempts: r.attempts };
  if (r.ok) io.out(`${formatMessage('alert.cli.sent', params, locale)}\n`);
  else io.err(`${formatMessage('alert.cli.failed', { ...params, detail: r.error?.messageIn(locale) ?? '' }, locale)}\n`);
}

/** `finpulse alert test`: sends the sample alert through each channel of a file and prints every attempt. */
export async function alertCommand(argv: string[], io: Io, locale: Locale, env: Record<string, string | undefined>): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'test') throw new AppError('cli.usage', { detail: USAGE });
  const { flags } = parseFlags(rest, { channel: 'string', secrets: 'string', link: 'string' });
  const channelPath = requireFlag(flags, 'channel');
  const check = validateChannels(await readJson(channelPath));
  printProblems(io, check.problems, locale, `${channelPath}: `);
  const secrets = await createNodeSecretStore(env, stringFlag(flags, 'secrets'));
  if (!check.channels) return 1;
  return sendSample(check.channels, { io, locale, secrets, link: stringFlag(flags, 'link') });
}

async function sendSample(channels: readonly ChannelDef[], ctx: { io: Io; locale: Locale; secrets: SecretStore; link?: string }): Promise<number> {
  const notifier = createNotifier({ fetch: globalThis.fetch, secrets: ctx.secrets, email: smtpOnDemand, locale: ctx.locale, log: (e) => printAttempt(ctx.io, e, ctx.locale) });
  const content = sampleAlertContent(ctx.link);
  let failed = 0;
  for (const channel of channels) {
    const result = await notifier.deliver(channel, content);
    printResult(ctx.io, result, ctx.locale);
    if (!result.ok) failed += 1;
  }
  if (failed > 0) ctx.io.err(`${formatMessage('alert.cli.summary', { failed, total: channels.length }, ctx.locale)}\n`);
  return failed > 0 ? 1 : 0;
}

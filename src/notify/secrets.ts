import type { ChannelDef } from '../core/alerts';
import { AppError } from '../core/errors';
import { Redactor, secretPlace, type SecretStore } from '../core/secrets';

/** A channel with its webhook address, signing secret and SMTP password looked up. */
export interface ResolvedChannel {
  url?: string;
  secret?: string;
  smtpPassword?: string;
  /** Every value that must never appear in a log line or an error. */
  sensitive: string[];
}

async function need(source: SecretStore, channel: ChannelDef, name: string): Promise<string> {
  const value = await source.get(name);
  if (value === undefined || value === '') throw new AppError('notify.missingSecret', { channel: channel.id, name, where: secretPlace(source, name) });
  return value;
}

/** Query values and long path segments of a webhook URL: each is a credential on some platform. */
function urlFragments(url: string): string[] {
  try {
    const u = new URL(url);
    const query = [...u.searchParams.values()];
    const path = u.pathname.split('/').filter((s) => s.length >= 8);
    return [...query, ...path].filter((s) => s.length >= 6);
  } catch {
    return [];
  }
}

/** Looks up every secret a channel names; a missing one is an error that says which and where to put it. */
export async function resolveChannel(channel: ChannelDef, source: SecretStore): Promise<ResolvedChannel> {
  const url = channel.urlSecret !== undefined ? await need(source, channel, channel.urlSecret) : channel.url;
  const out: ResolvedChannel = { sensitive: [] };
  if (url !== undefined) {
    out.url = url;
    out.sensitive.push(url, ...urlFragments(url));
  }
  if (channel.secret !== undefined) out.sensitive.push((out.secret = await need(source, channel, channel.secret)));
  const passwordSecret = channel.smtp?.passwordSecret;
  if (passwordSecret !== undefined) out.sensitive.push((out.smtpPassword = await need(source, channel, passwordSecret)));
  return out;
}

/** Removes every sensitive value (and its URL-encoded form) from text bound for a log line or an error. */
export function redactor(sensitive: readonly string[]): (text: string) => string {
  const r = new Redactor();
  for (const value of sensitive) r.add(value);
  return (text) => r.redact(text);
}

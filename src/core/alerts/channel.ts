import { arr, num, obj, oneOf, optional, required, str, type Infer } from '../catalog/shape';
import { problem, type Problem } from '../errors';
import { LOCALES } from '../i18n';
import { bool } from './condition';

export const CHANNEL_TYPES = ['wecom', 'dingtalk', 'feishu', 'teams', 'slack', 'webhook', 'email'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export type HttpChannelType = Exclude<ChannelType, 'email'>;

const SECRET_NAME = { pattern: /^[A-Za-z_][A-Za-z0-9_.-]*$/, hint: 'a secret name: letters, digits, _ . -' };
const secretName = (doc: string) => str({ ...SECRET_NAME, doc });
const address = str({ pattern: /^[^\s@<>]+@[^\s@<>]+$/, hint: 'an e-mail address such as finance@example.com' });

const smtpShape = obj(
  {
    host: required(str({ minLength: 1 })),
    port: required(num({ integer: true, min: 1, max: 65535 })),
    secure: optional(bool('TLS from the start (port 465); otherwise STARTTLS when the server offers it')),
    requireTLS: optional(bool('Refuse to send unless STARTTLS succeeds')),
    user: optional(str({ minLength: 1 })),
    passwordSecret: optional(secretName('Name of the secret holding the SMTP password')),
  },
  { doc: 'The mail server' },
);

export const channelShape = obj(
  {
    id: required(str({ pattern: /^[a-z][a-z0-9_-]*$/, hint: 'lower case letters, digits, _ and -, starting with a letter' })),
    type: required(oneOf(CHANNEL_TYPES)),
    name: optional(str({ minLength: 1 })),
    locale: optional(oneOf(LOCALES, 'Language of the messages; default from the sender')),
    url: optional(str({ pattern: /^https?:\/\/[^\s/?#]+\S*$/, hint: 'an http(s) URL', doc: 'Webhook address written out (prefer urlSecret)' })),
    urlSecret: optional(secretName('Name of the secret holding the webhook address')),
    secret: optional(secretName('Name of the signing secret (DingTalk 加签, Feishu 签名校验, webhook HMAC)')),
    format: optional(str({ minLength: 1, doc: 'teams: adaptiveCard | messageCard; feishu: card | post' })),
    to: optional(arr(address, { minItems: 1 })),
    cc: optional(arr(address)),
    from: optional(address),
    smtp: optional(smtpShape),
    timeoutMs: optional(num({ integer: true, min: 100, max: 120_000 })),
    retries: optional(num({ integer: true, min: 0, max: 10, doc: 'Extra attempts after a failure that may pass (network, 5xx, rate limit)' })),
  },
  { doc: 'Where alerts go' },
);
export type ChannelDef = Infer<typeof channelShape>;

/** Fields beyond the common ones (id, type, name, locale, timeoutMs, retries) each type takes. */
const TYPE_FIELDS: Record<ChannelType, { needs: readonly string[]; may: readonly string[] }> = {
  wecom: { needs: [], may: ['url', 'urlSecret'] },
  dingtalk: { needs: [], may: ['url', 'urlSecret', 'secret'] },
  feishu: { needs: [], may: ['url', 'urlSecret', 'secret', 'format'] },
  teams: { needs: [], may: ['url', 'urlSecret', 'format'] },
  slack: { needs: [], may: ['url', 'urlSecret'] },
  webhook: { needs: [], may: ['url', 'urlSecret', 'secret'] },
  email: { needs: ['to', 'from', 'smtp'], may: ['cc'] },
};
const TYPED_FIELDS = new Set(Object.values(TYPE_FIELDS).flatMap((t) => [...t.needs, ...t.may]));

export const CHANNEL_FORMATS: Partial<Record<ChannelType, readonly [string, ...string[]]>> = {
  teams: ['adaptiveCard', 'messageCard'],
  feishu: ['card', 'post'],
};

/** Platforms whose webhook address alone lets anyone post: written out in a file, it leaks. */
const URL_IS_CREDENTIAL: ReadonlySet<ChannelType> = new Set(['wecom', 'dingtalk', 'feishu', 'teams', 'slack']);

export interface ChannelCheck {
  channels?: ChannelDef[];
  problems: Problem[];
}

/** Validates one channel definition or a list of them; every problem is listed with its path. */
export function validateChannels(value: unknown): ChannelCheck {
  const list = Array.isArray(value) ? value : [value];
  const paths = list.map((_, i) => (Array.isArray(value) ? `$[${i}]` : '$'));
  const problems: Problem[] = [];
  // Meaning is checked on each entry whose shape is right, so one broken entry hides nothing about the others.
  const valid = list.map((c, i) => channelShape.check(c, paths[i]!, problems));
  list.forEach((c, i) => {
    if (valid[i]) checkChannel(c as ChannelDef, paths[i]!, problems);
  });
  checkDuplicates(list, paths, problems);
  return valid.every(Boolean) && !problems.some((p) => p.severity === 'error') ? { channels: list as ChannelDef[], problems } : { problems };
}

function checkChannel(c: ChannelDef, path: string, problems: Problem[]): void {
  const rule = TYPE_FIELDS[c.type];
  for (const field of rule.needs) if (c[field as keyof ChannelDef] === undefined) problems.push(problem(path, 'alerts.channelNeeds', { type: c.type, field }));
  for (const field of Object.keys(c)) {
    if (TYPED_FIELDS.has(field) && !rule.needs.includes(field) && !rule.may.includes(field)) {
      problems.push(problem(`${path}.${field}`, 'alerts.channelField', { field, type: c.type }));
    }
  }
  if (c.type !== 'email' && (c.url === undefined) === (c.urlSecret === undefined)) problems.push(problem(path, 'alerts.channelUrlOrSecret', { type: c.type }));
  const formats = CHANNEL_FORMATS[c.type];
  if (formats && c.format !== undefined && !formats.includes(c.format)) {
    problems.push(problem(`${path}.format`, 'alerts.channelFormat', { type: c.type, value: c.format, allowed: formats.join(', ') }));
  }
  if (c.url !== undefined && URL_IS_CREDENTIAL.has(c.type)) problems.push(problem(`${path}.url`, 'alerts.urlIsSecret', {}, 'warning'));
}

function checkDuplicates(list: readonly unknown[], paths: readonly string[], problems: Problem[]): void {
  const first = new Map<string, string>();
  list.forEach((c, i) => {
    const id = (c as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const at = first.get(id);
    if (at) problems.push(problem(`${paths[i]}.id`, 'alerts.duplicateChannel', { id, first: at }));
    else first.set(id, paths[i]!);
  });
}

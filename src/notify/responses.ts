import type { HttpChannelType } from '../core/alerts';
import { AppError } from '../core/errors';
import type { MessageCode } from '../core/i18n';

/** What came back from one HTTP attempt. */
export interface RawResponse {
  status: number;
  body: string;
  retryAfter: string | null;
}

export type AttemptOutcome =
  | { ok: true; httpStatus?: number }
  | { ok: false; retryable: boolean; error: AppError; httpStatus?: number; retryAfterMs?: number };

/** Brand names as people in both languages know them; they fill a parameter shared by both texts. */
export const PLATFORM_NAMES: Record<HttpChannelType, string> = {
  wecom: '企业微信 WeCom',
  dingtalk: '钉钉 DingTalk',
  feishu: '飞书 Feishu',
  teams: 'Microsoft Teams',
  slack: 'Slack',
  webhook: 'Webhook',
};

/** Platform codes that mean "slow down": retried like HTTP 429. */
const RATE_LIMIT_CODES: Partial<Record<HttpChannelType, ReadonlySet<string>>> = {
  wecom: new Set(['45009']), // api freq out of limit
  dingtalk: new Set(['130101']), // send too fast
  feishu: new Set(['11232']), // frequency limited
};

type Refusal = Extract<MessageCode, `notify.rejected.${string}`>;

/** What a platform's refusal code most likely means, so the message can say what to fix. */
const REFUSALS: Partial<Record<HttpChannelType, Record<string, Refusal>>> = {
  wecom: { '93000': 'notify.rejected.url', '40008': 'notify.rejected.payload', '44004': 'notify.rejected.payload' },
  dingtalk: { '310000': 'notify.rejected.sign', '300001': 'notify.rejected.url', '40035': 'notify.rejected.payload' },
  feishu: { '19021': 'notify.rejected.sign', '19001': 'notify.rejected.url', '9499': 'notify.rejected.payload' },
  slack: {
    invalid_payload: 'notify.rejected.payload',
    no_text: 'notify.rejected.payload',
    invalid_token: 'notify.rejected.url',
    channel_not_found: 'notify.rejected.url',
    channel_is_archived: 'notify.rejected.url',
    no_service: 'notify.rejected.url',
  },
  teams: { '400': 'notify.rejected.payload', '413': 'notify.rejected.payload', '403': 'notify.rejected.url', '404': 'notify.rejected.url' },
};

const snippet = (body: string): string => (body.length > 200 ? `${body.slice(0, 200)}…` : body).replace(/\s+/g, ' ').trim() || '—';

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

interface Judge {
  type: HttpChannelType;
  channel: string;
  redact: (text: string) => string;
}

/** Redacted before it is cut, so a cut can never leave half a secret behind. */
const shown = (j: Judge, body: string): string => snippet(j.redact(body));

function refusal(j: Judge, code: string, detail: string, status: number): AttemptOutcome {
  const platform = PLATFORM_NAMES[j.type];
  if (RATE_LIMIT_CODES[j.type]?.has(code)) {
    return { ok: false, retryable: true, httpStatus: status, error: new AppError('notify.rateLimited', { channel: j.channel, platform, detail: shown(j, `${code} ${detail}`) }) };
  }
  const meaning = REFUSALS[j.type]?.[code] ?? 'notify.rejected.general';
  return { ok: false, retryable: false, httpStatus: status, error: new AppError(meaning, { channel: j.channel, platform, code, detail: shown(j, detail) }) };
}

/** DingTalk and WeCom answer 200 with `{"errcode": 0}` on success; Feishu with `{"code": 0}`. */
function judgeJsonCode(j: Judge, res: RawResponse, field: 'errcode' | 'code', messageField: 'errmsg' | 'msg'): AttemptOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    parsed = undefined;
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  // Older Feishu answers carry StatusCode instead of code.
  const code = record[field] ?? (field === 'code' ? record['StatusCode'] : undefined);
  if (code === 0) return { ok: true, httpStatus: res.status };
  if (typeof code !== 'number') return unexpected(j, res);
  const message = record[messageField] ?? record['StatusMessage'];
  return refusal(j, String(code), typeof message === 'string' ? message : '', res.status);
}

function unexpected(j: Judge, res: RawResponse): AttemptOutcome {
  return { ok: false, retryable: false, httpStatus: res.status, error: new AppError('notify.unexpected', { channel: j.channel, platform: PLATFORM_NAMES[j.type], detail: shown(j, res.body) }) };
}

/** Teams answers 200 with `Webhook message delivery failed with error: … HTTP error 429 …` when it did not deliver. */
function judgeTeams(j: Judge, res: RawResponse): AttemptOutcome {
  const failed = /^Webhook message delivery failed.*?HTTP error (\d{3})/s.exec(res.body);
  if (!failed) return { ok: true, httpStatus: res.status };
  const inner = Number(failed[1]);
  const detail = shown(j, res.body);
  if (inner === 429) return { ok: false, retryable: true, httpStatus: res.status, error: new AppError('notify.rateLimited', { channel: j.channel, platform: PLATFORM_NAMES.teams, detail }) };
  if (inner >= 500) return { ok: false, retryable: true, httpStatus: res.status, error: new AppError('notify.http', { channel: j.channel, status: inner, detail }) };
  return refusal(j, String(inner), res.body, res.status);
}

function judgeHttpError(j: Judge, res: RawResponse): AttemptOutcome {
  const detail = shown(j, res.body);
  if (res.status === 429) {
    const wait = retryAfterMs(res.retryAfter);
    const error = new AppError('notify.rateLimited', { channel: j.channel, platform: PLATFORM_NAMES[j.type], detail: `HTTP 429 ${detail}` });
    return { ok: false, retryable: true, httpStatus: 429, error, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  }
  if (res.status >= 300 && res.status < 400) return { ok: false, retryable: false, httpStatus: res.status, error: new AppError('notify.redirect', { channel: j.channel, status: res.status }) };
  // Slack names its refusal in the body (`channel_not_found`); that is the useful part.
  if (j.type === 'slack' && res.status < 500 && /^[a-z_]+$/.test(res.body.trim())) return refusal(j, res.body.trim(), res.body.trim(), res.status);
  const retryable = res.status >= 500 || res.status === 408;
  return { ok: false, retryable, httpStatus: res.status, error: new AppError('notify.http', { channel: j.channel, status: res.status, detail }) };
}

/** Reads an answer the way each platform means it: a 200 is not always a success. */
export function judgeResponse(type: HttpChannelType, channel: string, res: RawResponse, redact: (text: string) => string): AttemptOutcome {
  const j: Judge = { type, channel, redact };
  if (res.status < 200 || res.status >= 300) return judgeHttpError(j, res);
  switch (type) {
    case 'wecom':
    case 'dingtalk':
      return judgeJsonCode(j, res, 'errcode', 'errmsg');
    case 'feishu':
      return judgeJsonCode(j, res, 'code', 'msg');
    case 'slack':
      return res.body.trim() === 'ok' ? { ok: true, httpStatus: res.status } : unexpected(j, res);
    case 'teams':
      return judgeTeams(j, res);
    case 'webhook':
      return { ok: true, httpStatus: res.status };
  }
}

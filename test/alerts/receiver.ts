import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for each chat platform's webhook endpoint on 127.0.0.1. It checks the request
 * the way the platform does (address token, signature and its time window, payload shape) and
 * answers with that platform's own success and error bodies, so the sender is tested against
 * real HTTP and the platforms' documented behaviour.
 */

export interface Received {
  platform: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: string;
  json: unknown;
}

export interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}
/** `hang` never answers, for timeouts. */
type Scripted = Answer | 'hang';

export interface PlatformConfig {
  wecom: { key: string };
  dingtalk: { token: string; secret: string };
  feishu: { hook: string; secret: string };
  teams: { hook: string };
  slack: { hook: string };
  webhook: { secret: string };
}

const hmac = (key: string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
const json = (value: unknown, status = 200): Answer => ({ status, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
const text = (body: string, status = 200): Answer => ({ status, body, headers: { 'content-type': 'text/plain; charset=utf-8' } });
const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const withinHour = (ms: number): boolean => Math.abs(Date.now() - ms) < 3_600_000;

function wecom(cfg: PlatformConfig['wecom'], r: Received): Answer {
  if (r.query.get('key') !== cfg.key) return json({ errcode: 93000, errmsg: 'invalid webhook url' });
  const body = r.json;
  if (!isRecord(body) || body['msgtype'] !== 'markdown') return json({ errcode: 40008, errmsg: 'invalid message type' });
  const content = isRecord(body['markdown']) ? body['markdown']['content'] : undefined;
  if (typeof content !== 'string' || content === '') return json({ errcode: 44004, errmsg: 'empty content' });
  if (Buffer.byteLength(content) > 4096) return json({ errcode: 40058, errmsg: 'markdown.content exceed max length 4096' });
  return json({ errcode: 0, errmsg: 'ok' });
}

function dingtalk(cfg: PlatformConfig['dingtalk'], r: Received): Answer {
  if (r.query.get('access_token') !== cfg.token) return json({ errcode: 300001, errmsg: 'token is not exist' });
  const timestamp = Number(r.query.get('timestamp'));
  const expected = hmac(cfg.secret, `${r.query.get('timestamp')}\n${cfg.secret}`);
  // URLSearchParams has already undone the URL-encoding, as DingTalk's own server does.
  const given = Buffer.from(r.query.get('sign') ?? '', 'base64');
  if (!withinHour(timestamp) || !sameBytes(expected, given)) return json({ errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' });
  const body = r.json;
  const md = isRecord(body) ? body['markdown'] : undefined;
  if (!isRecord(body) || body['msgtype'] !== 'markdown' || !isRecord(md) || typeof md['title'] !== 'string' || typeof md['text'] !== 'string') {
    return json({ errcode: 40035, errmsg: '缺少参数 json' });
  }
  return json({ errcode: 0, errmsg: 'ok' });
}

function feishu(cfg: PlatformConfig['feishu'], r: Received): Answer {
  if (r.path !== `/feishu/${cfg.hook}`) return json({ code: 19001, msg: 'param invalid: incoming webhook access token invalid', data: {} });
  const body = r.json;
  if (!isRecord(body)) return json({ code: 9499, msg: 'Bad Request', data: {} });
  const ts = typeof body['timestamp'] === 'string' ? body['timestamp'] : '';
  const expected = hmac(`${ts}\n${cfg.secret}`, '');
  const given = Buffer.from(typeof body['sign'] === 'string' ? body['sign'] : '', 'base64');
  if (!withinHour(Number(ts) * 1000) || !sameBytes(expected, given)) return json({ code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time', data: {} });
  const cardOk = body['msg_type'] === 'interactive' && isRecord(body['card']) && Array.isArray(body['card']['elements']);
  const postOk = body['msg_type'] === 'post' && isRecord(body['content']) && isRecord(body['content']['post']);
  if (!cardOk && !postOk) return json({ code: 9499, msg: 'Bad Request', data: {} });
  return json({ code: 0, msg: 'success', data: {} });
}

const teamsFailure = (status: number): Answer =>
  text(`Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error ${status} with ContextId tcid=0,server=msgapi-production-eus-azsc4-4-170,cv=AbCdEf.0..`);

function teams(cfg: PlatformConfig['teams'], r: Received): Answer {
  if (r.path !== `/teams/${cfg.hook}`) return teamsFailure(404);
  const body = r.json;
  if (!isRecord(body)) return text('Bad payload received by generic incoming webhook.', 400);
  const attachment = Array.isArray(body['attachments']) ? (body['attachments'][0] as unknown) : undefined;
  const adaptive =
    body['type'] === 'message' &&
    isRecord(attachment) &&
    attachment['contentType'] === 'application/vnd.microsoft.card.adaptive' &&
    isRecord(attachment['content']) &&
    attachment['content']['type'] === 'AdaptiveCard';
  const messageCard = body['@type'] === 'MessageCard' && (typeof body['text'] === 'string' || typeof body['summary'] === 'string');
  // Teams takes the request, answers 200, and reports a bad card in the body.
  return adaptive || messageCard ? text('1') : teamsFailure(400);
}

function slack(cfg: PlatformConfig['slack'], r: Received): Answer {
  if (r.path !== `/slack/services/${cfg.hook}`) return text('invalid_token', 403);
  const body = r.json;
  if (!isRecord(body)) return text('invalid_payload', 400);
  const blocks = body['blocks'];
  if (typeof body['text'] !== 'string' && !Array.isArray(blocks)) return text('no_text', 400);
  const header: unknown = Array.isArray(blocks) ? blocks.find((b) => isRecord(b) && b['type'] === 'header') : undefined;
  const headerText = isRecord(header) && isRecord(header['text']) ? header['text']['text'] : undefined;
  if (header !== undefined && (typeof headerText !== 'string' || headerText.length > 150)) return text('invalid_blocks', 400);
  return text('ok');
}

function webhook(cfg: PlatformConfig['webhook'], r: Received): Answer {
  const signature = String(r.headers['x-finpulse-signature'] ?? '');
  const expected = `sha256=${hmac(cfg.secret, r.raw).toString('hex')}`;
  const timestamp = Number(r.headers['x-finpulse-timestamp']);
  if (!sameBytes(Buffer.from(signature), Buffer.from(expected)) || Math.abs(Date.now() / 1000 - timestamp) > 300) return text('bad signature', 401);
  return { status: 204, body: '' };
}

export interface Receiver {
  url(path: string): string;
  received: Received[];
  /** Answers for the next requests to a platform, before its own logic takes over again. */
  script(platform: keyof PlatformConfig, ...answers: Scripted[]): void;
  close(): Promise<void>;
}

export async function startReceiver(cfg: PlatformConfig): Promise<Receiver> {
  const received: Received[] = [];
  const scripts = new Map<string, Scripted[]>();
  const platforms: Record<keyof PlatformConfig, (r: Received) => Answer> = {
    wecom: (r) => wecom(cfg.wecom, r),
    dingtalk: (r) => dingtalk(cfg.dingtalk, r),
    feishu: (r) => feishu(cfg.feishu, r),
    teams: (r) => teams(cfg.teams, r),
    slack: (r) => slack(cfg.slack, r),
    webhook: (r) => webhook(cfg.webhook, r),
  };
  const reply = (res: ServerResponse, a: Answer): void => {
    res.writeHead(a.status, a.headers ?? {});
    res.end(a.body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const platform = url.pathname.split('/')[1] as keyof PlatformConfig;
      const raw = Buffer.concat(chunks).toString('utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      const r: Received = { platform, path: url.pathname, query: url.searchParams, headers: req.headers, raw, json: parsed };
      received.push(r);
      const next = scripts.get(platform)?.shift();
      if (next === 'hang') return;
      if (next) return reply(res, next);
      const handler = platforms[platform];
      reply(res, handler ? handler(r) : text('not found', 404));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    script: (platform, ...answers) => scripts.set(platform, [...(scripts.get(platform) ?? []), ...answers]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

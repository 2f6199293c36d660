import { AppError } from '../errors';
import type { Redactor, SecretStore } from '../secrets';
import { requireSecret } from './secrets';
import type { AuthConfig } from './shape';
import { base64Utf8 } from '../encoding';
import { formBody, withQuery } from './url';
import type { HeadersLike } from './web';

export interface PreparedRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  text: string;
  url: string;
  headers: HeadersLike;
}

/** An OAuth2 access token and when to stop using it. */
export interface CachedToken {
  accessToken: string;
  /** Epoch ms after which a new token is fetched (ahead of the real expiry). */
  refreshAt: number;
}

/**
 * Tokens shared across refreshes, keyed by endpoint, client and scope. Concurrent page requests
 * share one token request in flight instead of each asking for its own.
 */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<CachedToken>>();

  async get(key: string, now: number, issue: () => Promise<CachedToken>): Promise<CachedToken> {
    const held = this.tokens.get(key);
    if (held && now < held.refreshAt) return held;
    let request = this.pending.get(key);
    if (!request) {
      request = issue().finally(() => this.pending.delete(key));
      this.pending.set(key, request);
    }
    const token = await request;
    this.tokens.set(key, token);
    return token;
  }

  drop(key: string): void {
    this.tokens.delete(key);
  }
}

export interface AuthDeps {
  sourceId: string;
  secrets: SecretStore;
  redactor: Redactor;
  tokens: TokenCache;
  now(): number;
  /** Sends a request without credentials (the token request), with the client's retries and timeouts. */
  send(req: PreparedRequest): Promise<RawResponse>;
}

export interface Authorizer {
  apply(req: PreparedRequest): Promise<PreparedRequest>;
  /** After a 401: forget a cached token; true when a new attempt may therefore succeed. */
  renew(): boolean;
  /** The secret's name, for messages that tell the user what to check. */
  readonly secretName: string;
}

const DEFAULT_REFRESH_BEFORE_S = 60;

/** Resolves the auth's secret once and returns what adds credentials to each request. */
export async function createAuthorizer(auth: AuthConfig | undefined, deps: AuthDeps): Promise<Authorizer> {
  if (!auth || auth.type === 'none') return { apply: (r) => Promise.resolve(r), renew: () => false, secretName: '' };
  const secret = await requireSecret(deps.secrets, auth.secret, deps.sourceId);
  const header = (name: string, value: string) => (r: PreparedRequest) => Promise.resolve({ ...r, headers: { ...r.headers, [name]: value } });
  const fixed = (apply: (r: PreparedRequest) => Promise<PreparedRequest>): Authorizer => ({ apply, renew: () => false, secretName: auth.secret });
  switch (auth.type) {
    case 'bearer':
      deps.redactor.add(secret);
      return fixed(header('Authorization', `Bearer ${secret}`));
    case 'basic':
      deps.redactor.addBasic(auth.username, secret);
      return fixed(header('Authorization', `Basic ${base64Utf8(`${auth.username}:${secret}`)}`));
    case 'apiKey':
      deps.redactor.add(secret);
      return fixed(auth.in === 'header' ? header(auth.name, secret) : (r) => Promise.resolve({ ...r, url: withQuery(r.url, [[auth.name, secret]]) }));
    case 'oauth2':
      return oauth2(auth, secret, deps);
  }
}

function oauth2(auth: Extract<AuthConfig, { type: 'oauth2' }>, secret: string, deps: AuthDeps): Authorizer {
  deps.redactor.add(secret);
  if (auth.clientAuth === 'basic') deps.redactor.addBasic(auth.clientId, secret);
  const key = `${auth.tokenUrl}|${auth.clientId}|${auth.scope ?? ''}`;
  const issue = async (): Promise<CachedToken> => {
    const fields: Array<[string, string]> = [['grant_type', 'client_credentials']];
    if (auth.scope) fields.push(['scope', auth.scope]);
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
    if (auth.clientAuth === 'basic') headers['Authorization'] = `Basic ${base64Utf8(`${auth.clientId}:${secret}`)}`;
    else fields.push(['client_id', auth.clientId], ['client_secret', secret]);
    const issuedAt = deps.now();
    const res = await deps.send({ url: auth.tokenUrl, method: 'POST', headers, body: formBody(fields) });
    return readToken(res, issuedAt, auth.refreshBeforeSeconds ?? DEFAULT_REFRESH_BEFORE_S, auth.secret, deps);
  };
  return {
    secretName: auth.secret,
    async apply(r) {
      const token = await deps.tokens.get(key, deps.now(), issue);
      return { ...r, headers: { ...r.headers, Authorization: `Bearer ${token.accessToken}` } };
    },
    renew() {
      deps.tokens.drop(key);
      return true;
    },
  };
}

function readToken(res: RawResponse, issuedAt: number, refreshBeforeS: number, secretName: string, deps: AuthDeps): CachedToken {
  const fail = (detail: string): AppError =>
    new AppError('source.token', { source: deps.sourceId, url: res.url, status: res.status, detail: deps.redactor.redact(detail).slice(0, 300), secret: secretName });
  if (res.status < 200 || res.status > 299) throw fail(res.text);
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    throw fail('the answer is not JSON');
  }
  const { access_token: token, expires_in: ttl } = (body ?? {}) as { access_token?: unknown; expires_in?: unknown };
  if (typeof token !== 'string' || token === '') throw fail('no access_token in the answer');
  deps.redactor.add(token);
  // Renewed ahead of expiry, but never later than halfway through a short lifetime, so a 2-minute
  // token is not left to lapse mid-refresh. Without expires_in it is kept until a 401 renews it.
  if (typeof ttl !== 'number' || ttl <= 0) return { accessToken: token, refreshAt: Infinity };
  const ttlMs = ttl * 1000;
  const lead = Math.min(refreshBeforeS * 1000, ttlMs / 2);
  return { accessToken: token, refreshAt: issuedAt + ttlMs - lead };
}

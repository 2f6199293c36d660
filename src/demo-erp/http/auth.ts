import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Demo credentials, published in API.md and the README: this server guards nothing real. */
export const CREDENTIALS = {
  bearerToken: 'demo-bearer-token',
  basicUser: 'demo',
  basicPassword: 'demo-password',
  apiKey: 'demo-api-key',
  clientId: 'finpulse',
  clientSecret: 'demo-client-secret',
} as const;

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
const MAX_TOKENS = 10_000;
/** An expired token is remembered this long, so using it says "expired" rather than "not valid". */
const EXPIRED_KEPT_MS = 24 * 3600 * 1000;

/** Access tokens issued by `/oauth/token`, with their expiry (the real clock: tests wait for expiry). */
export class TokenRegistry {
  private readonly expiry = new Map<string, number>();

  issue(ttlSeconds: number, now: number): string {
    // Forget tokens long expired, so a benchmark renewing tokens for hours does not grow the map forever.
    if (this.expiry.size >= MAX_TOKENS) for (const [t, until] of this.expiry) if (until + EXPIRED_KEPT_MS < now) this.expiry.delete(t);
    const token = `demo-at-${randomBytes(18).toString('base64url')}`;
    this.expiry.set(token, now + ttlSeconds * 1000);
    return token;
  }

  /** `valid`, `expired` (known but past its time) or `unknown`. */
  check(token: string, now: number): 'valid' | 'expired' | 'unknown' {
    const until = this.expiry.get(token);
    if (until === undefined) return 'unknown';
    return now < until ? 'valid' : 'expired';
  }
}

export type AuthResult = { ok: true; style: 'bearer' | 'oauth' | 'basic' | 'apiKeyHeader' | 'apiKeyQuery' } | { ok: false; message: string };

/** The user name and password of a `Basic` header, or null when it is not one. */
export function basicCredentials(header: string | undefined): { user: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return null;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? null : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** Accepts any one of the demo's credential styles; says precisely what was wrong otherwise. */
export function authenticate(headers: IncomingHttpHeaders, query: URLSearchParams, tokens: TokenRegistry, now: number): AuthResult {
  const authorization = headers.authorization;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (bearer) {
    const token = bearer[1]!;
    if (token === CREDENTIALS.bearerToken) return { ok: true, style: 'bearer' };
    const state = tokens.check(token, now);
    if (state === 'valid') return { ok: true, style: 'oauth' };
    return { ok: false, message: state === 'expired' ? 'The access token has expired; ask POST /oauth/token for a new one.' : 'The bearer token is not valid.' };
  }
  const basic = basicCredentials(authorization);
  if (basic) {
    if (basic.user === CREDENTIALS.basicUser && basic.password === CREDENTIALS.basicPassword) return { ok: true, style: 'basic' };
    return { ok: false, message: 'Wrong user name or password.' };
  }
  if (authorization !== undefined) return { ok: false, message: 'The Authorization header must be "Bearer <token>" or "Basic <base64 user:password>".' };
  const headerKey = headers['x-api-key'];
  if (headerKey !== undefined) {
    if (headerKey === CREDENTIALS.apiKey) return { ok: true, style: 'apiKeyHeader' };
    return { ok: false, message: 'The X-API-Key header holds a wrong key.' };
  }
  const queryKey = query.get('api_key');
  if (queryKey !== null) {
    if (queryKey === CREDENTIALS.apiKey) return { ok: true, style: 'apiKeyQuery' };
    return { ok: false, message: 'The api_key query parameter holds a wrong key.' };
  }
  return { ok: false, message: 'Credentials are missing: send Authorization: Bearer or Basic, an X-API-Key header, or an api_key query parameter.' };
}

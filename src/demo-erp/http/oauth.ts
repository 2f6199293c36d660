import type { IncomingHttpHeaders } from 'node:http';
import { basicCredentials, CREDENTIALS, type TokenRegistry } from './auth';
import { json, type Reply } from './reply';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** RFC 6749 §5.2 error body. */
const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}): Reply =>
  json(status, { error, error_description: description }, { ...NO_STORE, ...headers });

/**
 * The client-credentials grant (RFC 6749 §4.4): a form body with the grant type and the client's
 * id and secret, in the body or as HTTP Basic. Answers a bearer token valid for `ttlSeconds`.
 */
export function issueToken(headers: IncomingHttpHeaders, body: string, tokens: TokenRegistry, ttlSeconds: number, now: number): Reply {
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return oauthError(400, 'invalid_request', `Send the token request as application/x-www-form-urlencoded, not "${type || 'no content type'}".`);
  }
  const form = new URLSearchParams(body);
  const grant = form.get('grant_type');
  if (grant === null) return oauthError(400, 'invalid_request', 'grant_type is missing; use grant_type=client_credentials.');
  if (grant !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `grant_type "${grant}" is not supported; use client_credentials.`);
  const basic = basicCredentials(headers.authorization);
  const id = basic?.user ?? form.get('client_id');
  const secret = basic?.password ?? form.get('client_secret');
  if (id === null || secret === null) {
    return oauthError(401, 'invalid_client', 'Client authentication is missing: send client_id and client_secret in the form or as HTTP Basic.', { 'www-authenticate': 'Basic realm="demo-erp"' });
  }
  if (id !== CREDENTIALS.clientId || secret !== CREDENTIALS.clientSecret) {
    return oauthError(401, 'invalid_client', 'Unknown client or wrong client secret.', { 'www-authenticate': 'Basic realm="demo-erp"' });
  }
  const token = tokens.issue(ttlSeconds, now);
  return json(200, { access_token: token, token_type: 'Bearer', expires_in: ttlSeconds }, NO_STORE);
}

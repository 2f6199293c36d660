import type { HttpChannelType } from './channel';
import type { AlertMessage } from './message';
import { dingtalkPayload, dingtalkSigning } from './payload-dingtalk';
import { feishuPayload, feishuSigning } from './payload-feishu';
import { slackPayload } from './payload-slack';
import { teamsPayload } from './payload-teams';
import { webhookPayload, webhookSigning } from './payload-webhook';
import { wecomPayload } from './payload-wecom';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A request ready for fetch: always a JSON POST. */
export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What a platform signs: HMAC-SHA256 of `data` under `key`, sent in `encoding`. Core builds it; the sender computes it. */
export interface SigningInput {
  key: string;
  data: string;
  encoding: 'base64' | 'hex';
}

/** How one platform signs a request: what to sign, and where the signature goes. */
export interface Signing {
  input(secret: string, nowMs: number, body: string): SigningInput;
  apply(request: { url: string; headers: Record<string, string>; payload: JsonObject }, signature: string, nowMs: number): { url: string; headers: Record<string, string>; payload: JsonObject };
}

export interface PreparedRequest {
  /** The request as sent when the channel has no signing secret. */
  request: HttpRequest;
  /** Present when the channel signs: the input to sign and a function that places the signature. */
  signing?: { input: SigningInput; apply(signature: string): HttpRequest };
}

/** A channel with its secrets looked up. */
export interface HttpTarget {
  type: HttpChannelType;
  url: string;
  /** The signing secret, for the platforms that sign. */
  secret?: string;
  format?: string;
}

const PLATFORMS: Record<HttpChannelType, { payload(m: AlertMessage, format: string | undefined, nowMs: number): JsonObject; signing?: Signing }> = {
  wecom: { payload: wecomPayload },
  dingtalk: { payload: dingtalkPayload, signing: dingtalkSigning },
  feishu: { payload: feishuPayload, signing: feishuSigning },
  teams: { payload: teamsPayload },
  slack: { payload: slackPayload },
  webhook: { payload: webhookPayload, signing: webhookSigning },
};

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

/**
 * Builds a platform's request for a message. `nowMs` is the signing time: the sender calls this
 * again for each attempt so a retried request never carries a stale timestamp.
 */
export function prepareRequest(target: HttpTarget, message: AlertMessage, nowMs: number): PreparedRequest {
  const platform = PLATFORMS[target.type];
  const payload = platform.payload(message, target.format, nowMs);
  const request: HttpRequest = { url: target.url, headers: { ...JSON_HEADERS }, body: JSON.stringify(payload) };
  const { signing } = platform;
  if (!signing || target.secret === undefined) return { request };
  const secret = target.secret;
  return {
    request,
    signing: {
      input: signing.input(secret, nowMs, request.body),
      apply(signature) {
        const signed = signing.apply({ url: request.url, headers: request.headers, payload }, signature, nowMs);
        return { url: signed.url, headers: signed.headers, body: signed.payload === payload ? request.body : JSON.stringify(signed.payload) };
      },
    },
  };
}

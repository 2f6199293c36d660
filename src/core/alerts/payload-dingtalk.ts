import type { AlertMessage } from './message';
import type { JsonObject, Signing } from './payload';
import { renderMarkdown } from './render';

/** DingTalk custom robot: `{"msgtype": "markdown", "markdown": {"title", "text"}}`; the title is the notification preview. */
export function dingtalkPayload(m: AlertMessage): JsonObject {
  return { msgtype: 'markdown', markdown: { title: m.title, text: renderMarkdown(m) }, at: { isAtAll: false } };
}

/**
 * DingTalk 加签: sign = urlEncode(Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))),
 * timestamp in milliseconds, both added to the webhook's query string; DingTalk rejects a
 * timestamp more than an hour off (its robot security-settings documentation).
 */
export const dingtalkSigning: Signing = {
  input: (secret, nowMs) => ({ key: secret, data: `${nowMs}\n${secret}`, encoding: 'base64' }),
  apply: (req, signature, nowMs) => ({
    ...req,
    url: `${req.url}${req.url.includes('?') ? '&' : '?'}timestamp=${nowMs}&sign=${encodeURIComponent(signature)}`,
  }),
};

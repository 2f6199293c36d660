import type { AlertMessage } from './message';
import type { JsonObject, Signing } from './payload';
import { escapeMarkdown } from './render';

/** Feishu card header colours by severity. */
const TEMPLATE = { notice: 'blue', warning: 'orange', critical: 'red' } as const;

function card(m: AlertMessage): JsonObject {
  const elements: JsonObject[] = [
    { tag: 'div', text: { tag: 'lark_md', content: escapeMarkdown(m.summary) } },
    { tag: 'div', fields: m.facts.map((f) => ({ is_short: true, text: { tag: 'lark_md', content: `**${escapeMarkdown(f.label)}**\n${escapeMarkdown(f.value)}` } })) },
  ];
  if (m.link) elements.push({ tag: 'action', actions: [{ tag: 'button', type: 'primary', text: { tag: 'plain_text', content: m.link.label }, url: m.link.url }] });
  elements.push({ tag: 'note', elements: [{ tag: 'plain_text', content: m.footer }] });
  return { msg_type: 'interactive', card: { config: { wide_screen_mode: true }, header: { template: TEMPLATE[m.severity], title: { tag: 'plain_text', content: m.title } }, elements } };
}

/** A rich-text post: one paragraph per line, the link as an `a` element. */
function post(m: AlertMessage): JsonObject {
  const line = (text: string): JsonObject[] => [{ tag: 'text', text }];
  const content: JsonObject[][] = [line(m.summary), ...m.facts.map((f) => line(`${f.label}: ${f.value}`))];
  if (m.link) content.push([{ tag: 'a', text: m.link.label, href: m.link.url }]);
  return { msg_type: 'post', content: { post: { [m.locale === 'zh-CN' ? 'zh_cn' : 'en_us']: { title: m.title, content } } } };
}

/** Feishu/Lark custom bot: an interactive card (default) or a rich-text post. */
export function feishuPayload(m: AlertMessage, format: string | undefined): JsonObject {
  return format === 'post' ? post(m) : card(m);
}

/**
 * Feishu 签名校验: sign = Base64(HmacSHA256(key = timestamp + "\n" + secret, data = "")), timestamp in
 * seconds; both go in the JSON body beside msg_type (the custom-bot guide's signature section).
 */
export const feishuSigning: Signing = {
  input: (secret, nowMs) => ({ key: `${Math.floor(nowMs / 1000)}\n${secret}`, data: '', encoding: 'base64' }),
  apply: (req, signature, nowMs) => ({ ...req, payload: { timestamp: String(Math.floor(nowMs / 1000)), sign: signature, ...req.payload } }),
};

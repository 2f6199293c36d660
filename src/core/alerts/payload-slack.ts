import type { AlertMessage } from './message';
import type { JsonObject } from './payload';
import { clip, escapeSlack, renderText } from './render';

/** Block Kit limits: header text 150 characters, section text 3000, at most 10 fields of 2000. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const FIELDS_MAX = 10;
const FIELD_MAX = 2000;

/** Slack incoming webhook: Block Kit blocks, with `text` as the notification and accessibility fallback. */
export function slackPayload(m: AlertMessage): JsonObject {
  const blocks: JsonObject[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(m.title, HEADER_MAX), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(escapeSlack(m.summary), SECTION_MAX) } },
    { type: 'section', fields: m.facts.slice(0, FIELDS_MAX).map((f) => ({ type: 'mrkdwn', text: clip(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, FIELD_MAX) })) },
  ];
  if (m.link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: m.link.label }, url: m.link.url }] });
  blocks.push({ type: 'context', elements: [{ type: 'plain_text', text: m.footer }] });
  return { text: clip(renderText(m), SECTION_MAX), blocks };
}

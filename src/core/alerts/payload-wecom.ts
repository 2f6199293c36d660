import type { AlertMessage } from './message';
import type { JsonObject } from './payload';
import { clipUtf8, renderMarkdown } from './render';

/** WeCom group bot: markdown `content` is limited to 4096 bytes of UTF-8. */
const MAX_BYTES = 4096;
/** WeCom's markdown knows three font colours: info (green), comment (grey) and warning (orange). */
const COLOUR = { notice: 'comment', warning: 'warning', critical: 'warning' } as const;

/** `{"msgtype": "markdown", "markdown": {"content": …}}`, as the WeCom group-bot webhook documents. */
export function wecomPayload(m: AlertMessage): JsonObject {
  const content = renderMarkdown(m, { severity: (text) => `<font color="${COLOUR[m.severity]}">${text}</font>` });
  return { msgtype: 'markdown', markdown: { content: clipUtf8(content, MAX_BYTES) } };
}

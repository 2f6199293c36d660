import { escapeHtml } from '../encoding';
import type { AlertMessage, Fact } from './message';

export { escapeHtml };

/**
 * Keeps a metric named `*Net* [adj] <b>` from turning into markup in the bots' Markdown: emphasis,
 * code and link brackets are backslash-escaped, angle brackets (the bots take some HTML tags) become
 * entities. Parentheses and `#` are left alone: they only matter after `]` or at a line start.
 */
export const escapeMarkdown = (text: string): string =>
  text.replace(/[\\`*_[\]]/g, '\\$&').replace(/[<>]/g, (c) => escapeHtml(c));

/** Slack's mrkdwn only needs &, < and > escaped (its documented rule); the rest is literal. */
export const escapeSlack = (text: string): string => text.replace(/[&<>]/g, (c) => escapeHtml(c));

/** Cuts text to a platform's character limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** UTF-8 length, counted by hand: core has no TextEncoder. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Cuts text to a byte limit (WeCom counts bytes), never inside a character. */
export function clipUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = '';
  let n = utf8Length('…');
  for (const ch of text) {
    n += utf8Length(ch);
    if (n > maxBytes) break;
    out += ch;
  }
  return `${out}…`;
}

/** Plain text: the e-mail's text part and every platform's fallback. */
export function renderText(m: AlertMessage): string {
  const lines = [m.title, '', m.summary, '', ...m.facts.map((f) => `${f.label}: ${f.value}`)];
  if (m.link) lines.push('', `${m.link.label}: ${m.link.url}`);
  lines.push('', `— ${m.footer}`);
  return lines.join('\n');
}

export interface MarkdownStyle {
  /** Wraps the severity word, e.g. WeCom's `<font color="warning">`. */
  severity?: (text: string) => string;
}

/** Markdown for the chat bots (WeCom, DingTalk): a heading, the explanation quoted, one fact per paragraph. */
export function renderMarkdown(m: AlertMessage, style: MarkdownStyle = {}): string {
  const fact = (f: Fact): string => {
    const value = escapeMarkdown(f.value);
    return `**${escapeMarkdown(f.label)}**: ${f.key === 'severity' && style.severity ? style.severity(value) : value}`;
  };
  const blocks = [`### ${escapeMarkdown(m.title)}`, `> ${escapeMarkdown(m.summary)}`, ...m.facts.map(fact)];
  if (m.link) blocks.push(`[${escapeMarkdown(m.link.label)}](${m.link.url})`);
  blocks.push(escapeMarkdown(m.footer));
  return blocks.join('\n\n');
}

const SEVERITY_COLOURS = { notice: '#2563eb', warning: '#d97706', critical: '#dc2626' } as const;

/** The e-mail's HTML part: a small table that reads well in any client, everything escaped. */
export function renderHtml(m: AlertMessage): string {
  const colour = SEVERITY_COLOURS[m.severity];
  const rows = m.facts
    .map((f) => `<tr><th align="left" style="padding:4px 12px 4px 0;color:#555">${escapeHtml(f.label)}</th><td style="padding:4px 0">${escapeHtml(f.value)}</td></tr>`)
    .join('\n');
  const link = m.link ? `<p><a href="${escapeHtml(m.link.url)}">${escapeHtml(m.link.label)}</a></p>` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${m.locale}"><head><meta charset="utf-8"><title>${escapeHtml(m.title)}</title></head>`,
    '<body style="font-family:sans-serif;font-size:14px">',
    `<h2 style="color:${colour};margin:0 0 8px">${escapeHtml(m.title)}</h2>`,
    `<p>${escapeHtml(m.summary)}</p>`,
    `<table>\n${rows}\n</table>`,
    link,
    `<p style="color:#888;font-size:12px">${escapeHtml(m.footer)}</p>`,
    '</body></html>',
  ].join('\n');
}

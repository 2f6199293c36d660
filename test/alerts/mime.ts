/**
 * Just enough of MIME to read what a mail client would show: unfolded headers, RFC 2047 encoded
 * words, multipart/alternative parts, quoted-printable and base64 bodies.
 */

export interface MimePart {
  headers: Record<string, string>;
  body: string;
}

export function parseHeaders(block: string): Record<string, string> {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of unfolded.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return headers;
}

function qpBytes(text: string, underscoreIsSpace: boolean): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (underscoreIsSpace && text[i] === '_') bytes.push(0x20);
    else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** `=?UTF-8?B?…?= =?UTF-8?Q?…?=` → text; whitespace between adjacent encoded words is dropped, as RFC 2047 says. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      (enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qpBytes(data, true)).toString('utf8'),
    );
}

export function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? '7bit').toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return qpBytes(body.replace(/=\r?\n/g, ''), false).toString('utf8');
  return body;
}

function splitPart(text: string): MimePart {
  const at = text.search(/\r?\n\r?\n/);
  const headers = parseHeaders(text.slice(0, at));
  const body = text.slice(at).replace(/^\r?\n\r?\n/, '');
  return { headers, body: decodeBody(body, headers['content-transfer-encoding']) };
}

/** The top-level headers and, for a multipart message, its decoded parts. */
export function parseMessage(raw: string): { headers: Record<string, string>; parts: MimePart[] } {
  const top = splitPart(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers['content-type'] ?? '')?.[1];
  if (!boundary) return { headers: top.headers, parts: [top] };
  const sections = raw.split(`--${boundary}`).slice(1, -1);
  return { headers: top.headers, parts: sections.map((s) => splitPart(s.replace(/^\r?\n/, ''))) };
}

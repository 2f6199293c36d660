import type { IncomingMessage } from 'node:http';
import { AppError } from '../../core/errors';
import { pickLocale, type Locale } from '../../core/i18n';

/**
 * The raw path split into decoded segments. Nothing is normalised away: a `.` or `..` segment,
 * an encoded slash or backslash, a NUL or a malformed escape is refused outright, so no id can
 * ever walk out of its collection.
 */
export function pathSegments(rawUrl: string): string[] {
  const path = rawUrl.split('?')[0] ?? '';
  const refuse = (): never => {
    throw new AppError('server.path', { path: path.slice(0, 200) });
  };
  if (!path.startsWith('/')) refuse();
  const segments = path.slice(1).split('/');
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  return segments.map((raw) => {
    let seg = '';
    try {
      seg = decodeURIComponent(raw);
    } catch {
      refuse();
    }
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (seg === '.' || seg === '..' || /[/\\\u0000-\u001f]/.test(seg) || (seg === '' && segments.length > 1)) refuse();
    return seg;
  });
}

export function queryOf(rawUrl: string): URLSearchParams {
  const at = rawUrl.indexOf('?');
  return new URLSearchParams(at >= 0 ? rawUrl.slice(at + 1) : '');
}

export const localeOf = (req: IncomingMessage): Locale => pickLocale(req.headers['accept-language']?.split(',')[0]);

export const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
};

/**
 * Reads a JSON body of at most `limit` bytes. A declared length over the limit is refused before
 * reading; a chunked body is cut off as soon as it passes the limit. Returns undefined when empty.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new AppError('server.body.tooLarge', { limit });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new AppError('server.body.tooLarge', { limit });
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) throw new AppError('server.body.type', { type: type || '—' });
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError('server.body.json', { detail: err instanceof Error ? err.message : String(err) });
  }
}

/** URL handling on plain strings: core has no URL class, and connectors need only these few operations. */

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Query encoding of one component; `$` stays as is (RFC 3986 allows it) so OData's `$filter` reads as written. */
export const encodeComponent = (s: string): string => encodeURIComponent(s).replace(/%24/g, '$');

export type QueryValue = string | number | boolean;

/** Sets query parameters on a URL, replacing any of the same name already there (a followed `next` link often repeats them). */
export function withQuery(url: string, params: ReadonlyArray<readonly [string, QueryValue]>): string {
  if (params.length === 0) return url;
  const hashAt = url.indexOf('#');
  const base = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const [path = '', query = ''] = splitOnce(base, '?');
  const names = new Set(params.map(([k]) => k));
  const kept = query === '' ? [] : query.split('&').filter((pair) => !names.has(decodeName(pair)));
  const added = params.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(String(v))}`);
  return `${path}?${[...kept, ...added].join('&')}`;
}

function decodeName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

function splitOnce(s: string, sep: string): [string, string] {
  const at = s.indexOf(sep);
  return at < 0 ? [s, ''] : [s.slice(0, at), s.slice(at + 1)];
}

/** Resolves a link from a response (`Link`, `@odata.nextLink`) against the URL it came from. */
export function resolveUrl(base: string, ref: string): string {
  if (ABSOLUTE.test(ref)) return ref;
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(base)?.[0] ?? '';
  if (ref.startsWith('//')) return `${base.split(':', 1)[0]}:${ref}`;
  if (ref.startsWith('/')) return origin + ref;
  const path = base.slice(origin.length).split(/[?#]/, 1)[0] ?? '';
  if (ref.startsWith('?')) return origin + path + ref;
  return origin + path.slice(0, path.lastIndexOf('/') + 1) + ref;
}

/** The URL of `rel="next"` in an RFC 8288 `Link` header, if any. */
export function nextFromLinkHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const m of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rels = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(m[2] ?? '')?.[1] ?? '';
    if (rels.toLowerCase().split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

export const isHttpUrl = (s: string): boolean => /^https?:\/\/[^/?#\s]+/i.test(s);

/** `application/x-www-form-urlencoded` body. */
export const formBody = (fields: ReadonlyArray<readonly [string, string]>): string =>
  fields.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&');

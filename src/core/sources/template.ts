import { AppError } from '../errors';

/**
 * Request templates: `{from}`, `{to}` (dates, YYYY-MM-DD), `{since}` (the sync watermark) and
 * `{period}` (a period key) are filled per fetch. A query parameter, header or body field whose
 * placeholder has no value is left out entirely, so `"modifiedSince": "{since}"` disappears on a
 * full sync instead of being sent empty. `{{` and `}}` stand for literal braces.
 */
export const PLACEHOLDERS = ['from', 'to', 'since', 'period'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string>>;

const TOKEN = /\{\{|\}\}|\{([^{}]*)\}/g;
const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** Names used in a template, and any that are not placeholders (reported by validation). */
export function placeholdersIn(text: string): { used: Placeholder[]; unknown: string[] } {
  const used: Placeholder[] = [];
  const unknown: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const name = m[1];
    if (name === undefined) continue;
    if (isPlaceholder(name)) used.push(name);
    else unknown.push(name);
  }
  return { used, unknown };
}

/** Fills a template; undefined when it uses a placeholder that has no value. */
export function fillTemplate(text: string, values: TemplateValues, encode: (s: string) => string = (s) => s): string | undefined {
  let missing = false;
  const out = text.replace(TOKEN, (whole, name: string | undefined) => {
    if (name === undefined) return whole[0]!;
    const v = isPlaceholder(name) ? values[name] : undefined;
    if (v === undefined) missing = true;
    return encode(v ?? '');
  });
  return missing ? undefined : out;
}

/** The URL with path placeholders encoded; a placeholder without a value here is an error (a URL cannot drop it). */
export function fillUrl(url: string, values: TemplateValues, sourceId: string): string {
  const filled = fillTemplate(url, values, encodeURIComponent);
  if (filled === undefined) {
    const { used } = placeholdersIn(url);
    const absent = used.filter((n) => values[n] === undefined);
    throw new AppError('source.templateValue', { source: sourceId, names: absent.map((n) => `{${n}}`).join(', '), where: 'url' });
  }
  return filled;
}

/** Query parameters or headers, leaving out those whose placeholders have no value. */
export function fillPairs(templates: Readonly<Record<string, string>> | undefined, values: TemplateValues): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, template] of Object.entries(templates ?? {})) {
    const v = fillTemplate(template, values);
    if (v !== undefined) out.push([name, v]);
  }
  return out;
}

/** A JSON body: strings are templates; fields whose placeholders have no value are left out. */
export function fillBody(body: unknown, values: TemplateValues): unknown {
  if (typeof body === 'string') return fillTemplate(body, values);
  if (Array.isArray(body)) return body.map((v) => fillBody(v, values)).filter((v) => v !== undefined);
  if (body !== null && typeof body === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      const filled = fillBody(v, values);
      if (filled !== undefined) out[k] = filled;
    }
    return out;
  }
  return body;
}

/** Every string inside a JSON body template, with its JSON path (for validation). */
export function bodyStrings(body: unknown, path: string): Array<[string, string]> {
  if (typeof body === 'string') return [[path, body]];
  if (Array.isArray(body)) return body.flatMap((v, i) => bodyStrings(v, `${path}[${i}]`));
  if (body !== null && typeof body === 'object') return Object.entries(body).flatMap(([k, v]) => bodyStrings(v, `${path}.${k}`));
  return [];
}

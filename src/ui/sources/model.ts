import { parseSource, type SourceDefinition } from '../../core/sources';
import type { Problem } from '../../core/errors';

/** A new REST source to start from: the common shape, ready to be filled in. */
export const NEW_SOURCE = {
  id: 'erp_gl',
  name: { 'en-US': 'Journal lines', 'zh-CN': '总账凭证行' },
  kind: 'rest',
  auth: { type: 'bearer', secret: 'ERP_TOKEN' },
  request: { url: 'https://erp.example.com/api/gl', query: { from: '{from}', to: '{to}' } },
  paging: { style: 'page', size: 1000 },
  records: '$.data.items[*]',
  fields: { date: 'postingDate', amount: 'amount', account: 'account' },
};

export type Json = Record<string, unknown>;

export interface Parsed {
  /** The JSON object, when the text is a JSON object (valid definition or not). */
  value?: Json;
  problems: Problem[];
}

export function parseText(text: string): Parsed {
  const check = parseSource(text);
  let value: Json | undefined;
  try {
    const raw = JSON.parse(text) as unknown;
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) value = raw as Json;
  } catch {
    // parseSource already reported where the JSON breaks
  }
  return value ? { value, problems: check.problems } : { problems: check.problems };
}

/** Reads a string at a dotted path (`auth.secret`), '' when absent or not text. */
export function textAt(value: Json | undefined, path: string): string {
  let at: unknown = value;
  for (const key of path.split('.')) at = at !== null && typeof at === 'object' ? (at as Json)[key] : undefined;
  return typeof at === 'string' ? at : '';
}

/** A copy with the string at a dotted path replaced (objects on the way are created). */
export function withTextAt(value: Json, path: string, text: string): Json {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...value, [head]: text };
  const inner = value[head];
  return { ...value, [head]: withTextAt(inner !== null && typeof inner === 'object' ? (inner as Json) : {}, rest.join('.'), text) };
}

/** The secret a definition names, if its auth uses one. */
export function secretOf(def: Json | undefined): string {
  return textAt(def, 'auth.secret');
}

export const urlPath = (def: Json | undefined): string => (textAt(def, 'kind') === 'odata' ? 'service' : 'request.url');

export const pretty = (def: SourceDefinition | Json): string => JSON.stringify(def, null, 2);

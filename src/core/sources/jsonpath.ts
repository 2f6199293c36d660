/**
 * The JSONPath subset record and field paths need: `$`, `.name`, `['name']` (for names such as
 * `@odata.nextLink`), `[3]` and `[*]`. Paths are parsed once per source, then applied per page.
 */
import { AppError } from '../errors';

export type Segment = { kind: 'name'; name: string } | { kind: 'index'; index: number } | { kind: 'all' };

export interface JsonPath {
  readonly text: string;
  readonly segments: readonly Segment[];
}

export type PathParse = { path: JsonPath } | { error: string; at: number };

const NAME = /^[A-Za-z_$@][\w$@-]*/;

export function parseJsonPath(text: string): PathParse {
  if (!text.startsWith('$')) return { error: 'a path starts with $', at: 0 };
  const segments: Segment[] = [];
  let i = 1;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith('.')) {
      const name = NAME.exec(rest.slice(1))?.[0];
      if (!name) return { error: 'a name is expected after "."', at: i + 1 };
      segments.push({ kind: 'name', name });
      i += 1 + name.length;
      continue;
    }
    const bracket = /^\[(?:\*|(\d+)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/.exec(rest);
    if (!bracket) return { error: 'expected .name, [n], [*] or [\'name\']', at: i };
    const [whole, index, single, double] = bracket;
    const quoted = single ?? double;
    if (quoted !== undefined) segments.push({ kind: 'name', name: quoted.replace(/\\(.)/g, '$1') });
    else if (index !== undefined) segments.push({ kind: 'index', index: Number(index) });
    else segments.push({ kind: 'all' });
    i += whole.length;
  }
  return { path: { text, segments } };
}

/** A field path inside a record: `amount`, `customer.code`, or a full JSONPath from the record (`$['@odata.etag']`). */
export const hasWildcard = (path: JsonPath): boolean => path.segments.some((s) => s.kind === 'all');

export const parseFieldPath = (text: string): PathParse => parseJsonPath(text.startsWith('$') ? text : `$.${text}`);

/** A path from a validated definition; a bad one (a definition that skipped validation) is a located error. */
export function compilePath(text: string, field = false): JsonPath {
  const parsed = field ? parseFieldPath(text) : parseJsonPath(text);
  if ('error' in parsed) throw new AppError('source.badPath', { path: text, detail: parsed.error, at: parsed.at + 1 });
  return parsed.path;
}

/** Every value the path selects (a wildcard fans out; a missing step selects nothing). */
export function selectAll(root: unknown, path: JsonPath): unknown[] {
  let current: unknown[] = [root];
  for (const seg of path.segments) {
    const next: unknown[] = [];
    for (const v of current) step(v, seg, next);
    current = next;
  }
  return current;
}

function step(value: unknown, seg: Segment, out: unknown[]): void {
  if (value === null || typeof value !== 'object') return;
  if (seg.kind === 'all') {
    const items: readonly unknown[] = Array.isArray(value) ? (value as readonly unknown[]) : Object.values(value);
    for (const item of items) out.push(item);
  } else if (seg.kind === 'index') {
    if (Array.isArray(value) && seg.index < value.length) out.push(value[seg.index]);
  } else if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, seg.name)) {
    out.push((value as Record<string, unknown>)[seg.name]);
  }
}

/** The one value at a path; undefined when a step is missing or the path fans out (field paths never do: validation refuses `[*]` there). */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let v = root;
  for (const seg of path.segments) {
    if (v === null || typeof v !== 'object') return undefined;
    if (seg.kind === 'name') {
      if (Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, seg.name)) return undefined;
      v = (v as Record<string, unknown>)[seg.name];
    } else if (seg.kind === 'index') v = Array.isArray(v) ? v[seg.index] : undefined;
    else return undefined;
  }
  return v;
}

export type RecordsAt = { records: readonly unknown[]; base: string } | { missing: string[] } | { notArray: string };

/**
 * The records of a page: `$.data.items[*]` selects them, `$.records` or `$` names the array itself.
 * `base` is the JSONPath of the array, so a record is located as `base[17]` in messages.
 */
export function recordsAt(doc: unknown, path: JsonPath): RecordsAt {
  const last = path.segments[path.segments.length - 1];
  const arrayPath = last?.kind === 'all' ? { text: path.text.replace(/\[\*\]$/, ''), segments: path.segments.slice(0, -1) } : path;
  const found = hasWildcard(arrayPath) ? selectAll(doc, arrayPath) : [valueAt(doc, arrayPath)];
  if (found.length !== 1 || found[0] === undefined) return { missing: topLevelKeys(doc) };
  const arr = found[0];
  if (!Array.isArray(arr)) return { notArray: arr === null ? 'null' : typeof arr };
  return { records: arr, base: arrayPath.text };
}

const topLevelKeys = (doc: unknown): string[] =>
  doc !== null && typeof doc === 'object' ? (Array.isArray(doc) ? ['(an array)'] : Object.keys(doc)) : [typeof doc];

import type { Transformation, Expr } from './ast';
import { badQuery, notImplemented, ODataFailure } from './failure';
import { parseApply, parseFilter } from './parser';

export const DEFAULT_MAX_PAGE = 1000;
export const LARGEST_PAGE = 5000;

export interface OrderBy {
  name: string;
  descending: boolean;
}

/** The system query options of a collection request, parsed but not yet checked against the properties. */
export interface QueryOptions {
  filter: Expr | null;
  apply: Transformation[] | null;
  select: string[] | null;
  orderby: OrderBy[];
  top: number | null;
  skip: number;
  count: boolean;
  /** Offset into the result of the page to serve (our `$skiptoken`). */
  skiptoken: number;
  /** Raw texts, for cache keys. */
  raw: { filter: string; apply: string; orderby: string };
}

const SUPPORTED = ['$filter', '$apply', '$select', '$orderby', '$top', '$skip', '$count', '$skiptoken', '$format'];
const NOT_IMPLEMENTED = ['$expand', '$search', '$compute', '$index', '$levels', '$deltatoken', '$schemaversion'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses every system query option, collecting all failures: 400s are listed together; a 501
 * (valid OData we do not implement) wins, since fixing the 400s would not help.
 */
export function parseOptions(params: URLSearchParams): QueryOptions | ODataFailure[] {
  const failures: ODataFailure[] = [];
  const read = <T>(name: string, parse: (text: string) => T, fallback: T): T => {
    const text = params.get(name);
    if (text === null) return fallback;
    try {
      return parse(text);
    } catch (err) {
      if (err instanceof ODataFailure) failures.push(err);
      else throw err;
      return fallback;
    }
  };
  for (const name of new Set(params.keys())) {
    if (!name.startsWith('$')) continue;
    if (params.getAll(name).length > 1) failures.push(badQuery(name, `${name} is given more than once.`));
    if (NOT_IMPLEMENTED.includes(name)) failures.push(notImplemented(name, `${name} is not supported by this server.`));
    else if (!SUPPORTED.includes(name)) failures.push(badQuery(name, `Unknown system query option ${name}; supported: ${SUPPORTED.join(', ')}.`));
  }
  const options: QueryOptions = {
    filter: read('$filter', (t) => parseFilter(t), null),
    apply: read('$apply', (t) => parseApply(t), null),
    select: read('$select', parseSelect, null),
    orderby: read('$orderby', parseOrderBy, []),
    top: read('$top', (t) => wholeNumber('$top', t), null),
    skip: read('$skip', (t) => wholeNumber('$skip', t), 0),
    count: read('$count', parseCount, false),
    skiptoken: read('$skiptoken', (t) => wholeNumber('$skiptoken', t), 0),
    raw: { filter: params.get('$filter') ?? '', apply: params.get('$apply') ?? '', orderby: params.get('$orderby') ?? '' },
  };
  read('$format', parseFormat, null);
  return failures.length > 0 ? failures : options;
}

function wholeNumber(name: string, text: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) throw badQuery(name, `${name} must be a whole number of 0 or more, got "${text}".`);
  return Number(text);
}

function parseCount(text: string): boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  throw badQuery('$count', `$count must be true or false, got "${text}".`);
}

function parseFormat(text: string): null {
  if (text === 'json' || text.startsWith('application/json')) return null;
  throw badQuery('$format', `Only JSON is served; $format must be json, got "${text}".`);
}

function parseSelect(text: string): string[] | null {
  const names = text.split(',').map((s) => s.trim());
  if (names.length === 1 && names[0] === '*') return null;
  const bad = names.filter((n) => !NAME.test(n));
  if (bad.length > 0) throw badQuery('$select', `$select lists property names separated by commas; cannot read ${bad.map((b) => `"${b}"`).join(', ')}.`);
  return names;
}

function parseOrderBy(text: string): OrderBy[] {
  return text.split(',').map((item) => {
    const [name = '', direction = 'asc', ...rest] = item.trim().split(/\s+/);
    if (!NAME.test(name) || (direction !== 'asc' && direction !== 'desc') || rest.length > 0) {
      throw badQuery('$orderby', `$orderby items are "Property" or "Property asc|desc"; cannot read "${item.trim()}".`);
    }
    return { name, descending: direction === 'desc' };
  });
}

/** `Prefer: odata.maxpagesize=N` (RFC 7240); the page size served and whether the preference was honoured. */
export function maxPageSize(prefer: string | undefined): { size: number; applied: boolean } {
  const m = /(?:^|[,;\s])(?:odata\.)?maxpagesize\s*=\s*"?(\d+)"?/i.exec(prefer ?? '');
  if (!m) return { size: DEFAULT_MAX_PAGE, applied: false };
  const n = Number(m[1]);
  return n >= 1 ? { size: Math.min(n, LARGEST_PAGE), applied: true } : { size: DEFAULT_MAX_PAGE, applied: false };
}

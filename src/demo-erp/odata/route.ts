import type { ErpRecord, Scalar } from '../data';
import type { RequestContext } from '../http/context';
import { drift, hasDrift, truncated } from '../http/drift';
import { errorReply } from '../http/errors';
import { json, rawJson, type Reply } from '../http/reply';
import { badQuery, type ODataFailure } from './failure';
import { METADATA_XML, serviceDocument } from './metadata';
import { maxPageSize, parseOptions, type QueryOptions } from './options';
import { resultSet, type ResultSet } from './results';
import { ENTITY_SETS, entitySetNamed, type EntitySet, type Property } from './schema';

const COLLECTION = /^([A-Za-z]+)(\/\$count)?$/;
const ODATA_JSON = { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8' };
const BY_KEY = /^([A-Za-z]+)\(.*\)$/;

/** Everything under `/odata`: service document, `$metadata`, collections and their `$count`. */
export function odataRoute(ctx: RequestContext, rest: string): Reply {
  let path: string;
  try {
    path = decodeURIComponent(rest);
  } catch {
    return errorReply('odata', 400, `The path /odata/${rest} is not valid percent-encoding.`);
  }
  if (path === '') return json(200, serviceDocument(ctx.base), ODATA_JSON);
  if (path === '$metadata') return { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' }, body: METADATA_XML };
  const byKey = BY_KEY.exec(path);
  if (byKey && entitySetNamed(byKey[1]!)) {
    return errorReply('odata', 501, `Addressing one entity by key is not supported; use ${byKey[1]}?$filter=Id eq '…'.`);
  }
  const m = COLLECTION.exec(path);
  const set = m ? entitySetNamed(m[1]!) : undefined;
  if (!m || !set) return errorReply('odata', 404, `No resource /odata/${path}; entity sets are: ${ENTITY_SETS.map((s) => s.name).join(', ')}.`);
  return collection(ctx, set, m[2] !== undefined);
}

function failureReply(failures: readonly ODataFailure[]): Reply {
  const unsupported = failures.find((f) => f.status === 501);
  if (unsupported) return errorReply('odata', 501, unsupported.message, [{ path: unsupported.target, message: unsupported.message }]);
  return errorReply('odata', 400, failures.map((f) => f.message).join(' '), failures.map((f) => ({ path: f.target, message: f.message })));
}

function collection(ctx: RequestContext, set: EntitySet, countOnly: boolean): Reply {
  const parsed = parseOptions(ctx.url.searchParams);
  if (Array.isArray(parsed)) return failureReply(parsed);
  const failures: ODataFailure[] = [];
  const result = resultSet(ctx.state.stores[set.dataset], set, parsed, failures);
  // Without $apply the properties are known even when $filter failed: report a bad $select too.
  const properties = result?.properties ?? (parsed.apply === null ? set.properties : null);
  const selected = properties ? selection(properties, parsed.select, failures) : null;
  if (!result || !selected || failures.length > 0) return failureReply(failures);
  if (countOnly) return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: String(result.length) };
  return page(ctx, set, parsed, result, selected);
}

function selection(properties: readonly Property[], names: string[] | null, failures: ODataFailure[]): Property[] | null {
  if (names === null) return [...properties];
  const unknown = names.filter((n) => !properties.some((p) => p.name === n));
  if (unknown.length > 0) {
    failures.push(badQuery('$select', `Unknown propert${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((n) => `"${n}"`).join(', ')} in $select; properties are: ${properties.map((p) => p.name).join(', ')}.`));
    return null;
  }
  return names.map((n) => properties.find((p) => p.name === n)!);
}

/**
 * One page of the result: `$skip`/`$top` make the window, `$skiptoken` (an offset into it) the
 * page, at most `odata.maxpagesize` rows; `@odata.nextLink` repeats the request with the next token.
 */
function page(ctx: RequestContext, set: EntitySet, o: QueryOptions, result: ResultSet, selected: readonly Property[]): Reply {
  const prefer = ctx.headers.prefer;
  const { size, applied } = maxPageSize(Array.isArray(prefer) ? prefer.join(',') : prefer);
  const start = Math.min(o.skip, result.length);
  const end = o.top === null ? result.length : Math.min(result.length, start + o.top);
  const from = Math.min(start + o.skiptoken, end);
  const to = Math.min(end, from + size);
  const faults = ctx.state.faults.current;
  const values: string[] = [];
  for (let i = from; i < to; i += 1) {
    const row = shape(result.at(i), selected);
    values.push(JSON.stringify(hasDrift(faults) ? drift(row, faults) : row));
  }
  const shaped = o.select !== null || o.apply !== null;
  const parts = [`"@odata.context":${JSON.stringify(`${ctx.base}/odata/$metadata#${set.name}${shaped ? `(${selected.map((p) => p.name).join(',')})` : ''}`)}`];
  if (o.count) parts.push(`"@odata.count":${result.length}`);
  parts.push(`"value":[${values.join(',')}]`);
  if (to < end) parts.push(`"@odata.nextLink":${JSON.stringify(nextLink(ctx, o.skiptoken + size))}`);
  const text = `{${parts.join(',')}}`;
  const body = faults.malformedPage?.page === Math.floor(o.skiptoken / size) + 1 ? truncated(text) : text;
  return rawJson(200, body, applied ? { ...ODATA_JSON, 'preference-applied': `odata.maxpagesize=${size}` } : ODATA_JSON);
}

function shape(row: ErpRecord, selected: readonly Property[]): ErpRecord {
  const out: Record<string, Scalar> = {};
  for (const p of selected) out[p.name] = p.get(row);
  return out;
}

function nextLink(ctx: RequestContext, token: number): string {
  const next = new URL(`${ctx.base}${ctx.url.pathname}`);
  for (const [k, v] of ctx.url.searchParams) if (k !== '$skiptoken') next.searchParams.append(k, v);
  next.searchParams.set('$skiptoken', String(token));
  return next.href;
}

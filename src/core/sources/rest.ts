import type { PreparedRequest } from './auth';
import { compilePath } from './jsonpath';
import { RecordMapper, type MappedPage } from './mapping';
import { readAllPages } from './pages';
import { createPager, type PageRequest } from './paging';
import { fetchMappedPage, type Session } from './session';
import type { RestSource } from './shape';
import { mergePages, type Changes } from './sync';
import { fillBody, fillPairs, fillUrl, placeholdersIn, type TemplateValues } from './template';
import { withQuery } from './url';

/** Whether a REST definition can sync incrementally: it maps key and modified and asks with {since}. */
export function supportsIncremental(def: RestSource): boolean {
  if (!def.fields.key || !def.fields.modified) return false;
  const r = def.request;
  const texts = [r.url, ...Object.values(r.query ?? {}), ...Object.values(r.headers ?? {}), JSON.stringify(r.body ?? {})];
  return texts.some((t) => placeholdersIn(t).used.includes('since'));
}

/** The request for one page: templates filled, paging parameters in the query or the body, or a URL the server gave. */
export function prepareRequest(def: RestSource, values: TemplateValues, page: PageRequest): PreparedRequest {
  const r = def.request;
  const method = r.method ?? 'GET';
  const inBody = def.paging !== undefined && 'in' in def.paging && def.paging.in === 'body';
  const url = page.url ?? withQuery(fillUrl(r.url, values, def.id), [...fillPairs(r.query, values), ...(inBody ? [] : page.params)]);
  const headers: Record<string, string> = { Accept: 'application/json', ...Object.fromEntries(fillPairs(r.headers, values)) };
  if (!r.body) return { url, method, headers };
  const body = { ...(fillBody(r.body, values) as Record<string, unknown>), ...(inBody ? Object.fromEntries(page.params) : {}) };
  return { url, method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

export async function fetchRest(s: Session, def: RestSource, values: TemplateValues): Promise<{ changes: Changes; pages: number }> {
  const mapper = new RecordMapper(def.id, def.fields, def.scale ?? 2);
  const records = compilePath(def.records);
  const pages: MappedPage[] = await readAllPages({
    sourceId: def.id,
    pager: createPager(def.paging),
    limits: s.limits,
    fetch: (req, index) => fetchMappedPage(s, mapper, records, (p) => prepareRequest(def, values, p), req, index),
    abortAll: () => s.abort.abort(),
    onPage: (page, p, totalRecords) => s.ctx.onEvent?.({ type: 'page', page, records: p.records, totalRecords }),
  });
  return { changes: mergePages(pages), pages: pages.length };
}

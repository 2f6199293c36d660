import { AppError } from '../../errors';
import { compilePath } from '../jsonpath';
import { RecordMapper } from '../mapping';
import { readAllPages } from '../pages';
import { nextLinkPager, type PageRequest } from '../paging';
import { fetchMappedPage, type Session } from '../session';
import type { ODataSource } from '../shape';
import { mergePages, type Changes } from '../sync';
import { fillPairs, type TemplateValues } from '../template';
import { withQuery } from '../url';
import { parseMetadata, propertiesOf } from './metadata';
import { pushdownQuery, rowsQuery } from './query';

const VALUE = compilePath('$.value');
const ODATA_HEADERS = { Accept: 'application/json', 'OData-MaxVersion': '4.0' };

const serviceRoot = (def: ODataSource): string => def.service.replace(/\/+$/, '');

/** The entity set's properties and whether the service accepts $apply, from $metadata. */
async function readMetadata(s: Session, def: ODataSource): Promise<{ props: Map<string, string>; applySupported: boolean }> {
  const url = `${serviceRoot(def)}/$metadata`;
  const res = await s.http.request({ url, method: 'GET', headers: { ...ODATA_HEADERS, Accept: 'application/xml' } });
  const meta = parseMetadata(res.text);
  if (meta.entitySets.size === 0) throw new AppError('source.metadata', { source: def.id, url, detail: 'no entity sets found (is this an OData v4 service?)' });
  const props = propertiesOf(meta, def.entitySet);
  if (!props) throw new AppError('source.unknownEntitySet', { source: def.id, entitySet: def.entitySet, available: [...meta.entitySets.keys()].join(', ') });
  return { props, applySupported: meta.applySupported };
}

/**
 * Reads an OData v4 entity set: $metadata first (property types for safe literals, and the
 * Aggregation vocabulary), then either the aggregated groups ($apply) when the definition asks for
 * pushdown and the service supports it, or the rows, following @odata.nextLink.
 */
export async function fetchOData(s: Session, def: ODataSource, values: TemplateValues, allowPushdown: boolean): Promise<{ changes: Changes; pages: number; pushdown: boolean }> {
  const { props, applySupported } = await readMetadata(s, def);
  const pushdown = allowPushdown && def.pushdown !== undefined && applySupported;
  const plan = pushdown ? pushdownQuery(def, props, values, def.pushdown.monthField) : rowsQuery(def, props, values);
  const mapper = new RecordMapper(def.id, plan.fields, def.scale ?? 2);
  const url = withQuery(`${serviceRoot(def)}/${encodeURIComponent(def.entitySet)}`, plan.params);
  const headers: Record<string, string> = { ...ODATA_HEADERS, ...Object.fromEntries(fillPairs(def.headers, values)) };
  if (def.pageSize) headers['Prefer'] = `odata.maxpagesize=${def.pageSize}`;
  const prepare = (req: PageRequest) => ({ url: req.url ?? url, method: 'GET' as const, headers });
  const pages = await readAllPages({
    sourceId: def.id,
    pager: nextLinkPager(),
    limits: s.limits,
    fetch: (req, index) => fetchMappedPage(s, mapper, VALUE, prepare, req, index),
    abortAll: () => s.abort.abort(),
    onPage: (page, p, totalRecords) => s.ctx.onEvent?.({ type: 'page', page, records: p.records, totalRecords }),
  });
  return { changes: mergePages(pages), pages: pages.length, pushdown };
}

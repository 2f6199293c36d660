import type { ErpRecord } from '../data';
import type { DatasetStore } from '../store';
import { compareScalars, runApply, type Table } from './apply';
import { compileFilter, scopeOf } from './compile';
import { badQuery, ODataFailure } from './failure';
import type { OrderBy, QueryOptions } from './options';
import type { EntitySet, Property } from './schema';

/** The rows a collection request addresses, before paging, and the properties they have. */
export interface ResultSet {
  properties: readonly Property[];
  length: number;
  at(index: number): ErpRecord;
}

const MAX_CACHED_TABLES = 16;
const tables = new WeakMap<DatasetStore, { version: number; entries: Map<string, Table> }>();

/** `$apply` results cached per dataset version, so paging through a grouped result groups once. */
function cachedTable(store: DatasetStore, key: string, build: () => Table): Table {
  let cache = tables.get(store);
  if (!cache || cache.version !== store.version) {
    cache = { version: store.version, entries: new Map() };
    tables.set(store, cache);
  }
  let table = cache.entries.get(key);
  if (!table) {
    if (cache.entries.size >= MAX_CACHED_TABLES) cache.entries.delete(cache.entries.keys().next().value!);
    table = build();
    cache.entries.set(key, table);
  }
  return table;
}

/**
 * Resolves `$apply`, `$filter` and `$orderby` into the result set. Every 400 found is collected
 * (the `$apply` ones first, since the others are checked against what it produces).
 */
export function resultSet(store: DatasetStore, set: EntitySet, o: QueryOptions, failures: ODataFailure[]): ResultSet | null {
  const attempt = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch (err) {
      if (!(err instanceof ODataFailure)) throw err;
      failures.push(err);
      return null;
    }
  };
  if (o.apply !== null) {
    const steps = o.apply;
    const key = `${o.raw.apply}|${o.raw.filter}|${o.raw.orderby}`;
    const table = attempt(() => cachedTable(store, key, () => refine(runApply({ rows: liveRecords(store), properties: set.properties }, steps), o)));
    return table ? { properties: table.properties, length: table.rows.length, at: (i) => table.rows[i]! } : null;
  }
  const scope = scopeOf(set.properties);
  const keep = o.filter === null ? null : attempt(() => compileFilter(o.filter!, scope, '$filter'));
  const order = attempt(() => resolveOrder(o.orderby, set.properties));
  if (failures.length > 0 || order === null) return null;
  const rows = keep === null && order.length === 0 ? store.select({}) : store.cached(`odata|${o.raw.filter}|${o.raw.orderby}`, () => filteredPositions(store, keep, order));
  return { properties: set.properties, length: rows.length, at: (i) => store.recordAt(rows[i]!) };
}

const liveRecords = (store: DatasetStore): ErpRecord[] => Array.from(store.select({}), (pos) => store.recordAt(pos));

function filteredPositions(store: DatasetStore, keep: ((r: ErpRecord) => boolean) | null, order: readonly ResolvedOrder[]): Int32Array {
  const live = store.select({});
  const rows = keep === null ? live : live.filter((pos) => keep(store.recordAt(pos)));
  if (order.length === 0) return rows;
  const compare = comparator(order);
  // Ties keep id order: positions ascend with ids.
  return Int32Array.from(Array.from(rows).sort((a, b) => compare(store.recordAt(a), store.recordAt(b)) || a - b));
}

/** `$filter` and `$orderby` on what `$apply` produced. */
function refine(table: Table, o: QueryOptions): Table {
  const keep = o.filter === null ? null : compileFilter(o.filter, scopeOf(table.properties), '$filter');
  const order = resolveOrder(o.orderby, table.properties);
  let rows = keep === null ? table.rows : table.rows.filter(keep);
  if (order.length > 0) rows = [...rows].sort(comparator(order));
  return { rows, properties: table.properties };
}

interface ResolvedOrder {
  property: Property;
  descending: boolean;
}

function resolveOrder(items: readonly OrderBy[], properties: readonly Property[]): ResolvedOrder[] {
  return items.map((item) => {
    const property = properties.find((p) => p.name === item.name);
    if (!property) throw badQuery('$orderby', `Unknown property "${item.name}" in $orderby; properties are: ${properties.map((p) => p.name).join(', ')}.`);
    return { property, descending: item.descending };
  });
}

const comparator = (order: readonly ResolvedOrder[]) => (a: ErpRecord, b: ErpRecord): number => {
  for (const { property, descending } of order) {
    const c = compareScalars(property.get(a), property.get(b));
    if (c !== 0) return descending ? -c : c;
  }
  return 0;
};

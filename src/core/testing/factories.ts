import type { Catalog, MetricDef } from '../catalog';
import { parseDateValue } from '../periods';
import { tableFromRows, type ObservationRow, type ObservationTable } from '../engine';

/** A valid metric with sensible defaults; override what the test is about. */
export function makeMetric(overrides: Partial<MetricDef> & Pick<MetricDef, 'id'>): MetricDef {
  const base: MetricDef = {
    id: overrides.id,
    name: { 'zh-CN': overrides.id, 'en-US': overrides.id },
    category: 'test',
    unit: 'currency',
    direction: 'higherIsBetter',
    kind: 'base',
  };
  return { ...base, ...overrides };
}

export function makeCatalog(metrics: MetricDef[], overrides: Partial<Catalog> = {}): Catalog {
  return { schemaVersion: 1, currency: 'CNY', metrics, ...overrides };
}

/** Ledger rows from compact tuples: [date, account, amount in currency units, dimensions]. */
export function ledger(rows: ReadonlyArray<[string, string, number, Record<string, string>?]>, scale = 2): ObservationTable {
  const obs: ObservationRow[] = rows.map(([date, account, amount, dims]) => {
    const parsed = parseDateValue(date);
    if (!parsed) throw new Error(`bad test date ${date}`);
    return { day: parsed.day, measures: { amount: Math.round(amount * 10 ** scale) }, text: { account, ...dims } };
  });
  return tableFromRows(obs, scale);
}

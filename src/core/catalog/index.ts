export {
  AGGREGATIONS,
  METRIC_KINDS,
  SCHEMA_VERSION,
  STATUSES,
  UNITS,
  catalogJsonSchema,
  type Aggregation,
  type Catalog,
  type MetricDef,
  type MetricKind,
  type Unit,
} from './schema';
export { parseCatalog, validateCatalog, calendarOf, type CatalogCheck } from './validate';
export { metricExpression } from './compile';
export { CURRENCIES } from './currencies';

import { arr, dict, num, obj, oneOf, optional, required, str, type Infer, type JsonSchema } from './shape';
import { sourcesShape } from '../sources/checks';

export const SCHEMA_VERSION = 1;

export const UNITS = ['currency', 'ratio', 'percent', 'days', 'times', 'count', 'months'] as const;
export const AGGREGATIONS = ['sum', 'count', 'avg', 'min', 'max', 'last', 'opening', 'closing', 'averageBalance'] as const;
export const METRIC_KINDS = ['base', 'ratio', 'derived', 'cumulative', 'offset'] as const;
export const STATUSES = ['draft', 'inReview', 'published', 'deprecated'] as const;
export const SEVERITIES = ['notice', 'warning', 'critical'] as const;

const ID = /^[a-z][a-z0-9_]*$/;
const text = (doc?: string) => str({ minLength: 1, doc });

const localized = obj(
  { 'zh-CN': required(text()), 'en-US': required(text()) },
  { doc: 'Text in Simplified Chinese and US English' },
);

const caliber = obj(
  {
    includes: optional(text(), 'What is counted (accounts, entities, transactions)'),
    excludes: optional(text(), 'What is left out'),
    vat: optional(oneOf(['inclusive', 'exclusive', 'notApplicable'] as const), 'Amounts with or without VAT'),
    dayBasis: optional(oneOf([360, 365, 'actual'] as const), 'Days in a year for day-based ratios (DSO, DIO, DPO)'),
    balance: optional(oneOf(['ending', 'average', 'notApplicable'] as const), 'Ending or average balance for balance-sheet inputs'),
    notes: optional(text()),
  },
  { doc: '口径: the precise scope of the metric' },
);

const target = obj({
  period: required(str({ doc: 'Period key: 2026-01, 2026-Q1 / FY2026-Q1, 2026 / FY2026' })),
  value: required(num()),
  kind: optional(oneOf(['target', 'budget'] as const)),
});

const threshold = obj({
  severity: required(oneOf(SEVERITIES)),
  when: required(oneOf(['above', 'below'] as const)),
  value: required(num()),
  basis: optional(oneOf(['absolute', 'percentOfTarget'] as const), 'Compare the value itself, or value as % of target (1 = 100%)'),
});

const visibility = obj({
  roles: optional(arr(text())),
  departments: optional(arr(text())),
});

const metricFields = {
  id: required(str({ pattern: ID, hint: 'lower_snake_case, starting with a letter' }), 'Stable id used in formulas'),
  name: required(localized),
  description: optional(localized),
  caliber: optional(caliber),
  category: required(text()),
  unit: required(oneOf(UNITS)),
  currency: optional(str({ pattern: /^[A-Z]{3}$/, hint: 'ISO 4217 code such as CNY' }), 'Defaults to the catalog currency'),
  decimals: optional(num({ integer: true, min: 0, max: 6 })),
  direction: required(oneOf(['higherIsBetter', 'lowerIsBetter', 'neutral'] as const)),
  owner: optional(text()),
  department: optional(text()),
  tags: optional(arr(text())),
  status: optional(oneOf(STATUSES)),
  version: optional(num({ integer: true, min: 1 })),
  kind: required(oneOf(METRIC_KINDS)),
  // base
  source: optional(text(), 'Source id; defaults to "ledger"'),
  accounts: optional(arr(text(), { minItems: 1 }), 'Account codes; "6001*" matches every account starting with 6001'),
  excludeAccounts: optional(arr(text())),
  measure: optional(text(), 'Field holding the amount; defaults to "amount"'),
  aggregation: optional(oneOf(AGGREGATIONS)),
  filters: optional(dict(arr(text())), 'Dimension → allowed members, e.g. {"department": ["East-1"]}'),
  sign: optional(oneOf([1, -1] as const), '-1 flips credit-normal accounts (revenue, liabilities) to positive'),
  // ratio
  numerator: optional(str({ pattern: ID })),
  denominator: optional(str({ pattern: ID })),
  // derived
  formula: optional(text(), 'e.g. DIVIDE(gross_profit, revenue)'),
  // cumulative and offset
  of: optional(str({ pattern: ID })),
  window: optional(oneOf(['ytd', 'qtd', 'rolling'] as const)),
  offset: optional(oneOf(['prior', 'lastYear'] as const)),
  periods: optional(num({ integer: true, min: 1, max: 120 })),
  // governance
  targets: optional(arr(target)),
  thresholds: optional(arr(threshold)),
  sensitivity: optional(num({ min: 0, max: 100 }), 'Anomaly detection sensitivity 0–100 for this metric (higher flags more; default: the run setting)'),
  visibility: optional(visibility),
};

/** Which optional fields each kind needs and which it may use. */
export const KIND_FIELDS: Readonly<Record<(typeof METRIC_KINDS)[number], { needs: readonly string[]; may: readonly string[] }>> = {
  base: { needs: [], may: ['source', 'accounts', 'excludeAccounts', 'measure', 'aggregation', 'filters', 'sign'] },
  ratio: { needs: ['numerator', 'denominator'], may: [] },
  derived: { needs: ['formula'], may: [] },
  cumulative: { needs: ['of', 'window'], may: ['periods'] },
  offset: { needs: ['of', 'offset'], may: ['periods'] },
};
export const KIND_SPECIFIC_FIELDS: ReadonlySet<string> = new Set(Object.values(KIND_FIELDS).flatMap((k) => [...k.needs, ...k.may]));

const kindRules: JsonSchema[] = Object.entries(KIND_FIELDS).map(([kind, { needs }]) => ({
  if: { properties: { kind: { const: kind } }, required: ['kind'] },
  then: { required: needs },
}));

export const metricShape = obj(metricFields, { doc: 'One metric definition', extra: { allOf: kindRules } });

export const catalogShape = obj(
  {
    $schema: optional(str()),
    schemaVersion: required(oneOf([SCHEMA_VERSION] as const)),
    id: optional(str({ pattern: ID })),
    name: optional(localized),
    currency: required(str({ pattern: /^[A-Z]{3}$/, hint: 'ISO 4217 code such as CNY' })),
    fiscalYearStartMonth: optional(num({ integer: true, min: 1, max: 12 })),
    fiscalYearLabel: optional(oneOf(['end', 'start'] as const)),
    metrics: required(arr(metricShape)),
    sources: optional(sourcesShape, 'ERP sources (REST/JSON, OData) that metrics name in "source"; credentials are referenced by secret name'),
  },
  { doc: 'A FinPulse metric catalog' },
);

export type MetricDef = Infer<typeof metricShape>;
export type Catalog = Infer<typeof catalogShape>;
export type Aggregation = (typeof AGGREGATIONS)[number];
export type MetricKind = (typeof METRIC_KINDS)[number];
export type Unit = (typeof UNITS)[number];

/** The catalog's JSON Schema (draft 2020-12), for editors' autocomplete and validation. */
export function catalogJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://finpulse.dev/schema/catalog-v1.json',
    title: 'FinPulse metric catalog',
    ...catalogShape.schema(),
  };
}

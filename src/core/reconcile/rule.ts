import type { MetricDef } from '../catalog';
import { metricShape, SEVERITIES } from '../catalog/schema';
import { arr, num, obj, oneOf, optional, required, str, type Infer, type JsonSchema } from '../catalog/shape';
import type { Localized } from '../i18n';
import type { Severity } from '../anomaly';
import { GRAINS, type Grain } from '../periods';

export interface ReconcileSide {
  /** Name of a source (observation table) as in EvaluateOptions.sources, e.g. 'workbook', 'erp-gl', 'ar'. */
  source: string;
  /** Further sources read together with `source` as one table (a sub-ledger split over datasets). */
  plus?: string[];
  /** A catalog metric id evaluated with its base metrics reading `source` instead of their own source. */
  metric: string;
  /** Periods to shift this side by: -1 compares this period with the previous period's value (opening vs last closing). */
  shift?: number;
  label?: Localized;
}

export interface ReconcileRule {
  id: string;
  name: Localized;
  left: ReconcileSide;
  right: ReconcileSide;
  /** A period agrees when |left − right| ≤ max(absolute, percent% × |left|). At least one is required. */
  tolerance: { absolute?: number; percent?: number };
  /** Default month. */
  grain?: Grain;
  /** Period keys. */
  from?: string;
  to?: string;
  /** Dimensions to trace differences by (default: every text column both sides share except the row key). */
  traceBy?: string[];
  /** Text column that identifies a row on both sides (e.g. 'entryId' / 'id' / 'document'); rows are matched by it, else by (day, account, amount). */
  rowKey?: string;
  /** Of a break; default 'warning', escalated to 'critical' beyond 10× tolerance. */
  severity?: Severity;
  /** Metrics the rule's sides use that are not in the catalog (filled by validateReconcileRules from the file's `metrics`). */
  metrics?: MetricDef[];
}

const text = () => str({ minLength: 1 });
const localized = obj({ 'zh-CN': required(text()), 'en-US': required(text()) }, { doc: 'Text in Simplified Chinese and US English' });
const ID = /^[a-z][a-z0-9_-]*$/;

const sideShape = obj(
  {
    source: required(text(), 'Source name as loaded by the run, e.g. "erp_gl" or "workbook"'),
    plus: optional(arr(text()), 'Sources read together with "source" as one table, e.g. receipts mapped with sign -1'),
    metric: required(text(), 'Metric id from the catalog or from this file\'s "metrics"'),
    shift: optional(num({ integer: true, min: -120, max: 120 }), '-1 compares with the previous period (opening vs last closing)'),
    label: optional(localized),
  },
  { doc: 'One side of a reconciliation' },
);

export const ruleShape = obj(
  {
    id: required(str({ pattern: ID, hint: 'lower case letters, digits, _ and -, starting with a letter' })),
    name: required(localized),
    left: required(sideShape),
    right: required(sideShape),
    tolerance: required(
      obj({ absolute: optional(num({ min: 0 }), 'In the metric\'s unit, e.g. 0.01 for one cent'), percent: optional(num({ min: 0, max: 100 }), 'Percent of |left|') }),
      'A period agrees when |left − right| ≤ max(absolute, percent% × |left|)',
    ),
    grain: optional(oneOf(GRAINS)),
    from: optional(text(), 'First period key, e.g. 2024-02'),
    to: optional(text(), 'Last period key'),
    traceBy: optional(arr(text()), 'Dimensions to trace a difference by'),
    rowKey: optional(text(), 'Text column identifying a row on both sides, e.g. "id"; else rows match by day, account and amount'),
    severity: optional(oneOf(SEVERITIES)),
  },
  { doc: 'Two computations of the same metric that must agree' },
);

export const reconcileFileShape = obj(
  {
    $schema: optional(str()),
    metrics: optional(arr(metricShape), 'Metrics used only for reconciling (movement of a balance, an opening balance…)'),
    rules: required(arr(ruleShape)),
  },
  { doc: 'FinPulse reconciliation rules' },
);

/** JSON Schema of a reconciliation file, for editors. */
export function reconcileJsonSchema(): JsonSchema {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'FinPulse reconciliations', ...reconcileFileShape.schema() };
}

// A compile error here means the shape accepts something the ReconcileRule type does not describe.
const shapeFitsType: Infer<typeof ruleShape> extends Omit<ReconcileRule, 'metrics'> ? true : never = true;
void shapeFitsType;

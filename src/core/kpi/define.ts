import type { MetricDef, Unit } from '../catalog';
import type { Localized } from '../i18n';

export const CATEGORIES = ['profitability', 'liquidity', 'efficiency', 'leverage', 'cash', 'budget', 'growth'] as const;
export type Category = (typeof CATEGORIES)[number];

export const OWNERS = {
  controller: 'Group Controller',
  fpa: 'FP&A',
  financeBp: 'Finance BP',
  treasury: 'Treasury',
} as const;

type Threshold = NonNullable<MetricDef['thresholds']>[number];

export const t = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

export const warnBelow = (value: number): Threshold => ({ severity: 'warning', when: 'below', value });
export const critBelow = (value: number): Threshold => ({ severity: 'critical', when: 'below', value });
export const warnAbove = (value: number): Threshold => ({ severity: 'warning', when: 'above', value });
export const critAbove = (value: number): Threshold => ({ severity: 'critical', when: 'above', value });

/**
 * Annualises a period flow on the 365-day basis: ×12 for a month, ×4 for a quarter, ×1 for a year,
 * so ratios of flows to balances read the same at every grain. Metrics using it set dayBasis 365.
 */
export const ANNUALISED = '* 365 / DAYS()';

const DISPLAY_DECIMALS: Record<Unit, number> = { currency: 2, ratio: 2, percent: 1, days: 1, times: 2, count: 0, months: 1 };

/** Key order of the published JSON: what a reviewer reads first comes first. */
const KEY_ORDER: ReadonlyArray<keyof MetricDef> = [
  'id', 'name', 'description', 'category', 'kind',
  'source', 'accounts', 'excludeAccounts', 'measure', 'aggregation', 'filters', 'sign',
  'numerator', 'denominator', 'formula', 'of', 'window', 'offset', 'periods',
  'unit', 'currency', 'decimals', 'direction', 'caliber', 'targets', 'thresholds', 'visibility',
  'tags', 'owner', 'department', 'status', 'version',
];

export type KpiDraft = Omit<MetricDef, 'category' | 'name' | 'description' | 'tags'> & {
  category: Category;
  name: Localized;
  description: Localized;
  tags: string[];
};

/** A published, version-1 library metric with display decimals and owner defaulted, keys in reading order. */
export function kpi(draft: KpiDraft): MetricDef {
  const full: MetricDef = {
    decimals: DISPLAY_DECIMALS[draft.unit],
    owner: OWNERS.financeBp,
    status: 'published',
    version: 1,
    ...draft,
    name: { ...draft.name },
    description: { ...draft.description },
  };
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (full[key] !== undefined) ordered[key] = full[key];
  return ordered as MetricDef;
}

/** Account patterns as the mutable array the schema type expects. */
export const accounts = (patterns: readonly string[]): string[] => [...patterns];

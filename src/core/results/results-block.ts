import type { CellValue } from '../a1';
import type { Catalog, MetricDef } from '../catalog';
import type { Evaluation } from '../engine';
import type { Locale } from '../i18n';
import { targetFor, thresholdStatus, type Status } from './status';

export interface FindingRef {
  id: string;
  severity: 'notice' | 'warning' | 'critical';
}

export interface ResultsBlock {
  values: CellValue[][];
  numberFormats: string[][];
  /** What each data row (values[i + 1]) stands for. */
  rows: Array<{ metricId: string; period: string; value: number | null; status: Status }>;
}

const NUMBER_FORMATS: Record<MetricDef['unit'], string> = {
  currency: '#,##0.00',
  percent: '0.0%',
  ratio: '0.00',
  times: '0.00',
  days: '0.0',
  months: '0.0',
  count: '#,##0',
};

const HEADERS: Record<Locale, string[]> = {
  'en-US': ['Metric', 'Name', 'Period', 'Value', 'Unit', 'Target', 'Status', 'Finding', 'Note'],
  'zh-CN': ['指标', '名称', '期间', '值', '单位', '目标', '状态', '发现', '说明'],
};

export const STATUS_TEXT: Record<Locale, Record<Status, string>> = {
  'en-US': { ok: 'OK', notice: 'Notice', warning: 'Warning', critical: 'Critical', error: 'Error' },
  'zh-CN': { ok: '正常', notice: '注意', warning: '警告', critical: '危急', error: '错误' },
};

/**
 * The results sheet as one 2-D block: a row per metric and period (totals only) with value, target,
 * threshold status and the finding that marks it. Text cells carry the text format so a name that
 * starts with `=` stays text in every host.
 */
export function resultsBlock(ev: Evaluation, catalog: Catalog, locale: Locale, findings: ReadonlyMap<string, FindingRef> = new Map()): ResultsBlock {
  const defs = new Map(catalog.metrics.map((m) => [m.id, m] as const));
  const text = '@';
  const values: CellValue[][] = [HEADERS[locale]];
  const numberFormats: string[][] = [HEADERS[locale].map(() => text)];
  const rows: ResultsBlock['rows'] = [];
  for (const v of ev.values) {
    if (v.member !== undefined) continue;
    const def = defs.get(v.metricId);
    if (!def) continue;
    const target = targetFor(def, v.period);
    const finding = findings.get(`${v.metricId}|${v.period}`);
    const status = finding && v.value !== null ? finding.severity : thresholdStatus(def, v.value, target);
    const unit = def.unit === 'currency' ? (def.currency ?? catalog.currency) : def.unit;
    values.push([
      v.metricId,
      def.name[locale],
      v.period,
      v.value ?? `#${v.error?.kind ?? 'NUM'}`,
      unit,
      target ?? null,
      STATUS_TEXT[locale][status],
      finding?.id ?? null,
      v.error?.message[locale] ?? null,
    ]);
    const numeric = NUMBER_FORMATS[def.unit];
    numberFormats.push([text, text, text, v.value === null ? text : numeric, text, numeric, text, text, text]);
    rows.push({ metricId: v.metricId, period: v.period, value: v.value, status });
  }
  return { values, numberFormats, rows };
}

import { validateCatalog, type MetricDef } from '../core/catalog';
import { evaluateCatalog, type MetricValue } from '../core/engine';
import { formatValue, unitLabel } from '../core/format';
import { ingestCsv } from '../core/ingest';
import type { PaneModel, PaneMetricRow } from '../ui/app/model';
import catalogJson from '../../examples/catalog.json';
import budgetCsv from '../../examples/budget.csv';
import forecastCsv from '../../examples/forecast.csv';
import ledgerCsv from '../../examples/ledger.csv';

const SHOWN_PERIODS = 6;

/**
 * The workbench's model: the real engine over the demo ledger and budget in examples/, the KPI
 * library as the catalog. Nothing here is precomputed.
 */
export function loadDemoModel(locale: PaneModel['locale'] = 'zh-CN'): PaneModel {
  const { catalog, problems } = validateCatalog(catalogJson);
  if (!catalog) return { title: 'FinPulse demo', locale, periods: [], rows: [], warnings: problems.map((p) => `${p.path}: ${p.message[locale]}`) };
  const ledger = ingestCsv(ledgerCsv);
  const budget = ingestCsv(budgetCsv, { source: 'budget' });
  const forecast = ingestCsv(forecastCsv, { source: 'forecast' });
  const sources = { ledger: ledger.table, budget: budget.table, forecast: forecast.table };
  const ev = evaluateCatalog({ catalog, sources, grain: 'month' });
  const periods = ev.periods.slice(-SHOWN_PERIODS);
  const cells = new Map<string, MetricValue>(ev.values.map((v) => [`${v.metricId}|${v.period}`, v]));
  const rows = catalog.metrics
    .filter((m) => m.kind !== 'base')
    .map((m): PaneMetricRow => ({
      id: m.id,
      name: m.name,
      unitLabel: unitLabel(m, catalog.currency, locale),
      periods: periods.map((p) => cell(m, cells.get(`${m.id}|${p}`), p, locale)),
    }));
  const warnings = [...ledger.problems, ...budget.problems, ...forecast.problems, ...ev.problems].map((p) => p.message[locale]);
  return { title: locale === 'zh-CN' ? '演示工作簿' : 'Demo workbook', locale, periods, rows, warnings };
}

function cell(m: MetricDef, v: MetricValue | undefined, period: string, locale: PaneModel['locale']): PaneMetricRow['periods'][number] {
  if (!v) return { period, display: '' };
  if (v.value === null) return { period, display: `#${v.error?.kind ?? 'NUM'}`, error: v.error?.message[locale] ?? '' };
  return { period, display: formatValue(v.value, m, locale) };
}

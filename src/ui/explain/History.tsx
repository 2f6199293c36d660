import type { Finding } from '../../core/anomaly';
import type { PeriodKey } from '../../core/brand';
import type { MetricDef } from '../../core/catalog';
import type { Evaluation } from '../../core/engine';
import { formatValue } from '../../core/format';
import type { Locale } from '../../core/i18n';
import { TrendChart, axisLabels, findingOverlay, metricSeries } from '../charts';

const HISTORY_PERIODS = 24;

/** The metric's series up to two years around `period`, with its band, flags and `period` highlighted. */
export function History({ def, period, evaluation, findings, locale }: { def: MetricDef; period: PeriodKey | undefined; evaluation: Evaluation; findings: readonly Finding[]; locale: Locale }) {
  const end = period === undefined ? evaluation.periods.length : evaluation.periods.indexOf(period) + 1;
  // Later periods stay out: the finding was judged on the periods up to it.
  const trimmed = { ...evaluation, periods: evaluation.periods.slice(0, end > 0 ? end : evaluation.periods.length) };
  const series = metricSeries(trimmed, def.id, HISTORY_PERIODS);
  const overlay = findingOverlay(findings, def.id, series.periods);
  const highlight = period === undefined ? undefined : series.periods.indexOf(period);
  return (
    <TrendChart
      name={def.name[locale]}
      periods={series.periods}
      values={series.values}
      lower={overlay.lower}
      upper={overlay.upper}
      flagged={overlay.flagged}
      {...(highlight !== undefined && highlight >= 0 ? { highlight } : {})}
      format={(v) => formatValue(v, def, locale)}
      tickLabels={axisLabels(def.unit, locale)}
      locale={locale}
    />
  );
}

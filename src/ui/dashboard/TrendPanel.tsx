import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core/anomaly';
import type { MetricDef } from '../../core/catalog';
import type { Evaluation } from '../../core/engine';
import type { Locale } from '../../core/i18n';
import { TrendChart, axisLabels, findingOverlay, metricSeries } from '../charts';
import { valueText } from './format';
import { dashboardText } from './strings';

const TREND_PERIODS = 24;

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The selected KPI over the last two years with the detectors' expected band and flagged periods. */
export function TrendPanel({ def, evaluation, findings, locale }: { def: MetricDef; evaluation: Evaluation; findings: readonly Finding[]; locale: Locale }) {
  const styles = useStyles();
  const series = metricSeries(evaluation, def.id, TREND_PERIODS);
  const overlay = findingOverlay(findings, def.id, series.periods);
  const name = def.name[locale];
  return (
    <section className={styles.root} aria-label={dashboardText('trend', locale, { name })}>
      <Text as="h3" size={300} weight="semibold">
        {dashboardText('trend', locale, { name })}
      </Text>
      <TrendChart
        name={name}
        periods={series.periods}
        values={series.values}
        lower={overlay.lower}
        upper={overlay.upper}
        flagged={overlay.flagged}
        format={(v) => valueText(def, v, locale)}
        tickLabels={axisLabels(def.unit, locale)}
        locale={locale}
      />
      <Text size={100} className={styles.hint}>
        {dashboardText('trendHint', locale)}
      </Text>
    </section>
  );
}

import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Acknowledgement } from '../../core/alerts';
import type { Driver, Finding } from '../../core/anomaly';
import type { MetricDef } from '../../core/catalog';
import { formatValue } from '../../core/format';
import type { Locale } from '../../core/i18n';
import { BarList, dimensionName } from '../charts';
import { AckHistory, FindingActions, KIND_NAMES, SeverityBadge, detectorName, findingPlace } from '../findings';
import type { PaneActions } from '../session/state';
import { explainText } from './strings';

const useStyles = makeStyles({
  card: {
    display: 'grid',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: 0 },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
});

/** The band as people say it: a range, or one side when a rule guards only one. */
export function bandText(f: Pick<Finding, 'lower' | 'upper'>, format: (v: number) => string, locale: Locale): string {
  if (f.lower !== null && f.upper !== null) return `${format(f.lower)} – ${format(f.upper)}`;
  if (f.lower !== null) return explainText('atLeast', locale, { value: format(f.lower) });
  if (f.upper !== null) return explainText('atMost', locale, { value: format(f.upper) });
  return '—';
}

export function impactKey(favourable: boolean | null): 'favourable' | 'unfavourable' | 'neutral' {
  return favourable === null ? 'neutral' : favourable ? 'favourable' : 'unfavourable';
}

/** Members that moved the number: shares that round to 0% say nothing, and a pane has room for a few. */
const MAX_DRIVERS = 6;
export function mainDrivers(drivers: readonly Driver[]): Driver[] {
  return drivers.filter((d) => Math.abs(d.share) >= 0.005).slice(0, MAX_DRIVERS);
}

export interface FindingDetailProps {
  finding: Finding;
  def: MetricDef | undefined;
  metric: string;
  acks: readonly Acknowledgement[];
  user: string;
  locale: Locale;
  actions: PaneActions;
}

/** One finding in full: the sentence, actual against expected and band, the rule, drivers, acknowledgement. */
export function FindingDetail({ finding: f, def, metric, acks, user, locale, actions }: FindingDetailProps) {
  const styles = useStyles();
  const format = (v: number) => (def ? formatValue(v, def, locale) : String(v));
  const impact = impactKey(f.favourable);
  const facts: Array<[string, string]> = [
    [explainText('actual', locale), f.actual === null ? '—' : format(f.actual)],
    [explainText('expected', locale), f.expected === null ? '—' : format(f.expected)],
    [explainText('band', locale), bandText(f, format, locale)],
    [explainText('rule', locale), `${KIND_NAMES[f.kind][locale]} · ${detectorName(f.detector, locale)}`],
    [explainText('score', locale), f.score.toFixed(2)],
  ];
  const place = findingPlace(f);
  const dimension = f.drivers[0] ? dimensionName(f.drivers[0].dimension, locale) : undefined;
  return (
    <article className={styles.card} aria-label={`${metric}, ${place}`}>
      <div className={styles.head}>
        <SeverityBadge severity={f.severity} locale={locale} />
        <Badge appearance="outline" color={impact === 'favourable' ? 'success' : impact === 'unfavourable' ? 'danger' : 'subtle'}>
          {explainText(impact, locale)}
        </Badge>
        <Text weight="semibold">{metric}</Text>
        <Text size={200}>{place}</Text>
      </div>
      <Text>{f.explanation[locale]}</Text>
      <dl className={styles.facts}>
        {facts.map(([term, detail]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>
      {dimension === undefined ? (
        <Text size={200}>{explainText('noDrivers', locale)}</Text>
      ) : (
        <>
          <Text size={200} weight="semibold">
            {explainText('drivers', locale, { dimension })}
          </Text>
          <BarList label={explainText('drivers', locale, { dimension })} items={mainDrivers(f.drivers).map((d) => ({ key: `${d.dimension}|${d.member}`, label: d.member, value: d.share, display: `${Math.round(d.share * 100)}%` }))} />
        </>
      )}
      <FindingActions finding={f} metric={metric} place={place} user={user} locale={locale} actions={actions} emphasis="primary" />
      <Text size={200} weight="semibold">
        {explainText('acknowledgements', locale)}
      </Text>
      <AckHistory acks={acks} locale={locale} />
    </article>
  );
}

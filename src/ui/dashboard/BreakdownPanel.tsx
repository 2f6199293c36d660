import { Button, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PeriodKey } from '../../core/brand';
import type { MetricDef } from '../../core/catalog';
import type { MetricValue } from '../../core/engine';
import type { Locale } from '../../core/i18n';
import { BarList, dimensionName } from '../charts';
import type { PaneActions } from '../session/state';
import { breakdownKey, rankMembers } from './breakdown';
import { signedPercent, valueText } from './format';
import { dashboardText } from './strings';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalS },
  controls: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface BreakdownPanelProps {
  def: MetricDef;
  period: PeriodKey | undefined;
  dimensions: readonly string[];
  breakdowns: Readonly<Record<string, readonly MetricValue[]>>;
  locale: Locale;
  actions: PaneActions;
}

/** The selected KPI by department, product…: the session computes it on demand, the panel ranks members. */
export function BreakdownPanel({ def, period, dimensions, breakdowns, locale, actions }: BreakdownPanelProps) {
  const styles = useStyles();
  const [dimension, setDimension] = useState(dimensions[0] ?? '');
  const [requested, setRequested] = useState<string | undefined>();
  if (!dimensions.length) return <Text>{dashboardText('noDimensions', locale)}</Text>;
  const key = breakdownKey(def.id, dimension);
  const values = Object.hasOwn(breakdowns, key) ? breakdowns[key] : undefined;
  const members = values ? rankMembers(values, period) : [];
  const caption = dashboardText('members', locale, { name: def.name[locale], dimension: dimensionName(dimension, locale), period: period ?? '' });
  const load = () => {
    setRequested(key);
    void actions.loadBreakdown(def.id, dimension);
  };
  return (
    <section className={styles.root} aria-label={dashboardText('drill', locale)}>
      <Text as="h3" size={300} weight="semibold">
        {dashboardText('drill', locale)}
      </Text>
      <div className={styles.controls}>
        <Field label={dashboardText('dimension', locale)} size="small">
          <Select value={dimension} onChange={(_, d) => setDimension(d.value)}>
            {dimensions.map((d) => (
              <option key={d} value={d}>
                {dimensionName(d, locale)}
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" onClick={load}>
          {dashboardText('breakDown', locale)}
        </Button>
      </div>
      {values === undefined && requested === key && <Spinner size="tiny" label={dashboardText('loading', locale)} />}
      {values !== undefined &&
        (members.length ? (
          <BarList
            label={caption}
            items={members.map((m) => ({
              key: m.member,
              label: m.member,
              value: m.value,
              display: m.share === null ? valueText(def, m.value, locale) : `${valueText(def, m.value, locale)} · ${signedPercent(m.share, locale).replace(/^\+/, '')}`,
            }))}
          />
        ) : (
          <Text>{dashboardText('noMembers', locale, { period: period ?? '' })}</Text>
        ))}
    </section>
  );
}

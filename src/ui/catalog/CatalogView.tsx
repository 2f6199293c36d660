import { Field, SearchBox, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { type Locale, fillPlaceholders } from '../../core/i18n';
import type { PaneViewProps } from '../session';
import { filterChoices, filterMetrics, NO_FILTER, type CatalogFilter } from './filter';
import { MetricDetail } from './MetricDetail';
import { CATALOG_STRINGS as S } from './strings';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: tokens.spacingHorizontalS },
  count: { color: tokens.colorNeutralForeground3 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex', flexDirection: 'column', alignItems: 'flex-start', width: '100%', textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, border: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: 'none', color: tokens.colorNeutralForeground1, cursor: 'pointer', font: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  sub: { color: tokens.colorNeutralForeground3 },
});

const FILTERS = ['category', 'tag', 'owner', 'department'] as const;

/** Search and filter the catalog; choosing a metric shows its definition and lineage. */
export function CatalogView({ state }: PaneViewProps) {
  const styles = useStyles();
  const l = state.locale;
  const [filter, setFilter] = useState<CatalogFilter>(NO_FILTER);
  const [chosen, setChosen] = useState<string | undefined>();
  const choices = useMemo(() => filterChoices(state.catalog), [state.catalog]);
  const shown = useMemo(() => filterMetrics(state.catalog.metrics, filter), [state.catalog, filter]);
  const metric = state.catalog.metrics.find((m) => m.id === chosen);
  if (metric) return <MetricDetail catalog={state.catalog} metric={metric} locale={l} onBack={() => setChosen(undefined)} onOpen={setChosen} />;
  return (
    <section className={styles.view} aria-label={S.list[l]}>
      <Field label={S.search[l]}>
        <SearchBox placeholder={S.searchHint[l]} value={filter.text} onChange={(_, d) => setFilter({ ...filter, text: d.value })} />
      </Field>
      <div className={styles.filters}>
        {FILTERS.map((key) => (
          <FilterSelect key={key} label={S[key][l]} value={filter[key]} options={choices[key]} locale={l} onChange={(value) => setFilter({ ...filter, [key]: value })} />
        ))}
      </div>
      <Text size={200} className={styles.count} aria-live="polite">
        {fillPlaceholders(S.count[l], { shown: shown.length, total: state.catalog.metrics.length })}
      </Text>
      {shown.length === 0 && <Text>{S.none[l]}</Text>}
      <ul className={styles.list}>
        {shown.map((m) => (
          <li key={m.id}>
            <button type="button" className={styles.item} onClick={() => setChosen(m.id)}>
              <Text weight="semibold">{m.name[l]}</Text>
              <Text size={200} className={styles.sub}>
                {m.id} · {m.category}
                {m.owner ? ` · ${m.owner}` : ''}
              </Text>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FilterSelect(props: { label: string; value: string; options: readonly string[]; locale: Locale; onChange: (value: string) => void }) {
  return (
    <Field label={props.label} size="small">
      <Select size="small" value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{S.any[props.locale]}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </Field>
  );
}

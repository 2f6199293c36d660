import { Button, Field, Select, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { FindingKind, Severity } from '../../core/anomaly';
import type { PaneActions, PaneState } from '../session/state';
import { FindingRow } from './FindingRow';
import { DEFAULT_FILTER, FINDING_SORTS, ackHistory, filterFindings, kindsOf, latestAcknowledgements, metricName, sortFindings, type AckFilter, type FindingFilter, type FindingSort } from './model';
import { KIND_NAMES, SEVERITY_NAMES, findingsText, type FindingsStringKey } from './strings';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalM },
  toolbar: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
  severities: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'notice'];
const ACK_FILTERS: Record<AckFilter, FindingsStringKey> = { all: 'statusAll', open: 'statusOpen', acknowledged: 'statusAcknowledged' };
const SORT_LABELS: Record<FindingSort, FindingsStringKey> = { severity: 'sortSeverity', period: 'sortPeriod', metric: 'sortMetric', score: 'sortScore' };

/** Every finding of the last refresh: filter by severity, status and kind, sort, acknowledge, explain. */
export function FindingsView({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const styles = useStyles();
  const { locale } = state;
  const [filter, setFilter] = useState<FindingFilter>(DEFAULT_FILTER);
  const [sort, setSort] = useState<FindingSort>('severity');
  const all = state.results?.findings;
  const latest = useMemo(() => latestAcknowledgements(state.acknowledgements), [state.acknowledgements]);
  const shown = useMemo(() => {
    const name = (id: string) => metricName(state.catalog, id, locale);
    return sortFindings(filterFindings(all ?? [], filter, latest), sort, name);
  }, [all, filter, latest, sort, state.catalog, locale]);

  if (all === undefined || all.length === 0) {
    return (
      <section className={styles.root} aria-label={findingsText('title', locale)}>
        <Text>{findingsText('empty', locale)}</Text>
        <Button appearance="primary" onClick={() => void actions.refreshAll()}>
          {findingsText('refreshAll', locale)}
        </Button>
      </section>
    );
  }
  const toggleSeverity = (s: Severity) =>
    setFilter((f) => ({ ...f, severities: f.severities.includes(s) ? f.severities.filter((x) => x !== s) : [...f.severities, s] }));
  return (
    <section className={styles.root} aria-label={findingsText('title', locale)}>
      <div role="group" aria-label={findingsText('severity', locale)} className={styles.severities}>
        {SEVERITIES.map((s) => (
          <ToggleButton key={s} size="small" checked={filter.severities.includes(s)} onClick={() => toggleSeverity(s)}>
            {SEVERITY_NAMES[s][locale]} ({all.filter((f) => f.severity === s).length})
          </ToggleButton>
        ))}
      </div>
      <div className={styles.toolbar}>
        <Field label={findingsText('status', locale)} size="small">
          <Select value={filter.ack} onChange={(_, d) => setFilter((f) => ({ ...f, ack: d.value as AckFilter }))}>
            {(Object.keys(ACK_FILTERS) as AckFilter[]).map((a) => (
              <option key={a} value={a}>
                {findingsText(ACK_FILTERS[a], locale)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={findingsText('kind', locale)} size="small">
          <Select value={filter.kind} onChange={(_, d) => setFilter((f) => ({ ...f, kind: d.value as FindingKind | 'all' }))}>
            <option value="all">{findingsText('allKinds', locale)}</option>
            {kindsOf(all).map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k][locale]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={findingsText('sortBy', locale)} size="small">
          <Select value={sort} onChange={(_, d) => setSort(d.value as FindingSort)}>
            {FINDING_SORTS.map((s) => (
              <option key={s} value={s}>
                {findingsText(SORT_LABELS[s], locale)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text size={200} className={styles.muted} aria-live="polite">
        {findingsText('count', locale, { shown: shown.length, total: all.length })}
      </Text>
      {shown.length === 0 ? (
        <Text>{findingsText('noneMatch', locale)}</Text>
      ) : (
        <ul className={styles.list} aria-label={findingsText('list', locale, { count: shown.length })}>
          {shown.map((f) => (
            <FindingRow
              key={f.id}
              finding={f}
              metric={metricName(state.catalog, f.metricId, locale)}
              acks={ackHistory(state.acknowledgements, f.id)}
              user={state.settings.user}
              locale={locale}
              actions={actions}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

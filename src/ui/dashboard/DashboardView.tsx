import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { PaneActions, PaneState, RefreshResults } from '../session/state';
import { BreakdownPanel } from './BreakdownPanel';
import { KpiCard } from './KpiCard';
import { KpiPicker } from './KpiPicker';
import { defaultKpis, kpiCard } from './kpis';
import { dashboardText } from './strings';
import { TrendPanel } from './TrendPanel';
import { latestVariancePeriod, varianceRows } from './variance';
import { VarianceTable } from './VarianceTable';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalL },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { flexGrow: 1, margin: 0 },
  cards: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(150px, 100%), 1fr))', gap: tokens.spacingHorizontalS },
});

/** KPI cards, the selected KPI's trend and drill-down, and budget vs actual. */
export function DashboardView({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const styles = useStyles();
  const { locale, results } = state;
  if (!results) {
    return (
      <section className={styles.root} aria-label={dashboardText('title', locale)}>
        <Text>{dashboardText('empty', locale)}</Text>
        <Button appearance="primary" onClick={() => void actions.refreshAll()}>
          {dashboardText('refreshAll', locale)}
        </Button>
      </section>
    );
  }
  return <Dashboard state={state} results={results} actions={actions} />;
}

function Dashboard({ state, results, actions }: { state: PaneState; results: RefreshResults; actions: PaneActions }) {
  const styles = useStyles();
  const { locale, catalog } = state;
  const { evaluation, findings } = results;
  const evaluated = useMemo(() => new Set<string>(evaluation.metrics), [evaluation]);
  const metrics = useMemo(() => catalog.metrics.filter((m) => evaluated.has(m.id)), [catalog, evaluated]);
  // The choice lasts while the pane is open; the shell may persist it later (see report).
  const [chosen, setChosen] = useState<string[] | undefined>();
  const ids = useMemo(() => (chosen ?? defaultKpis(catalog)).filter((id) => evaluated.has(id)), [chosen, catalog, evaluated]);
  const [selected, setSelected] = useState<string | undefined>();
  const selectedId = selected !== undefined && ids.includes(selected) ? selected : ids[0];
  const cards = useMemo(
    () => ids.map((id) => metrics.find((m) => m.id === id)).filter((m) => m !== undefined).map((m) => kpiCard(m, evaluation, findings)),
    [ids, metrics, evaluation, findings],
  );
  const variancePeriod = useMemo(() => latestVariancePeriod(catalog, evaluation), [catalog, evaluation]);
  const variance = useMemo(() => (variancePeriod ? varianceRows(catalog, evaluation, variancePeriod) : []), [catalog, evaluation, variancePeriod]);
  const selectedCard = cards.find((c) => c.def.id === selectedId);
  return (
    <section className={styles.root} aria-label={dashboardText('title', locale)}>
      <div className={styles.head}>
        <Text as="h2" size={400} weight="semibold" className={styles.title}>
          {dashboardText('kpis', locale)}
        </Text>
        <KpiPicker metrics={metrics} chosen={ids} locale={locale} onChange={setChosen} onReset={() => setChosen(undefined)} />
      </div>
      <ul className={styles.cards} aria-label={dashboardText('kpis', locale)}>
        {cards.map((card) => (
          <li key={card.def.id}>
            <KpiCard card={card} locale={locale} selected={card.def.id === selectedId} onSelect={() => setSelected(card.def.id)} />
          </li>
        ))}
      </ul>
      {selectedCard && (
        <>
          <TrendPanel def={selectedCard.def} evaluation={evaluation} findings={findings} locale={locale} />
          <BreakdownPanel def={selectedCard.def} period={selectedCard.period} dimensions={results.dimensions} breakdowns={results.breakdowns} locale={locale} actions={actions} />
        </>
      )}
      <VarianceTable rows={variance} period={variancePeriod} locale={locale} />
    </section>
  );
}

import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatRef } from '../../core/a1';
import { formatValue } from '../../core/format';
import { ackHistory, metricName } from '../findings';
import type { PaneActions, PaneState, RefreshResults } from '../session/state';
import { FindingDetail } from './FindingDetail';
import { History } from './History';
import { LineagePanel } from './LineagePanel';
import { explainText } from './strings';
import { RESULTS_SHEET, explainSubject, type ExplainSubject } from './subject';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalL },
  trigger: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalS },
});

/**
 * Why a cell is marked: every finding on it in full, the metric's history and lineage. The
 * "Explain selected cell" button comes first because selection events are unreliable on some hosts.
 */
export function ExplainView({ state, actions }: { state: PaneState; actions: PaneActions }) {
  const styles = useStyles();
  const { locale } = state;
  return (
    <section className={styles.root} aria-label={explainText('title', locale)}>
      <div className={styles.trigger}>
        <Button appearance="primary" onClick={() => void actions.explainSelection()} disabled={!state.results}>
          {explainText('explainSelected', locale)}
        </Button>
        {state.selection && <Text size={200}>{explainText('selection', locale, { ref: formatRef(state.selection) })}</Text>}
        <Text size={200} className={styles.muted}>
          {explainText('explainHint', locale)}
        </Text>
      </div>
      {state.results ? (
        <Explanation state={state} results={state.results} actions={actions} subject={explainSubject(state)} />
      ) : (
        <>
          <Text>{explainText('empty', locale)}</Text>
          <Button onClick={() => void actions.refreshAll()}>{explainText('refreshAll', locale)}</Button>
        </>
      )}
    </section>
  );
}

function Explanation({ state, results, actions, subject }: { state: PaneState; results: RefreshResults; actions: PaneActions; subject: ExplainSubject }) {
  const styles = useStyles();
  const { locale, catalog } = state;
  if (!state.explaining) return <Text>{explainText('nothing', locale)}</Text>;
  const def = catalog.metrics.find((m) => m.id === subject.metricId);
  const ref = state.explaining.ref ? formatRef(state.explaining.ref) : undefined;
  return (
    <>
      {subject.findings.length === 0 && <NoFinding subject={subject} refText={ref} state={state} results={results} />}
      {subject.findings.length > 1 && <Text size={200}>{explainText('findingCount', locale, { count: subject.findings.length })}</Text>}
      {subject.findings.map((f) => (
        <FindingDetail
          key={f.id}
          finding={f}
          def={catalog.metrics.find((m) => m.id === f.metricId)}
          metric={metricName(catalog, f.metricId, locale)}
          acks={ackHistory(state.acknowledgements, f.id)}
          user={state.settings.user}
          locale={locale}
          actions={actions}
        />
      ))}
      {def && (
        <>
          <section className={styles.section} aria-label={explainText('history', locale)}>
            <Text as="h3" size={300} weight="semibold">
              {explainText('history', locale)}
            </Text>
            <History def={def} period={subject.period} evaluation={results.evaluation} findings={results.findings} locale={locale} />
          </section>
          <LineagePanel catalog={catalog} metricId={def.id} locale={locale} />
        </>
      )}
    </>
  );
}

/** A cell without findings says so, and what it is when it is a value on the results sheet. */
function NoFinding({ subject, refText, state, results }: { subject: ExplainSubject; refText: string | undefined; state: PaneState; results: RefreshResults }) {
  const { locale, catalog } = state;
  const def = catalog.metrics.find((m) => m.id === subject.metricId);
  const value = results.evaluation.values.find((v) => v.metricId === subject.metricId && v.period === subject.period && v.member === undefined)?.value;
  return (
    <>
      <Text>{refText ? explainText('noFinding', locale, { ref: refText }) : explainText('noFindingNoRef', locale)}</Text>
      {def && subject.period ? (
        <Text>
          {explainText('identified', locale, { metric: def.name[locale], period: subject.period })}
          {typeof value === 'number' ? ` ${explainText('value', locale)}: ${formatValue(value, def, locale)}` : ''}
        </Text>
      ) : (
        <Text>{explainText('notIdentified', locale, { sheet: RESULTS_SHEET })}</Text>
      )}
    </>
  );
}

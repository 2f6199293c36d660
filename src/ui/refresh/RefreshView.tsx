import { Badge, Button, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { type Locale, fillPlaceholders } from '../../core/i18n';
import type { PaneViewProps } from '../session';
import type { MetricStatus, PaneState } from '../session/state';
import { REFRESH_STRINGS as S } from './strings';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  sub: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

const when = (iso: string, l: Locale): string => new Date(iso).toLocaleString(l);

/** Refresh all with its progress and Cancel, then how each source and metric came out. */
export function RefreshView({ state, actions }: PaneViewProps) {
  const styles = useStyles();
  const l = state.locale;
  const r = state.refresh;
  const running = r.phase === 'running';
  return (
    <section className={styles.view} aria-label={S.title[l]}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running} onClick={() => void actions.refreshAll()}>{S.refreshAll[l]}</Button>
        {running && <Button onClick={() => actions.cancelRefresh()}>{S.cancel[l]}</Button>}
      </div>
      {running && (
        <Field label={S.progress[l]} validationMessage={r.step?.[l]} validationState="none">
          <ProgressBar value={r.progress} max={1} thickness="large" />
        </Field>
      )}
      <Text aria-live="polite">
        {r.phase === 'cancelled' ? S.cancelled[l] : r.phase === 'failed' ? S.failed[l] : r.lastRefreshed ? fillPlaceholders(S.last[l], { when: when(r.lastRefreshed, l) }) : running ? '' : S.never[l]}
      </Text>
      <SourceStatuses state={state} />
      <MetricStatuses state={state} />
    </section>
  );
}

function SourceStatuses({ state }: { state: PaneState }) {
  const styles = useStyles();
  const l = state.locale;
  const entries = Object.entries(state.sourceStatus);
  if (entries.length === 0) return null;
  return (
    <section aria-label={S.sources[l]}>
      <Text as="h3" weight="semibold">{S.sources[l]}</Text>
      <ul className={styles.list}>
        {entries.map(([id, s]) => (
          <li key={id} className={styles.item}>
            <div className={styles.line}>
              <Text weight="semibold">{id}</Text>
              {s.stale ? <Badge color="warning">{S.stale[l]}</Badge> : s.error ? <Badge color="danger">{S.failedBadge[l]}</Badge> : <Badge color="success">{S.ok[l]}</Badge>}
              {s.lastSynced && <Text size={200} className={styles.sub}>{fillPlaceholders(S.synced[l], { when: when(s.lastSynced, l), rows: s.rows ?? 0 })}</Text>}
            </div>
            {(s.stale ?? s.error) && <Text size={200} className={styles.sub}>{(s.stale ?? s.error)![l]}</Text>}
          </li>
        ))}
      </ul>
    </section>
  );
}

const BADGE: Record<MetricStatus['status'], { color: 'success' | 'warning' | 'danger'; label: keyof typeof S }> = {
  ok: { color: 'success', label: 'ok' },
  stale: { color: 'warning', label: 'stale' },
  error: { color: 'danger', label: 'error' },
};

/** Counts for all, rows only for the metrics that need attention (a catalog has dozens that are fine). */
function MetricStatuses({ state }: { state: PaneState }) {
  const styles = useStyles();
  const l = state.locale;
  const all = Object.entries(state.refresh.perMetric);
  if (all.length === 0) return null;
  const count = (s: MetricStatus['status']): number => all.filter(([, m]) => m.status === s).length;
  const name = (id: string): string => state.catalog.metrics.find((m) => m.id === id)?.name[l] ?? id;
  const attention = all.filter(([, m]) => m.status !== 'ok');
  return (
    <section aria-label={S.metrics[l]}>
      <Text as="h3" weight="semibold">{S.metrics[l]}</Text>
      <Text as="p">{fillPlaceholders(S.summary[l], { ok: count('ok'), stale: count('stale'), error: count('error') })}</Text>
      {attention.length > 0 && <Text size={200} className={styles.sub}>{S.onlyProblems[l]}</Text>}
      <ul className={styles.list}>
        {attention.map(([id, m]) => (
          <li key={id} className={styles.item}>
            <div className={styles.line}>
              <Badge color={BADGE[m.status].color}>{S[BADGE[m.status].label][l]}</Badge>
              <Text>{name(id)}</Text>
            </div>
            {m.message && <Text size={200} className={styles.sub}>{m.message[l]}</Text>}
          </li>
        ))}
      </ul>
    </section>
  );
}

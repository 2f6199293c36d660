import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SourceDefinition } from '../../core/sources';
import type { PaneViewProps } from '../session';
import { NEW_SOURCE, type Json } from './model';
import { SourceEditor } from './SourceEditor';
import { SOURCES_STRINGS as S } from './strings';
import { fillPlaceholders } from '../../core/i18n';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXS },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  sub: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** ERP source definitions of this workbook: list, edit, test, and the demo preset. */
export function SourcesView({ state, actions }: PaneViewProps) {
  const styles = useStyles();
  const l = state.locale;
  const [editing, setEditing] = useState<Json | undefined>();
  if (editing) return <SourceEditor state={state} actions={actions} initial={editing} onClose={() => setEditing(undefined)} />;
  const fromCatalog = (state.catalog.sources ?? []).filter((c) => !state.sources.some((s) => s.id === c.id));
  return (
    <section className={styles.view} aria-label={S.title[l]}>
      <Text as="h2" size={400} weight="semibold">{S.title[l]}</Text>
      <Text size={200} className={styles.sub}>{S.intro[l]}</Text>
      <div className={styles.actions}>
        {state.demo && (
          <Button appearance="primary" title={S.demoHint[l]} onClick={() => void actions.useDemoErp()}>
            {S.demo[l]}
          </Button>
        )}
        <Button onClick={() => setEditing(NEW_SOURCE)}>{S.add[l]}</Button>
      </div>
      <Text as="h3" weight="semibold">{S.list[l]}</Text>
      {state.sources.length + fromCatalog.length === 0 && <Text>{S.none[l]}</Text>}
      <ul className={styles.list}>
        {[...state.sources, ...fromCatalog].map((def) => (
          <SourceItem key={def.id} def={def} inCatalog={fromCatalog.includes(def)} state={state} actions={actions} onEdit={() => setEditing(def)} />
        ))}
      </ul>
    </section>
  );
}

function SourceItem({ def, inCatalog, state, actions, onEdit }: PaneViewProps & { def: SourceDefinition; inCatalog: boolean; onEdit: () => void }) {
  const styles = useStyles();
  const l = state.locale;
  const status = state.sourceStatus[def.id];
  const url = def.kind === 'odata' ? def.service : def.request.url;
  return (
    <li className={styles.item}>
      <div className={styles.line}>
        <Text weight="semibold">{def.name?.[l] ?? def.id}</Text>
        <Text size={200}>{`(${def.id})`}</Text>
        {inCatalog && <Badge appearance="outline">{S.fromCatalog[l]}</Badge>}
        {status?.stale && <Badge color="warning" title={status.stale[l]}>{S.stale[l]}</Badge>}
      </div>
      <Text size={200} className={styles.sub}>{url}</Text>
      <Text size={200} className={styles.sub}>
        {status?.lastSynced ? fillPlaceholders(S.synced[l], { when: new Date(status.lastSynced).toLocaleString(l), rows: status.rows ?? 0 }) : S.never[l]}
      </Text>
      {status?.stale && <Text size={200}>{status.stale[l]}</Text>}
      <div className={styles.actions}>
        <Button size="small" aria-label={fillPlaceholders(S.edit[l], { id: def.id })} onClick={onEdit}>{fillPlaceholders(S.edit[l], { id: '' }).trim()}</Button>
        {!inCatalog && (
          <Button size="small" appearance="subtle" aria-label={fillPlaceholders(S.remove[l], { id: def.id })} onClick={() => void actions.removeSource(def.id)}>
            {fillPlaceholders(S.remove[l], { id: '' }).trim()}
          </Button>
        )}
      </div>
    </li>
  );
}

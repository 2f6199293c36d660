import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Binding } from '../../core/bindings';
import { type Locale, fillPlaceholders } from '../../core/i18n';
import { BIND_STRINGS as S } from './strings';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'space-between' },
  text: { minWidth: 0, overflowWrap: 'anywhere' },
});

export function targetText(b: Binding): string {
  const t = b.target;
  if (t.kind === 'range') return t.ref;
  if (t.kind === 'name') return t.name;
  if (t.kind === 'table') return t.table;
  return `${t.table}[${t.column}]`;
}

export function BindingList({ bindings, locale: l, onRemove }: { bindings: readonly Binding[]; locale: Locale; onRemove: (id: string) => void }) {
  const styles = useStyles();
  return (
    <section aria-label={S.bindings[l]}>
      <Text as="h3" weight="semibold">{S.bindings[l]}</Text>
      {bindings.length === 0 ? (
        <Text as="p">{S.noBindings[l]}</Text>
      ) : (
        <ul className={styles.list}>
          {bindings.map((b) => (
            <li key={b.id} className={styles.item}>
              <Text className={styles.text}>
                <b>{b.id}</b> → {b.source ?? 'ledger'} · {targetText(b)} · {b.layout}
              </Text>
              <Button size="small" appearance="subtle" aria-label={fillPlaceholders(S.remove[l], { id: b.id })} onClick={() => onRemove(b.id)}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

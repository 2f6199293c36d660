import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneViewProps } from '../session';
import { BIND_STRINGS as S } from './strings';
import { fillPlaceholders } from '../../core/i18n';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * A catalog source is fed by the ERP source with its id: binding one to an ERP source saves that
 * definition under the catalog source's id (credentials stay in the user's secret store).
 */
export function ErpBinding({ state, actions, source }: PaneViewProps & { source: string }) {
  const styles = useStyles();
  const l = state.locale;
  const current = state.sources.find((d) => d.id === source);
  const others = state.sources.filter((d) => d.id !== source);
  return (
    <section aria-label={S.erp[l]}>
      <Text as="p">{fillPlaceholders(S.erpHint[l], { source })}</Text>
      {current && <Text as="p" weight="semibold">{fillPlaceholders(S.erpBound[l], { source, id: current.id })}</Text>}
      {state.sources.length === 0 && <Text as="p">{S.erpNone[l]}</Text>}
      <ul className={styles.list}>
        {others.map((d) => (
          <li key={d.id} className={styles.item}>
            <Text>{d.name?.[l] ?? d.id}</Text>
            <Button size="small" onClick={() => void actions.saveSource({ ...d, id: source })}>
              {fillPlaceholders(S.erpUse[l], { source })}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

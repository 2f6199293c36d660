import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneState } from '../session/state';
import type { SessionActions } from '../session';
import { HOST_NAMES, otherLocale, SHELL_STRINGS as S } from './strings';
import { fillPlaceholders } from '../../core/i18n';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  headings: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  title: { margin: 0, color: tokens.colorBrandForeground1 },
  origin: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

function originText(state: PaneState): string {
  const o = state.catalogOrigin;
  const l = state.locale;
  if (o.kind === 'bundled') return S.bundled[l];
  if (o.kind === 'file') return fillPlaceholders(S.file[l], { name: o.name });
  return fillPlaceholders((o.offline ? S.offline : S.server)[l], { url: o.url });
}

export function Header({ state, actions }: { state: PaneState; actions: SessionActions }) {
  const styles = useStyles();
  const l = state.locale;
  const target = otherLocale(l);
  const origin = `${fillPlaceholders(S.host[l], { host: HOST_NAMES[state.host.kind]?.[l] ?? state.host.kind })} · ${originText(state)}`;
  return (
    <header className={styles.header}>
      <div className={styles.headings}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          FinPulse
        </Text>
        <Text size={200} className={styles.origin} title={origin}>
          {origin}
        </Text>
      </div>
      <Button size="small" appearance="subtle" lang={target} aria-label={S.switchLanguage[l]} title={S.switchLanguage[l]} onClick={() => actions.setLocale(target)}>
        {S.otherLanguage[l]}
      </Button>
    </header>
  );
}

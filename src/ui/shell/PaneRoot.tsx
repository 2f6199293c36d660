import { FluentProvider, Spinner, makeStyles, mergeClasses, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import { usePaneSession, usePaneState, type PaneServices } from '../session';
import type { PaneView } from '../session/state';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { Notices } from './Notices';
import { SHELL_STRINGS as S } from './strings';
import { VIEWS } from './views';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  // Native parts (scrollbars, form controls) follow the theme too.
  light: { colorScheme: 'light' },
  dark: { colorScheme: 'dark' },
  main: { minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface PaneRootProps {
  services: PaneServices;
  /** The theme to start with when the user has not chosen one (Office's, or the browser's). */
  theme?: 'light' | 'dark';
}

const AVAILABLE = new Set(Object.keys(VIEWS) as PaneView[]);

/** The whole task pane: one session, the header, navigation, messages and the current view. */
export function PaneRoot({ services, theme }: PaneRootProps) {
  const styles = useStyles();
  const [withTheme] = useState(() => (theme && !services.officeTheme ? { ...services, officeTheme: theme } : services));
  const session = usePaneSession(withTheme);
  const state = usePaneState(session);
  const view = state.view && AVAILABLE.has(state.view) ? state.view : 'catalog';
  const View = VIEWS[view];
  return (
    <FluentProvider
      theme={state.theme === 'dark' ? webDarkTheme : webLightTheme}
      lang={state.locale}
      className={mergeClasses(styles.root, state.theme === 'dark' ? styles.dark : styles.light)}
    >
      <Header state={state} actions={session.actions} />
      <Navigation view={view} locale={state.locale} available={AVAILABLE} onSelect={(v) => session.actions.setView(v)} />
      <Notices state={state} actions={session.actions} />
      <main className={styles.main} aria-live="off">
        {View && (
          <Suspense fallback={<Spinner size="small" label={S.loadingView[state.locale]} />}>
            <View state={state} actions={session.actions} />
          </Suspense>
        )}
      </main>
    </FluentProvider>
  );
}

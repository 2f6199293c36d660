import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Notice, PaneState } from '../session/state';
import type { SessionActions } from '../session';
import { SHELL_STRINGS as S } from './strings';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  body: { overflowWrap: 'anywhere' },
});

/** Confirmations step aside on their own; errors and warnings stay until the user dismisses them. */
const TRANSIENT_MS = 8000;
const isTransient = (n: Notice): boolean => n.intent === 'success' || n.intent === 'info';

/** The newest few messages, each dismissible; a live region so screen readers hear them. */
export function Notices({ state, actions }: { state: PaneState; actions: SessionActions }) {
  const styles = useStyles();
  const l = state.locale;
  const shown = state.notices.slice(-4);
  return (
    <section aria-label={S.notices[l]} aria-live="polite" className={styles.list}>
      {shown.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline">
          {isTransient(n) && <DismissLater id={n.id} actions={actions} />}
          <MessageBarBody className={styles.body}>{n.text[l]}</MessageBarBody>
          <MessageBarActions
            // Icon-only: a text button keeps Fluent's 64 px minimum width, which squeezes the message at 320 px.
            containerAction={<Button appearance="transparent" size="small" icon={<span aria-hidden="true">×</span>} aria-label={S.dismiss[l]} title={S.dismiss[l]} onClick={() => actions.dismissNotice(n.id)} />}
          />
        </MessageBar>
      ))}
    </section>
  );
}

/** Renders nothing; dismisses its notice once, TRANSIENT_MS after it first appeared. */
function DismissLater({ id, actions }: { id: string; actions: SessionActions }) {
  useEffect(() => {
    const timer = setTimeout(() => actions.dismissNotice(id), TRANSIENT_MS);
    return () => clearTimeout(timer);
  }, [id, actions]);
  return null;
}

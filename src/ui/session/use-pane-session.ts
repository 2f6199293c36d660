import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPaneSession, type PaneSession } from './session';
import type { PaneServices } from './services';
import type { PaneState } from './state';

/** One session for the component's lifetime (the services are fixed when the pane mounts). */
export function usePaneSession(services: PaneServices): PaneSession {
  const [session] = useState(() => createPaneSession(services));
  useEffect(() => () => session.dispose(), [session]);
  return session;
}

export function usePaneState(session: PaneSession): PaneState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

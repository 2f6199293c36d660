import type { Localized } from '../locale';

/** The task pane and workbench: bindings, sources, refresh, acknowledgements, settings. */
export const paneMessages = {} as const satisfies Record<string, Localized>;

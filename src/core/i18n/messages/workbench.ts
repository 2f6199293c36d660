import type { Localized } from '../locale';

/** The browser workbench: opening workbooks, the grid. */
export const workbenchMessages = {} as const satisfies Record<string, Localized>;

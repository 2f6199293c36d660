import type { Localized } from '../locale';

/** Reconciliation rules and their results. */
export const reconcileMessages = {} as const satisfies Record<string, Localized>;

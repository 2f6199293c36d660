import type { Localized } from '../locale';

/** ERP sources: definitions, HTTP, auth, paging, mapping, sync. */
export const sourceMessages = {
} as const satisfies Record<string, Localized>;

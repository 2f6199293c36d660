import type { Localized } from '../locale';

/** Alert rules, channels and deliveries. */
export const alertMessages = {
} as const satisfies Record<string, Localized>;

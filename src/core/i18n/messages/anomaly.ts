import type { Localized } from '../locale';

/** Anomaly detectors: findings and their explanations. */
export const anomalyMessages = {
} as const satisfies Record<string, Localized>;

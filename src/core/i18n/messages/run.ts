import type { Localized } from '../locale';

/** Headless runs (finpulse run): configuration, stages, schedule, report. */
export const runMessages = {} as const satisfies Record<string, Localized>;

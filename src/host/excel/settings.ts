import { AppError } from '../../core/errors';
import type { DocumentSettings } from './office-types';

/** Key/value storage bound to the workbook; `save` persists what was set. */
export interface SettingsStore {
  readonly persistent: boolean;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  save(): Promise<void>;
}

/** Over `Office.context.document.settings`: saved into the document, so it travels with the workbook. */
export function documentSettings(settings: DocumentSettings): SettingsStore {
  return {
    persistent: true,
    get: (key) => settings.get(key) ?? undefined,
    set: (key, value) => settings.set(key, value),
    remove: (key) => settings.remove(key),
    save: () =>
      new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.error || String(result.status).toLowerCase() === 'failed')
            reject(new AppError('host.failed', { detail: `saving settings: ${result.error?.message ?? 'failed'}` }));
          else resolve();
        });
      }),
  };
}

/** Without document settings (tests, an unexpected host): kept for the session only. */
export function memorySettings(): SettingsStore {
  const values = new Map<string, unknown>();
  return {
    persistent: false,
    get: (key) => structuredClone(values.get(key)),
    set: (key, value) => values.set(key, JSON.parse(JSON.stringify(value)) as unknown),
    remove: (key) => values.delete(key),
    save: () => Promise.resolve(),
  };
}

export const SETTINGS_KEY = 'finpulse.settings';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The user-visible settings: one JSON object under one key (Office settings cannot be enumerated). */
export function readUserSettings(store: SettingsStore): Record<string, unknown> {
  const v = store.get(SETTINGS_KEY);
  return isRecord(v) ? structuredClone(v) : {};
}

import { LOCALES, type Locale } from '../../core/i18n';

/** What one user chooses for themselves, kept in the browser, never in the (shared) workbook. */
export interface UserPrefs {
  language?: Locale;
  user?: string;
  theme?: 'light' | 'dark';
}

export interface UserPreferences {
  load(): UserPrefs;
  save(prefs: UserPrefs): void;
}

const KEY = 'finpulse.preferences';

/** Preferences in memory: tests, and browsers where storage is blocked. */
export function memoryPreferences(initial: UserPrefs = {}): UserPreferences {
  let held = { ...initial };
  return {
    load: () => ({ ...held }),
    save: (prefs) => {
      held = { ...prefs };
    },
  };
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** localStorage when the webview allows it (it may be partitioned or wiped: the defaults still work). */
export function browserPreferences(storage: StorageLike | undefined = storageOrUndefined()): UserPreferences {
  if (!storage) return memoryPreferences();
  return {
    load: () => parsePrefs(safely(() => storage.getItem(KEY))),
    save: (prefs) => safely(() => storage.setItem(KEY, JSON.stringify(prefs))),
  };
}

function storageOrUndefined(): StorageLike | undefined {
  return safely(() => (globalThis as { localStorage?: StorageLike }).localStorage);
}

// Storage access throws in sandboxed or privacy-restricted webviews; preferences are never worth a crash.
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Keeps only well-formed fields: the stored text may be old, hand-edited or damaged. */
export function parsePrefs(text: string | null | undefined): UserPrefs {
  const raw = safely(() => JSON.parse(text ?? '{}') as unknown);
  if (raw === null || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const prefs: UserPrefs = {};
  if (typeof r['language'] === 'string' && (LOCALES as readonly string[]).includes(r['language'])) prefs.language = r['language'] as Locale;
  if (typeof r['user'] === 'string') prefs.user = r['user'];
  if (r['theme'] === 'light' || r['theme'] === 'dark') prefs.theme = r['theme'];
  return prefs;
}

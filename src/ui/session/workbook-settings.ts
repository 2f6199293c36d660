import { validateBinding, type Binding } from '../../core/bindings';
import { DEFAULT_SENSITIVITY } from '../../core/anomaly';
import { problem, type Problem } from '../../core/errors';
import { validateSource, type SourceDefinition } from '../../core/sources';
import type { PaneSettings } from './state';

/**
 * What the pane keeps in the workbook (it travels with the file, so never credentials):
 * bindings, ERP source definitions and the team's settings. Per-user choices live in preferences;
 * alert channels (their webhook addresses are credentials) in the per-user secret store.
 */
export const SETTINGS_KEYS = {
  bindings: 'finpulse.bindings',
  sources: 'finpulse.sources',
  pane: 'finpulse.pane',
} as const;

export type WorkbookPaneSettings = Pick<PaneSettings, 'sensitivity' | 'catalogServer' | 'catalogId'>;

export interface WorkbookState {
  bindings: Binding[];
  sources: SourceDefinition[];
  settings: WorkbookPaneSettings;
  /** Entries that failed validation: kept out of the pane, reported to the user. */
  problems: Problem[];
}

/** Reads the pane's part of the workbook settings, keeping every valid entry and naming each invalid one. */
export function readWorkbookState(raw: Readonly<Record<string, unknown>>): WorkbookState {
  const problems: Problem[] = [];
  const bindings = validEntries(raw[SETTINGS_KEYS.bindings], SETTINGS_KEYS.bindings, 'Bind', problems, (v, path) => validateBinding(v, path).binding);
  const sources = validEntries(raw[SETTINGS_KEYS.sources], SETTINGS_KEYS.sources, 'Sources', problems, (v) => validateSource(v).source);
  return { bindings, sources, settings: paneSettingsOf(raw[SETTINGS_KEYS.pane]), problems };
}

function validEntries<T>(value: unknown, key: string, view: string, problems: Problem[], check: (v: unknown, path: string) => T | undefined): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(problem(key, 'pane.settingsEntry', { key, index: '-', detail: 'not a list', view }, 'warning'));
    return [];
  }
  return value.flatMap((entry: unknown, index) => {
    const ok = check(entry, `${key}[${index}]`);
    if (ok !== undefined) return [ok];
    problems.push(problem(`${key}[${index}]`, 'pane.settingsEntry', { key, index: index + 1, detail: describe(entry), view }, 'warning'));
    return [];
  });
}

const describe = (entry: unknown): string => {
  const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `id "${id}"` : 'no id';
};

export function paneSettingsOf(value: unknown): WorkbookPaneSettings {
  const r = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const sensitivity = typeof r['sensitivity'] === 'number' && r['sensitivity'] >= 0 && r['sensitivity'] <= 100 ? r['sensitivity'] : DEFAULT_SENSITIVITY;
  const settings: WorkbookPaneSettings = { sensitivity, catalogServer: typeof r['catalogServer'] === 'string' ? r['catalogServer'] : '' };
  if (typeof r['catalogId'] === 'string' && r['catalogId'] !== '') settings.catalogId = r['catalogId'];
  return settings;
}

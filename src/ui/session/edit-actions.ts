import type { SheetRef } from '../../core/a1';
import { validateBinding, type Binding, type BindingStats, type BindingTarget } from '../../core/bindings';
import { problem, toAppError, type Problem } from '../../core/errors';
import { formatMessage, localize, type Localized } from '../../core/i18n';
import { fetchSource, validateSource, type SourceDefinition } from '../../core/sources';
import type { NameInfo, TableInfo } from '../../host/contract';
import { createCatalogClient } from '../../server/client';
import { readBoundSources } from './bound-sources';
import { suggestColumns, type ColumnSuggestion } from './column-suggestion';
import { DEMO_API_KEY, demoBudgetSource } from './demo-source';
import { messageNotice, perLocale, type ACTIONS } from './notices';
import { keyedPreview, tablePreview, type PreviewRow } from './preview-rows';
import { sourceContext } from './source-context';
import { standardFetch, type PaneServices, type WritableSecretStore } from './services';
import type { Notice, PaneState } from './state';
import type { Store } from './store';
import { saveChannels, type ChannelSetting } from './channels';
import { SETTINGS_KEYS, type WorkbookPaneSettings } from './workbook-settings';

type SettingsPatch = WorkbookPaneSettings & { channels: readonly ChannelSetting[] };

export interface WorkbookTargets {
  selection?: SheetRef;
  names: NameInfo[];
  tables: TableInfo[];
}

export interface BindingPreview {
  /** Validation problems, or the read's skipped and doubtful cells, each with its address. */
  problems: Problem[];
  stats?: BindingStats;
  rows: PreviewRow[];
}

export interface SourceProbe {
  ok: boolean;
  message: Localized;
  /** Records on the first page. */
  records: number;
  /** The first mapped rows. */
  rows: PreviewRow[];
}

/** The Bind, Sources and Settings views' calls. */
export interface EditActions {
  workbookTargets(): Promise<WorkbookTargets | undefined>;
  /** Reads the target's header row and suggests the date, amount, account and dimension columns. */
  suggestColumns(target: BindingTarget): Promise<ColumnSuggestion | undefined>;
  previewBinding(binding: unknown): Promise<BindingPreview | undefined>;
  /** Validates and saves; returns every problem (empty when saved). */
  saveBinding(binding: unknown): Promise<Problem[]>;
  removeBinding(id: string): Promise<void>;
  saveSource(definition: unknown): Promise<Problem[]>;
  removeSource(id: string): Promise<void>;
  /** Fetches the first page only and maps it: the connection test and the preview in one call. */
  probeSource(definition: unknown): Promise<SourceProbe | undefined>;
  saveSecret(name: string, value: string): Promise<boolean>;
  secretNames(): Promise<string[]>;
  useDemoErp(): Promise<void>;
  /** The team's settings go to the workbook; channels to the user's secret store. */
  saveSettings(patch: Partial<SettingsPatch>): Promise<Problem[]>;
  testCatalogServer(url: string, token: string): Promise<Localized | undefined>;
}

export interface EditDeps {
  services: PaneServices;
  secrets: WritableSecretStore;
  store: Store<PaneState>;
  hidden: { workbook: WorkbookPaneSettings };
  attempt: <T>(action: keyof typeof ACTIONS, run: () => T | Promise<T>) => Promise<T | undefined>;
  post: (...notices: Notice[]) => void;
  reloadCatalog: () => Promise<void>;
}

const HTTP_URL = /^https?:\/\/[^\s/]+/i;

export function createEditActions(deps: EditDeps): EditActions {
  const { services, secrets, store, attempt, post } = deps;
  const { host } = services;
  const now = services.clock ?? (() => new Date());

  /** Replaces one list in the workbook settings and in the state, or neither. */
  async function writeList<K extends 'bindings' | 'sources'>(key: K, list: PaneState[K]): Promise<void> {
    await host.writeSettings({ [SETTINGS_KEYS[key]]: list });
    store.update((s) => ({ ...s, [key]: list }));
  }
  const upsert = <T extends { id: string }>(list: readonly T[], item: T): T[] => [...list.filter((x) => x.id !== item.id), item];

  return {
    workbookTargets: () =>
      attempt('workbook', async () => {
        const [selection, names, tables] = await Promise.all([host.getSelection(), host.listNames(), host.listTables()]);
        return selection ? { selection, names, tables } : { names, tables };
      }),

    suggestColumns: (target) => attempt('workbook', () => suggestColumns(host, target)),

    previewBinding: (value) =>
      attempt('preview', async () => {
        const checked = validateBinding(value);
        if (!checked.binding) return { problems: checked.problems, rows: [] };
        const bound = await readBoundSources(host, store.get().catalog, [checked.binding]);
        const read = bound.reads[checked.binding.id];
        return { problems: bound.problems, rows: read ? tablePreview(read.table) : [], ...(read ? { stats: read.stats } : {}) };
      }),

    saveBinding: async (value) => {
      const checked = validateBinding(value);
      if (!checked.binding) return checked.problems;
      const binding: Binding = checked.binding;
      await attempt('saveBinding', async () => {
        await writeList('bindings', upsert(store.get().bindings, binding));
        post(messageNotice('success', 'pane.bindingSaved', { id: binding.id }));
      });
      return [];
    },

    removeBinding: async (id) => {
      await attempt('saveBinding', async () => {
        await writeList('bindings', store.get().bindings.filter((b) => b.id !== id));
        post(messageNotice('info', 'pane.bindingRemoved', { id }));
      });
    },

    saveSource: async (value) => {
      const checked = validateSource(value);
      if (!checked.source) return checked.problems;
      const def: SourceDefinition = checked.source;
      await attempt('saveSource', async () => {
        await writeList('sources', upsert(store.get().sources, def));
        post(messageNotice('success', 'pane.sourceSaved', { id: def.id }));
      });
      return [];
    },

    removeSource: async (id) => {
      await attempt('saveSource', async () => {
        await writeList('sources', store.get().sources.filter((d) => d.id !== id));
        post(messageNotice('info', 'pane.sourceRemoved', { id }));
      });
    },

    probeSource: (value) =>
      attempt('testConnection', async () => {
        const checked = validateSource(value);
        const first = checked.problems[0];
        if (!checked.source) return { ok: false, records: 0, rows: [], message: first ? problemText(first) : localize('internal', { detail: 'invalid source' }) };
        return probe(checked.source);
      }),

    saveSecret: async (name, value) =>
      (await attempt('saveSecret', async () => {
        await secrets.set(name, value);
        post(messageNotice('success', 'pane.secretSaved', { name }));
        return true;
      })) ?? false,

    secretNames: async () => (await attempt('saveSecret', () => secrets.names())) ?? [],

    useDemoErp: async () => {
      const demo = services.demo;
      if (!demo) return;
      await attempt('saveSource', async () => {
        await secrets.set(DEMO_API_KEY.name, DEMO_API_KEY.value);
        await writeList('sources', upsert(store.get().sources, demoBudgetSource(demo.erpUrl)));
        post(messageNotice('success', 'pane.demoErpApplied', { url: demo.erpUrl }));
      });
    },

    saveSettings: async (patch) => {
      const problems = settingsProblems(patch);
      if (problems.length) return problems;
      const { channels, ...team } = patch;
      const next = { ...deps.hidden.workbook, ...team };
      const saved = await attempt('saveSettings', async () => {
        if (channels) await saveChannels(secrets, channels);
        await host.writeSettings({ [SETTINGS_KEYS.pane]: next });
        deps.hidden.workbook = next;
        store.update((s) => ({ ...s, settings: { ...s.settings, ...next, ...(channels ? { channels } : {}) } }));
        post(messageNotice('success', 'pane.settingsSaved'));
        return true;
      });
      const serverChanged = patch.catalogServer !== undefined || patch.catalogId !== undefined;
      if (saved && serverChanged) await deps.reloadCatalog();
      return [];
    },

    testCatalogServer: (url, token) =>
      attempt('catalog', async () => {
        const client = createCatalogClient({ baseUrl: url, token, fetch: standardFetch(services) });
        const [me, catalogs] = await Promise.all([client.me(), client.catalogs()]);
        return localize('pane.catalogServerOk', { url, user: me.name, role: me.role, catalogs: catalogs.map((c) => c.id).join(', ') || '—' });
      }),
  };

  async function probe(def: SourceDefinition): Promise<SourceProbe> {
    const ctx = sourceContext(services.fetch, secrets, now);
    try {
      const fetched = await fetchSource(firstPageOnly(def), ctx);
      const records = fetched.stats.records;
      return { ok: true, records, rows: keyedPreview(fetched.changes.rows, def.scale ?? 2), message: localize('pane.connectionOk', { source: def.id, records }) };
    } catch (err) {
      return { ok: false, records: 0, rows: [], message: probeFailure(def, err) };
    }
  }
}

/** One request, no retries: a connection test answers in seconds, whatever the definition's paging. */
export function firstPageOnly(def: SourceDefinition): SourceDefinition {
  const limits = { ...def.limits, retries: 0, timeoutMs: Math.min(def.limits?.timeoutMs ?? 15_000, 15_000) };
  if (def.kind === 'odata') return { ...def, limits: { ...limits, maxPages: 1 }, pageSize: Math.min(def.pageSize ?? 100, 100), pushdown: undefined };
  return { ...def, limits, paging: { style: 'none' } };
}

/**
 * A browser reports a CORS refusal, a refused connection and a DNS failure alike, as a network
 * error with no status: the message names all three and what to do about each.
 */
function probeFailure(def: SourceDefinition, err: unknown): Localized {
  const error = toAppError(err);
  if (error.code !== 'source.retriesExhausted' && error.code !== 'source.network') return error.text;
  const url = def.kind === 'odata' ? def.service : def.request.url;
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin ?? 'this page';
  return perLocale((l) => formatMessage('pane.blocked', { source: def.id, url, origin, detail: String(error.meta['reason'] ?? error.messageIn(l)) }, l));
}

const problemText = (p: Problem): Localized => perLocale((l) => `${p.path}: ${p.message[l]}`);

function settingsProblems(patch: Partial<SettingsPatch>): Problem[] {
  const out: Problem[] = [];
  const s = patch.sensitivity;
  if (s !== undefined && !(Number.isInteger(s) && s >= 0 && s <= 100)) out.push(problem('sensitivity', 'pane.badSensitivity', { value: s }));
  const url = patch.catalogServer;
  if (url !== undefined && url !== '' && !HTTP_URL.test(url)) out.push(problem('catalogServer', 'pane.badUrl', { value: url }));
  patch.channels?.forEach((c, i) => {
    if (!HTTP_URL.test(c.url)) out.push(problem(`channels[${i}].url`, 'pane.badUrl', { value: c.url }));
    if (c.id.trim() === '') out.push(problem(`channels[${i}].id`, 'catalog.required', { field: 'id' }));
  });
  return out;
}

import { formatRef, type SheetRef } from '../../core/a1';
import type { Catalog } from '../../core/catalog';
import { evaluateCatalog, type SourceInput } from '../../core/engine';
import { AppError } from '../../core/errors';
import { pickLocale, type Locale } from '../../core/i18n';
import type { SourceDefinition } from '../../core/sources';
import { findingRange } from '../../host';
import { acknowledge, loadAcknowledgements } from '../../notify/acknowledge';
import { bundledCatalog, CATALOG_TOKEN_SECRET, serverCatalog, serverFailedNotice } from './catalog-source';
import { loadChannels } from './channels';
import { createEditActions, type EditActions } from './edit-actions';
import { findingsBehind, isSingleCell } from './explain';
import { ACTIONS, errorNotice, failureNotice, messageNotice, notice, problemNotice } from './notices';
import { browserPreferences, type UserPrefs } from './preferences';
import { runRefresh } from './refresh-run';
import { createDexieSecretStore } from './secret-store';
import { standardFetch, type PaneServices, type WritableSecretStore } from './services';
import type { Notice, PaneActions, PaneState, PaneView } from './state';
import { createStore } from './store';
import { readWorkbookState, type WorkbookPaneSettings } from './workbook-settings';

/** What the pane adds to the views' contract: navigation, preferences and the editing views' calls. */
export interface SessionActions extends PaneActions, EditActions {
  setView(view: PaneView): void;
  setTheme(theme: 'light' | 'dark'): void;
  setUser(name: string): void;
  /** Loads the catalog again (after the catalog server setting changed). */
  reloadCatalog(): Promise<void>;
}

export interface PaneSession {
  getState: () => PaneState;
  subscribe: (listener: () => void) => () => void;
  actions: SessionActions;
  /** Settles when the workbook's bindings, sources, settings and the catalog are loaded. */
  ready: Promise<void>;
  /** Stops listening to the host. */
  dispose(): void;
}

/** Internal state beside PaneState that views never see. */
interface Hidden {
  workbook: WorkbookPaneSettings;
  bundled: Catalog;
  /** What the last completed refresh read, for breakdowns on demand. */
  inputs: Record<string, SourceInput>;
  abort?: AbortController;
}

/**
 * The pane's one source of truth: it loads what the workbook and the user's browser hold, runs
 * Refresh all, and turns every failure into a notice while the last good state stays on screen.
 */
export function createPaneSession(services: PaneServices): PaneSession {
  const prefs = services.preferences ?? browserPreferences();
  const secrets: WritableSecretStore = services.secrets ?? createDexieSecretStore();
  const now = services.clock ?? (() => new Date());
  const saved = prefs.load();
  const bundled = bundledCatalog(services.bundledCatalog);
  const { host } = services;
  const store = createStore<PaneState>({
    locale: saved.language ?? pickLocale(services.displayLanguage),
    theme: saved.theme ?? services.officeTheme ?? 'light',
    host: { kind: host.kind, notes: host.capabilities.notes, selectionEvents: host.capabilities.selectionEvents, clickEvents: host.capabilities.clickEvents },
    catalog: bundled.catalog,
    catalogOrigin: bundled.origin,
    bindings: [],
    sources: [],
    sourceStatus: {},
    refresh: { phase: 'idle', progress: 0, perMetric: {} },
    acknowledgements: [],
    settings: { user: saved.user ?? '', sensitivity: 50, catalogServer: '', channels: [], ...(saved.language ? { language: saved.language } : {}) },
    notices: [],
    view: 'catalog',
    ...(services.demo ? { demo: services.demo } : {}),
  });
  const hidden: Hidden = { workbook: { sensitivity: 50, catalogServer: '' }, bundled: bundled.catalog, inputs: {} };
  const set = (patch: Partial<PaneState>): void => store.update((s) => ({ ...s, ...patch }));
  const post = (...notices: Notice[]): void => store.update((s) => ({ ...s, notices: [...s.notices, ...notices] }));
  const savePrefs = (patch: UserPrefs): void => prefs.save({ ...prefs.load(), ...patch });

  /** Runs an action; whatever it throws becomes a notice naming the action, never an unhandled rejection. */
  async function attempt<T>(action: keyof typeof ACTIONS, run: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (err) {
      post(failureNotice(ACTIONS[action], err));
      return undefined;
    }
  }

  async function loadCatalog(): Promise<void> {
    const { catalogServer, catalogId } = hidden.workbook;
    if (catalogServer === '') {
      set({ catalog: hidden.bundled, catalogOrigin: { kind: 'bundled' } });
      return;
    }
    try {
      const token = (await secrets.get(CATALOG_TOKEN_SECRET)) ?? '';
      const loaded = await serverCatalog({ url: catalogServer, token, fetch: standardFetch(services), ...(catalogId ? { catalogId } : {}) }, hidden.bundled);
      set({ catalog: loaded.catalog, catalogOrigin: loaded.origin });
      post(...loaded.notices);
    } catch (err) {
      set({ catalog: hidden.bundled, catalogOrigin: { kind: 'bundled' } });
      post(serverFailedNotice(catalogServer, err));
    }
  }

  async function load(): Promise<void> {
    await attempt('workbook', async () => {
      const wb = readWorkbookState(await host.readSettings());
      hidden.workbook = wb.settings;
      store.update((s) => ({ ...s, bindings: wb.bindings, sources: wb.sources, settings: { ...s.settings, ...wb.settings } }));
      post(...wb.problems.map(problemNotice));
    });
    await attempt('load', async () => set({ acknowledgements: await loadAcknowledgements(services.store) }));
    await attempt('load', async () => {
      const channels = await loadChannels(secrets);
      store.update((s) => ({ ...s, settings: { ...s.settings, channels } }));
    });
    await loadCatalog();
  }

  async function explainRef(ref: SheetRef): Promise<void> {
    const marks = await host.marksAt(ref);
    const findingIds = findingsBehind(marks, store.get().results?.findings ?? []);
    set({ explaining: { findingIds, ref }, view: 'explain' });
  }

  // A click on a single marked cell opens its explanation; other selections are only remembered.
  const unsubscribe = host.onSelectionChanged((ref) => {
    set({ selection: ref });
    if (!isSingleCell(ref)) return;
    void attempt('explain', async () => {
      if ((await host.marksAt(ref)).length > 0) await explainRef(ref);
    });
  });

  const ready = load();

  const erpSources = (): SourceDefinition[] => {
    const s = store.get();
    const byId = new Map((s.catalog.sources ?? []).map((d) => [d.id, d] as const));
    for (const d of s.sources) byId.set(d.id, d);
    return [...byId.values()];
  };

  async function refreshAll(): Promise<void> {
    if (hidden.abort) {
      post(messageNotice('info', 'pane.refreshBusy'));
      return;
    }
    const abort = new AbortController();
    hidden.abort = abort;
    const before = store.get().refresh;
    const setRefresh = (patch: Partial<PaneState['refresh']>): void => store.update((s) => ({ ...s, refresh: { ...s.refresh, ...patch } }));
    setRefresh({ phase: 'running', progress: 0 });
    try {
      await ready;
      const s = store.get();
      const outcome = await runRefresh({
        services, secrets, catalog: s.catalog, bindings: s.bindings, sources: erpSources(), locale: s.locale,
        sensitivity: s.settings.sensitivity, signal: abort.signal,
        onProgress: (progress, step) => setRefresh({ progress, step }),
      });
      if (outcome.kind === 'cancelled') {
        setRefresh({ ...before, phase: 'cancelled', progress: 0, step: undefined });
        post(messageNotice('info', 'pane.refreshCancelled'));
        return;
      }
      hidden.inputs = outcome.inputs;
      const { evaluation, findings, problems } = outcome.results;
      store.update((st) => ({
        ...st,
        results: outcome.results,
        sourceStatus: { ...st.sourceStatus, ...outcome.sourceStatus },
        refresh: { phase: 'done', progress: 1, perMetric: outcome.perMetric, lastRefreshed: now().toISOString() },
      }));
      post(
        ...outcome.warnings.map((w) => notice('warning', w)),
        messageNotice('success', 'pane.refreshDone', { metrics: evaluation.metrics.length, periods: evaluation.periods.length, findings: findings.length, problems: problems.length }),
      );
    } catch (err) {
      setRefresh({ ...before, phase: 'failed', progress: 0, step: undefined });
      post(errorNotice('pane.refreshFailed', err));
    } finally {
      hidden.abort = undefined;
    }
  }

  const findingOf = (id: string) => {
    const found = store.get().results?.findings.find((f) => f.id === id);
    if (!found) throw new AppError(store.get().results ? 'pane.unknownFinding' : 'pane.noResults', { id });
    return found;
  };

  const actions: SessionActions = {
    setLocale(locale: Locale) {
      store.update((s) => ({ ...s, locale, settings: { ...s.settings, language: locale } }));
      savePrefs({ language: locale });
    },
    setView: (view) => set({ view }),
    setTheme(theme) {
      set({ theme });
      savePrefs({ theme });
    },
    setUser(name) {
      store.update((s) => ({ ...s, settings: { ...s.settings, user: name } }));
      savePrefs({ user: name });
    },
    refreshAll,
    cancelRefresh: () => hidden.abort?.abort(),
    acknowledge: async (findingId, note, by) => {
      if (by?.trim()) actions.setUser(by.trim());
      await attempt('acknowledge', async () => {
        const finding = findingOf(findingId);
        const ack = await acknowledge(services.store, finding, store.get().settings.user, note, now());
        store.update((s) => ({ ...s, acknowledgements: [...s.acknowledgements, ack] }));
        post(messageNotice('success', 'pane.acknowledged', { metric: finding.metricId, period: finding.period }));
      });
    },
    explainSelection: async () => {
      await attempt('explain', async () => {
        const ref = await host.getSelection();
        if (!ref) throw new AppError('pane.noSelection');
        set({ selection: ref });
        await explainRef(ref);
      });
    },
    explainFinding: (findingId) => set({ explaining: { findingIds: [findingId] }, view: 'explain' }),
    revealFinding: async (findingId) => {
      await attempt('reveal', async () => {
        const ref = findingRange(await host.listMarks(), findingId);
        if (!ref) throw new AppError('pane.findingNotMarked', { id: findingId });
        try {
          await host.select(ref);
        } catch {
          // The host would not show it (a hidden sheet, a build without select): say where it is instead.
          post(messageNotice('info', 'pane.findingAt', { ref: formatRef(ref) }));
        }
      });
    },
    loadBreakdown: async (metricId, dimension) => {
      await attempt('breakdown', () => {
        const s = store.get();
        if (!s.results) throw new AppError('pane.noResults');
        const ev = evaluateCatalog({ catalog: s.catalog, sources: hidden.inputs, grain: s.results.evaluation.grain, metrics: [metricId], breakdown: dimension });
        const values = ev.values.filter((v) => v.metricId === metricId && v.member !== undefined);
        store.update((st) => (st.results ? { ...st, results: { ...st.results, breakdowns: { ...st.results.breakdowns, [`${metricId}|${dimension}`]: values } } } : st));
      });
    },
    dismissNotice: (id) => store.update((s) => ({ ...s, notices: s.notices.filter((n) => n.id !== id) })),
    reloadCatalog: loadCatalog,
    ...createEditActions({ services, secrets, store, hidden, attempt, post, reloadCatalog: loadCatalog }),
  };

  return { getState: store.get, subscribe: store.subscribe, actions, ready, dispose: unsubscribe };
}

export type { Hidden as SessionInternals };

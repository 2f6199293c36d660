import type { SheetRef } from '../../core/a1';
import { AppError } from '../../core/errors';
import type { CellMark, RangeRead, ReadOptions, WorkbookHost, WriteBlock } from '../contract';
import { areaOf, assertNoCredentials, blockArea, hiddenSheet } from '../guards';
import { MarkRegistry } from '../mark-registry';
import { DEFAULT_LIMITS, type HostLimits } from './batch';
import { isPayloadLimit, officeCode, toHostError } from './errors';
import { capabilitiesOf, detectFeatures, type Features, type IsSetSupported } from './features';
import { clearMarks, mark, type MarkDeps } from './marks';
import type { DocumentSettings, XlRun } from './office-types';
import { getSelection, listNames, listSheets, listTables, readRanges } from './read';
import { SettingsRegistryStore, XmlPartRegistryStore } from './registry-store';
import { EchoGuard, SelectionEvents, selectRange } from './selection';
import { documentSettings, memorySettings, readUserSettings, SETTINGS_KEY } from './settings';
import { writeBlocks } from './write';

export interface ExcelHostDeps {
  /** `Excel.run` (or a fake): the only way the adapter reaches the workbook. */
  run: XlRun;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported: IsSetSupported;
  /** `Office.context.document.settings`; without it settings last for the session only. */
  settings?: DocumentSettings;
  /** False on Excel on the web, where notes (1.18) cannot be loaded: comments are used instead. */
  notesLoadable?: boolean;
  limits?: Partial<HostLimits>;
  now?: () => number;
  /** How long after its own write a selection event is taken for an echo (default 500 ms). */
  echoWindowMs?: number;
  /** Failures outside any call (event registration, event delivery). */
  onError?: (err: unknown) => void;
}

export interface ExcelHost extends WorkbookHost {
  readonly features: Features;
  /** Resolves when selection events are registered with Excel (a sync after creation). */
  readonly ready: Promise<void>;
  /** Unregisters the event handlers. */
  dispose(): Promise<void>;
}

/** How many times a read is retried with smaller bands after Excel refused its response size. */
const READ_RETRIES = 3;

/** The WorkbookHost over Office.js, with injected `Excel.run` and requirement checks. */
export function createExcelHost(deps: ExcelHostDeps): ExcelHost {
  const { run } = deps;
  const features = detectFeatures(deps.isSetSupported, deps.notesLoadable ?? true);
  const limits: HostLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const settings = deps.settings ? documentSettings(deps.settings) : memorySettings();
  const store = features.xmlParts ? new XmlPartRegistryStore(settings) : new SettingsRegistryStore(settings);
  const now = deps.now ?? Date.now;
  const guard = new EchoGuard(now, deps.echoWindowMs ?? 500);
  const onError = deps.onError ?? ((err: unknown) => console.warn('FinPulse (Excel):', err));
  const events = new SelectionEvents(run, features, guard, now, onError);
  const markDeps: MarkDeps = { run, features, limits, store };

  /** Names the missing or hidden sheets behind a failure with one more (cheap) request. */
  const sheetList = (): Promise<Array<{ name: string; visible: boolean }>> =>
    run(async (ctx) => {
      const list = ctx.workbook.worksheets;
      list.load('items/name,items/visibility');
      await ctx.sync();
      return list.items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' }));
    });
  const isHidden = async (sheet: string): Promise<boolean> => {
    const found = (await sheetList().catch(() => [])).find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    return found !== undefined && !found.visible;
  };

  const located = async <T>(refs: readonly SheetRef[], work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (officeCode(err) === 'ItemNotFound' && refs.length) {
        const names = await sheetList().then((list) => list.map((s) => s.name)).catch(() => undefined);
        if (names) {
          const known = new Set(names.map((n) => n.toLowerCase()));
          const missing = [...new Set(refs.map((r) => r.sheet))].filter((s) => !known.has(s.toLowerCase()));
          throw toHostError(err, refs, missing, names.join(', '));
        }
      }
      throw toHostError(err, refs);
    }
  };

  const read = async (refs: readonly SheetRef[], options: ReadOptions): Promise<RangeRead[]> => {
    let l = limits;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await run((ctx) => readRanges(ctx, features, l, refs, options));
      } catch (err) {
        if (!isPayloadLimit(err) || attempt >= READ_RETRIES) throw err;
        l = { ...l, readBytesPerCell: l.readBytesPerCell * 4 }; // the cells were bigger than guessed
      }
    }
  };

  return {
    kind: 'excel',
    features,
    ready: events.ready,
    dispose: () => events.dispose(),
    capabilities: capabilitiesOf(features, settings.persistent),

    listSheets: () => located([], () => listSheets(run, features)),
    listNames: () => located([], () => listNames(run)),
    listTables: () => located([], () => listTables(run)),

    readRanges: (refs, options = {}) =>
      located(refs, async () => {
        refs.forEach((r) => areaOf(r)); // bad addresses fail before any round trip
        if (!refs.length) return [];
        return read(refs, options);
      }),

    writeBlocks: (blocks: readonly WriteBlock[]) =>
      located(
        blocks.map((b) => ({ sheet: b.sheet, address: b.at })),
        async () => {
          const areas = blocks.map(blockArea); // every block is checked before any is written
          if (blocks.length) await guard.around(() => run((ctx) => writeBlocks(ctx, limits, blocks, areas)));
        },
      ),

    getSelection: () =>
      located([], async () => {
        try {
          return await getSelection(run);
        } catch (err) {
          if (officeCode(err) === 'InvalidSelection') return undefined; // a chart or shape is selected
          throw err;
        }
      }),

    select: (ref) =>
      located([ref], async () => {
        const area = areaOf(ref);
        try {
          await guard.around(() => selectRange(run, ref, area));
        } catch (err) {
          if (officeCode(err) !== 'ItemNotFound' && (await isHidden(ref.sheet))) throw hiddenSheet(ref);
          throw err;
        }
      }),

    onSelectionChanged: (handler) => events.subscribe(handler),

    mark: (marks: readonly CellMark[]) => located(marks, () => guard.around(() => mark(markDeps, marks))),

    clearMarks: (findingIds?: readonly string[]) => located([], () => guard.around(() => clearMarks(markDeps, findingIds))),

    marksAt: (ref) =>
      located([ref], async () => {
        const area = areaOf(ref);
        return new MarkRegistry(await store.load(run)).at(ref.sheet, area);
      }),

    listMarks: () => located([], async () => new MarkRegistry(await store.load(run)).all()),

    readSettings: () => Promise.resolve(readUserSettings(settings)),

    writeSettings: (patch) =>
      located([], async () => {
        assertNoCredentials(patch);
        const before = readUserSettings(settings);
        settings.set(SETTINGS_KEY, { ...before, ...(JSON.parse(JSON.stringify(patch)) as Record<string, unknown>) });
        try {
          await settings.save();
        } catch (err) {
          settings.set(SETTINGS_KEY, before); // keep the last good settings
          throw err;
        }
      }),
  };
}

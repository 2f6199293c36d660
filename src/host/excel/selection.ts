import { formatA1, formatRef, type Area, type SheetRef } from '../../core/a1';
import type { Unsubscribe } from '../contract';
import { parseExcelRef, splitAreas } from './cells';
import type { Features } from './features';
import type { XlEventHandlerResult, XlRun, XlSelectionEvent } from './office-types';

/**
 * Excel raises selection events for the add-in's own writes on some builds, and delivers them after
 * the write's sync. Events are dropped while a write is in flight and for a short window after.
 * A user selection inside that window is lost too; the pane's "Explain selected cell" covers it.
 */
export class EchoGuard {
  private busy = 0;
  private quietUntil = 0;

  constructor(
    private readonly now: () => number,
    private readonly windowMs: number,
  ) {}

  async around<T>(work: () => Promise<T>): Promise<T> {
    this.busy += 1;
    try {
      return await work();
    } finally {
      this.busy -= 1;
      this.quietUntil = this.now() + this.windowMs;
    }
  }

  get suppressed(): boolean {
    return this.busy > 0 || this.now() < this.quietUntil;
  }
}

/**
 * Shows a range in one request: its sheet is activated first, because some builds ignore or refuse
 * `select()` on a sheet that is not active. The caller guards it: Excel reports this selection to
 * the selection handlers as if the user had made it.
 */
export function selectRange(run: XlRun, ref: SheetRef, area: Area): Promise<void> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(ref.sheet);
    ws.activate();
    ws.getRange(formatA1(area)).select();
    await ctx.sync();
  });
}

/**
 * User selections as SheetRefs. Excel's handlers are registered once, when the host is created
 * (registration takes a sync, and a subscriber expects the very next click), and shared by every
 * subscriber: `worksheets.onSelectionChanged` (1.9), else each existing sheet's (1.7), plus
 * `onSingleClicked` (1.10) so clicking the selected cell again still reports it. A click that also
 * moved the selection raises both events; the second report of the same cell within `dedupeMs` is dropped.
 */
export class SelectionEvents {
  private readonly subscribers = new Set<{ handler: (ref: SheetRef) => void }>();
  private readonly registration: Promise<XlEventHandlerResult[]>;
  /** Resolves once Excel reports selections (or registration failed and was reported). */
  readonly ready: Promise<void>;
  private last: { key: string; at: number } | undefined;

  constructor(
    private readonly run: XlRun,
    private readonly features: Features,
    private readonly guard: EchoGuard,
    private readonly now: () => number,
    private readonly onError: (err: unknown) => void,
    private readonly dedupeMs = 300,
  ) {
    this.registration = features.selection === 'none' ? Promise.resolve([]) : this.register();
    this.ready = this.registration.then(
      () => undefined,
      (err: unknown) => this.onError(err),
    );
  }

  subscribe(handler: (ref: SheetRef) => void): Unsubscribe {
    if (this.features.selection === 'none') return () => undefined;
    const entry = { handler };
    this.subscribers.add(entry);
    return () => {
      this.subscribers.delete(entry);
    };
  }

  /** Removes Excel's handlers (the host is being dropped). */
  async dispose(): Promise<void> {
    this.subscribers.clear();
    const results = await this.registration.catch(() => []);
    results.forEach((r) => r.remove());
    await Promise.all([...new Set(results.map((r) => r.context))].map((c) => c.sync()));
  }

  private register(): Promise<XlEventHandlerResult[]> {
    const onEvent = (args: XlSelectionEvent): Promise<void> => this.arrive(args);
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const results: XlEventHandlerResult[] = [];
      if (this.features.selection === 'workbook') results.push(sheets.onSelectionChanged.add(onEvent));
      else {
        sheets.load('items/name');
        await ctx.sync();
        for (const ws of sheets.items) results.push(ws.onSelectionChanged.add(onEvent)); // sheets added later are not covered before 1.9
      }
      if (this.features.clicks) results.push(sheets.onSingleClicked.add(onEvent));
      await ctx.sync();
      return results;
    });
  }

  /** The guard is asked when the event arrives, not after the sheet name is known. */
  private async arrive(args: XlSelectionEvent): Promise<void> {
    if (this.guard.suppressed || !this.subscribers.size) return;
    try {
      const sheet = await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(args.worksheetId);
        ws.load('name');
        await ctx.sync();
        return ws.name;
      });
      const ref = parseExcelRef(splitAreas(args.address)[0] ?? '', sheet);
      if (!ref) return;
      const key = formatRef(ref);
      const at = this.now();
      if (this.last?.key === key && at - this.last.at < this.dedupeMs) return;
      this.last = { key, at };
      for (const { handler } of [...this.subscribers]) {
        try {
          handler({ ...ref });
        } catch (err) {
          this.onError(err); // one failing subscriber does not silence the others
        }
      }
    } catch (err) {
      this.onError(err);
    }
  }
}

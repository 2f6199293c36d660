import type { WorkbookSeed } from '../../testing/seed';
import type { DocumentSettings, XlContext, XlRun } from '../office-types';
import type { RequestStats } from './context';
import { FakeSession, type FakeExcelOptions } from './fake-excel';

export interface SyncCounter {
  /** `context.sync()` calls since the last reset. */
  syncs: number;
  /** `Excel.run` batches since the last reset. */
  runs: number;
}

/** Wraps any `Excel.run` (the fake or the real one) so every `context.sync()` is counted. */
export function countSyncs(run: XlRun, counter: SyncCounter = { syncs: 0, runs: 0 }): { run: XlRun; counter: SyncCounter } {
  const counted: XlRun = (batch) =>
    run((context: XlContext) => {
      counter.runs += 1;
      const sync = context.sync.bind(context);
      (context as { sync: XlContext['sync'] }).sync = () => {
        counter.syncs += 1;
        return sync();
      };
      return batch(context);
    });
  return { run: counted, counter };
}

/** The fake Excel with a sync counter and per-request payload sizes: what the host tests and the bench measure. */
export interface CountingExcel {
  readonly session: FakeSession;
  readonly run: XlRun;
  readonly isSetSupported: (name: string, version: string) => boolean;
  readonly settings: DocumentSettings;
  /** Syncs since the last reset. */
  readonly syncs: number;
  /** Every request since the last reset: bytes sent and received, cells read and written. */
  readonly requests: readonly RequestStats[];
  reset(): void;
  /** The same workbook saved, closed and opened again, with a new counter. */
  reopen(): CountingExcel;
}

export function createCountingExcel(seed: WorkbookSeed | FakeSession, options?: FakeExcelOptions): CountingExcel {
  const session = seed instanceof FakeSession ? seed : FakeSession.fromSeed(seed, options);
  const { run, counter } = countSyncs(session.run);
  let first = session.requests.length;
  return {
    session,
    run,
    isSetSupported: session.isSetSupported,
    settings: session.settings,
    get syncs() {
      return counter.syncs;
    },
    get requests() {
      return session.requests.slice(first);
    },
    reset() {
      counter.syncs = 0;
      counter.runs = 0;
      first = session.requests.length;
    },
    reopen: () => createCountingExcel(session.reopen()),
  };
}

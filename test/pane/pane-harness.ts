import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { FetchLike } from '../../src/core/sources';
import type { DemoErp } from '../../src/demo-erp';
import { createMemoryHost, MemoryWorkbook, type MemoryHost } from '../../src/host/memory';
import { createDexieStore } from '../../src/storage/dexie';
import { createDexieSnapshotStore } from '../../src/storage/snapshots/dexie-snapshot-store';
import type { MetricStore } from '../../src/storage/types';
import { createDexieSecretStore, createPaneSession, memoryPreferences, type PaneSession } from '../../src/ui/session';
import type { PaneServices, PaneState } from '../../src/ui/session';

const EXAMPLES = resolve(__dirname, '../../examples');
export const CATALOG: unknown = JSON.parse(readFileSync(resolve(EXAMPLES, 'catalog.json'), 'utf8'));

/** examples/ledger.csv typed into a worksheet, as an accountant's workbook holds it: dates as text, amounts as numbers. */
export function ledgerWorkbook(): { book: MemoryWorkbook; rows: number } {
  const lines = readFileSync(resolve(EXAMPLES, 'ledger.csv'), 'utf8').trim().split(/\r?\n/);
  const book = new MemoryWorkbook();
  const sheet = book.addSheet('Ledger');
  lines.forEach((line, r) => {
    line.split(',').forEach((text, c) => {
      const numeric = r > 0 && c === 2;
      sheet.set(r, c, { value: numeric ? Number(text) : text === '' ? null : text });
    });
  });
  return { book, rows: lines.length };
}

export const ledgerBinding = (rows: number) => ({
  id: 'ledger_sheet',
  target: { kind: 'range', ref: `Ledger!A1:G${rows}` },
  layout: 'long',
  long: { date: 'date', amount: 'amount', account: 'account', dimensions: { entity: 'entity', department: 'department', product: 'product' } },
});

let dbCount = 0;

export interface Pane {
  session: PaneSession;
  services: PaneServices;
  host: MemoryHost;
  store: MetricStore;
  close(): Promise<void>;
}

/** A pane session on the memory host with real (fake-indexeddb) Dexie stores and Node's fetch. */
export function openPane(opts: { book?: MemoryWorkbook; erp?: DemoErp; displayLanguage?: string } = {}): Pane {
  dbCount += 1;
  const tag = `pane-test-${process.pid}-${dbCount}`;
  const host = createMemoryHost(opts.book ?? new MemoryWorkbook());
  const store = createDexieStore({ name: `${tag}-history`, indexedDB, IDBKeyRange });
  const snapshots = createDexieSnapshotStore({ name: `${tag}-snapshots`, indexedDB, IDBKeyRange });
  const secrets = createDexieSecretStore({ name: `${tag}-secrets`, indexedDB, IDBKeyRange });
  const services: PaneServices = {
    host, store, snapshots, secrets,
    fetch: fetch as unknown as FetchLike,
    bundledCatalog: CATALOG,
    preferences: memoryPreferences(),
    ...(opts.displayLanguage ? { displayLanguage: opts.displayLanguage } : {}),
    ...(opts.erp ? { demo: { erpUrl: opts.erp.url } } : {}),
  };
  const session = createPaneSession(services);
  return {
    session, services, host, store,
    close: async () => {
      session.dispose();
      await store.close();
      snapshots.close();
      secrets.close();
    },
  };
}

/** Resolves with the first state that satisfies `test` (checked now and after each change). */
export function waitFor(session: PaneSession, test: (s: PaneState) => boolean, ms = 20000): Promise<PaneState> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const s = session.getState();
      if (!test(s)) return false;
      stop();
      clearTimeout(timer);
      resolve(s);
      return true;
    };
    const stop = session.subscribe(() => void check());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`state not reached in ${ms} ms; notices: ${session.getState().notices.map((n) => n.text['en-US']).join(' | ')}`));
    }, ms);
    check();
  });
}

export const noticeTexts = (s: PaneState): string[] => s.notices.map((n) => `${n.intent}: ${n.text['en-US']}`);

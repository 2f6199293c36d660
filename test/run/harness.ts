import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoErp, type DemoErp } from '../../src/demo-erp';
import { ledgerBinding, writeDemoBook, type Planted } from './demo-book';

const ROOT = join(__dirname, '../..');
export const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];

export interface RunSetup {
  dir: string;
  config: string;
  secrets: string;
  book: string;
  planted: Planted;
  outDir: string;
  stateDir: string;
}

export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The example GL source pointed at this ERP, under the id the catalog's metrics read ("ledger"). */
function glSource(erpUrl: string): Record<string, unknown> {
  const text = readFileSync(join(ROOT, 'examples/sources/gl-page-bearer.json'), 'utf8').split('http://127.0.0.1:4010').join(erpUrl);
  return { ...(JSON.parse(text) as Record<string, unknown>), id: 'ledger' };
}

/**
 * A run folder as a controller would set it up: the demo ERP's journal as source "ledger", a
 * workbook whose ledger sheet is source "book", a reconciliation of revenue between the two, an
 * alert rule to a webhook, and the secrets in a file of their own.
 */
export async function setupRun(erp: DemoErp, hook: { url: string; secret: string }, over: Record<string, unknown> = {}, book: { pad?: number } = {}): Promise<RunSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'finpulse-run-'));
  const bookPath = join(dir, 'close.xlsx');
  const planted = await writeDemoBook(bookPath, erp.data.datasets.gl, MONTHS, book);
  const write = (name: string, value: unknown): string => {
    writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
    return join(dir, name);
  };
  write('sources-gl.json', glSource(erp.url));
  write('bindings.json', [ledgerBinding(planted.rows)]);
  write('channels.json', [{ id: 'close-hook', type: 'webhook', urlSecret: 'HOOK_URL', secret: 'HOOK_SECRET' }]);
  write('rules.json', [{ id: 'critical-to-hook', name: { 'zh-CN': '危急预警', 'en-US': 'Critical findings' }, when: { severityAtLeast: 'critical' }, dedupKey: '{rule}', channels: ['close-hook'] }]);
  write('reconciliations.json', {
    rules: [{
      id: 'revenue-book-vs-erp',
      name: { 'zh-CN': '收入：工作簿对 ERP', 'en-US': 'Revenue: workbook vs ERP' },
      left: { source: 'ledger', metric: 'revenue' },
      right: { source: 'book', metric: 'revenue' },
      tolerance: { absolute: 0.01 },
      from: MONTHS[0], to: MONTHS[MONTHS.length - 1],
      traceBy: ['department'],
      severity: 'warning',
    }],
  });
  const secrets = write('secrets.json', { ERP_TOKEN: 'demo-bearer-token', HOOK_URL: hook.url, HOOK_SECRET: hook.secret });
  const config = write('finpulse.config.json', {
    catalog: join(ROOT, 'examples/catalog.json'),
    sources: ['sources-gl.json'],
    workbooks: [{ path: 'close.xlsx', bindings: 'bindings.json' }],
    alerts: { rules: 'rules.json', channels: 'channels.json' },
    reconciliations: 'reconciliations.json',
    output: 'out',
    state: 'state',
    failOn: 'critical',
    lang: 'en-US',
    ...over,
  });
  return { dir, config, secrets, book: bookPath, planted, outDir: join(dir, 'out'), stateDir: join(dir, 'state') };
}

/** The demo ERP (two years of journal lines) on a free port, and a run folder on it whose runs alert nobody. */
export async function quietRun(over: Record<string, unknown> = {}): Promise<{ erp: DemoErp; s: RunSetup }> {
  const erp = await startDemoErp({ port: 0, journalLines: 21_600 });
  return { erp, s: await setupRun(erp, { url: 'http://127.0.0.1:9/unused', secret: 'unused' }, { alerts: undefined, ...over }) };
}

/**
 * `finpulse run` end to end: the demo ERP on a free port, a workbook written here, a webhook
 * receiver on 127.0.0.1. Everything real: HTTP, files, the saved copy reopened with ExcelJS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startDemoErp, PLANTED, type DemoErp } from '../../src/demo-erp';
import type { RunResult } from '../../src/core/report';
import { cli } from '../cli-harness';
import { CREDENTIALS, platformSecrets, startPlatforms } from '../alerts/harness';
import type { Receiver } from '../alerts/receiver';
import { LEDGER_SHEET } from './demo-book';
import { setupRun, sha256, type RunSetup } from './harness';

const readResult = (s: RunSetup): RunResult => JSON.parse(readFileSync(join(s.outDir, 'result.json'), 'utf8')) as RunResult;
const webhooks = (rx: Receiver): number => rx.received.filter((r) => r.platform === 'webhook').length;

describe('finpulse run on the demo ERP and a demo workbook', () => {
  let erp: DemoErp;
  let rx: Receiver;
  let s: RunSetup;
  let bookHash: string;
  let first: { code: number; out: string; err: string };

  beforeAll(async () => {
    erp = await startDemoErp({ port: 0, journalLines: 21_600 });
    rx = await startPlatforms();
    s = await setupRun(erp, { url: platformSecrets(rx)['hook_url']!, secret: CREDENTIALS.hookSecret });
    bookHash = sha256(s.book);
    first = await cli('run', '--config', s.config, '--secrets', s.secrets);
  });
  afterAll(async () => {
    await erp.close();
    await rx.close();
  });

  it('exits 1 for critical findings, prints a line per stage and a summary', () => {
    const result = readResult(s);
    expect(result.counts.failing).toBeGreaterThan(0);
    expect(first.code).toBe(1);
    expect(result.exitCode).toBe(1);
    expect(first.err).toMatch(/\[1\/10\] config: 71 metrics, 1 sources, 1 workbooks, 2 rules/);
    expect(first.err).toMatch(/\[6\/10\] reconcile: 1 rules, 1 breaking/);
    expect(first.out).toMatch(/^finpulse run: Attention: findings at or above Critical .* report .*report\.html\n$/);
    expect(result.stages.map((x) => x.stage)).toEqual(['config', 'sources', 'workbooks', 'evaluate', 'detect', 'reconcile', 'alerts', 'copies', 'report', 'record']);
  });

  it('finds the planted mismatches and traces each to its rows', () => {
    const rec = readResult(s).reconciliations[0]!;
    expect(rec.status).toBe('breaks');
    const breaking = rec.periods.filter((p) => !p.agrees).map((p) => p.period);
    const missingMonth = String(s.planted.missing['postingDate']).slice(0, 7);
    const changedMonth = String(s.planted.changed['postingDate']).slice(0, 7);
    expect(breaking.sort()).toEqual([...new Set([missingMonth, changedMonth])].sort());
    const missingRows = rec.periods.find((p) => p.period === missingMonth)!.rows;
    expect(missingRows).toContainEqual(expect.objectContaining({ reason: 'onlyLeft', origin: `ledger:${String(s.planted.missing['id'])}` }));
    const changed = rec.periods.find((p) => p.period === changedMonth)!.rows.find((r) => r.reason === 'amountDiffers')!;
    expect(changed.otherOrigin).toBe(`${LEDGER_SHEET}!A${s.planted.changedRow}`);
    // Revenue is credit-normal: a debit 1,000 higher in the workbook is 1,000 less revenue there.
    expect(changed.amount - changed.otherAmount!).toBeCloseTo(s.planted.changedBy, 2);
  });

  it('marks the planted anomaly and the mismatched row in the saved copy, and leaves the original byte-identical', async () => {
    expect(sha256(s.book)).toBe(bookHash);
    const result = readResult(s);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(s.outDir, 'close.finpulse.xlsx'));
    const row = wb.getWorksheet(LEDGER_SHEET)!.getCell(`A${s.planted.changedRow}`);
    expect(row.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(JSON.stringify(row.note)).toMatch(/Revenue: workbook vs ERP/);
    // The ERP's planted selling-expense spike shows up as a finding on the total, marked on its results row.
    const drop = PLANTED.find((p) => p.id === 'selling-expense-spike')!;
    const finding = result.findings.find((f) => f.metricId === drop.metric && f.period === drop.period && !f.member && f.kind !== 'reconcile');
    expect(finding).toBeDefined();
    const results = wb.getWorksheet('FinPulse')!;
    const at = results.getColumn(1).values.findIndex((v, i) => v === drop.metric && results.getCell(i, 3).value === drop.period);
    expect(at).toBeGreaterThan(1);
    const cell = results.getCell(at, 4);
    expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(JSON.stringify(cell.note)).toContain(JSON.stringify(finding!.explanation['en-US']).slice(1, -1));
    expect(results.getCell(at, 8).value).toBeTruthy();
  });

  it('sends the alert to the webhook once, and not again on the next run', async () => {
    expect(webhooks(rx)).toBe(1);
    const delivered = rx.received.find((r) => r.platform === 'webhook')!;
    expect(JSON.stringify(delivered.json)).toMatch(/critical/i);
    const again = await cli('run', '--config', s.config, '--secrets', s.secrets, '--quiet');
    expect(again.code).toBe(1);
    expect(again.err).toBe('');
    expect(webhooks(rx)).toBe(1);
    expect(readResult(s).alerts).toEqual([]);
    const runs = readFileSync(join(s.stateDir, 'runs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { exitCode: number; counts: { alertsSent: number } });
    expect(runs.map((r) => [r.exitCode, r.counts.alertsSent])).toEqual([[1, 1], [1, 0]]);
  });

  it('prints only the JSON result on stdout with --format json', async () => {
    const run = await cli('run', '--config', s.config, '--secrets', s.secrets, '--format', 'json');
    const parsed = JSON.parse(run.out) as RunResult;
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.exitCode).toBe(run.code);
    expect(parsed.metrics.find((m) => m.id === 'revenue')!.values).toHaveLength(36);
    expect(run.err).toBe('');
  });

  it('keeps the last good snapshot when the ERP fails mid-run, and reports the source as stale', async () => {
    const before = readResult(s);
    erp.admin.setFaults({ status500: { times: 1000 } });
    try {
      const run = await cli('run', '--config', s.config, '--secrets', s.secrets, '--fail-on', 'warning');
      const after = readResult(s);
      const ledger = after.sources.find((x) => x.id === 'ledger')!;
      expect(ledger.status).toBe('stale');
      expect(ledger.fetchedAt).toBe(before.sources.find((x) => x.id === 'ledger')!.fetchedAt);
      expect(ledger.message!['en-US']).toMatch(/stale since/i);
      expect(after.counts.staleSources).toBe(1);
      // The results are the previous ones, computed from the snapshot.
      const revenue = (r: RunResult) => r.metrics.find((m) => m.id === 'revenue')!.values;
      expect(revenue(after)).toEqual(revenue(before));
      const atOrAbove = after.findings.filter((f) => f.severity !== 'notice').length;
      expect(after.counts.failing).toBe(atOrAbove + 1);
      expect(run.code).toBe(1);
      expect(readFileSync(join(s.outDir, 'report.html'), 'utf8')).toMatch(/Stale/);
    } finally {
      erp.admin.clearFaults();
    }
  });
});

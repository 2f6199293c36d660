/**
 * `npx tsx bench/host.bench.ts`: round trips of the Excel adapter on the counting mock of Office.js
 * (src/host/excel/testing): syncs for refresh-style reads of 10, 100 and 1,000 bound metrics over
 * three sheets, then marking 10,000 cells and writing 200,000 × 10, with the bytes of every request.
 * Sets a failing exit code when the sync count grows with the metrics or a request passes 5 MB.
 */
import { cellAddress, type SheetRef } from '../src/core/a1';
import type { CellMark } from '../src/host/contract';
import { createCountingExcel, excelHostOver, type CountingExcel, type RequestStats } from '../src/host/excel/testing';
import type { WorkbookSeed } from '../src/host/testing/seed';

const FIVE_MB = 5_000_000;
const SHEETS = ['Ledger', 'Budget', 'Forecast'];
const ROWS = 1_000;

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const ms = (t0: bigint): string => `${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`;

/** Three sheets of 1,000 metrics: a label and 12 monthly values per row. */
function workbook(): WorkbookSeed {
  return {
    sheets: SHEETS.map((name) => {
      const cells: WorkbookSeed['sheets'][number]['cells'] = {};
      for (let r = 0; r < ROWS; r += 1) {
        cells[cellAddress(r, 0)] = `metric ${r}`;
        for (let c = 1; c <= 12; c += 1) cells[cellAddress(r, c)] = r * 100 + c + 0.5;
      }
      return { name, cells };
    }),
  };
}

/** n bound metrics, each its row of 13 cells, spread over the three sheets. */
const bound = (n: number): SheetRef[] => Array.from({ length: n }, (_, i) => ({ sheet: SHEETS[i % 3]!, address: `A${Math.floor(i / 3) + 1}:M${Math.floor(i / 3) + 1}` }));

let failed = false;
const check = (ok: boolean, what: string): string => {
  if (!ok) failed = true;
  return ok ? 'ok' : `FAIL: ${what}`;
};

function requests(excel: CountingExcel): string {
  const rs: readonly RequestStats[] = excel.requests;
  const over = rs.filter((r) => r.requestBytes >= FIVE_MB || r.responseBytes >= FIVE_MB || r.error);
  const each = rs.map((r) => `${mb(r.requestBytes)} ↑ ${mb(r.responseBytes)} ↓`).join(', ');
  return `${each}  [${check(!over.length, `${over.length} request(s) over 5 MB or refused`)}]`;
}

async function reads(): Promise<void> {
  console.log('refresh-style reads (1 row × 13 cells per metric, 3 sheets):');
  const excel = createCountingExcel(workbook());
  const host = excelHostOver(excel);
  await host.ready;
  const counts: number[] = [];
  for (const n of [10, 100, 1_000]) {
    for (const styles of [false, true]) {
      excel.reset();
      const t0 = process.hrtime.bigint();
      await host.readRanges(bound(n), { styles });
      if (!styles) counts.push(excel.syncs);
      console.log(`  ${String(n).padStart(5)} metrics${styles ? ' + fills/notes' : '              '}: ${excel.syncs} sync(s), ${ms(t0)}; ${requests(excel)}`);
    }
  }
  console.log(`  sync count vs metrics: ${counts.join(' / ')} [${check(new Set(counts).size === 1, 'grows with the number of metrics')}]`);
}

async function marks(): Promise<void> {
  console.log('marking 10,000 cells:');
  const excel = createCountingExcel(workbook());
  const host = excelHostOver(excel);
  await host.ready;
  excel.reset();
  await host.listMarks();
  console.log(`  registry load (once per session): ${excel.syncs} sync(s)`);
  const block: CellMark[] = [{ sheet: 'Budget', address: 'B1:K1000', findingId: 'budget-overrun', severity: 'warning', note: 'Budget 12% over plan' }];
  const scattered: CellMark[] = Array.from({ length: 10_000 }, (_, i) => ({
    sheet: 'Ledger',
    address: cellAddress(i % ROWS, 1 + Math.floor(i / ROWS)),
    findingId: `finding-${i}`,
    severity: 'critical',
    note: `异常：比预期高 ${i % 97}%`,
  }));
  for (const [label, work] of [
    ['one finding on a 1,000 × 10 block', () => host.mark(block)],
    ['10,000 findings, one cell each', () => host.mark(scattered)],
    ['clear all', () => host.clearMarks()],
  ] as const) {
    excel.reset();
    const t0 = process.hrtime.bigint();
    await work();
    console.log(`  ${label.padEnd(34)}: ${excel.syncs} sync(s), ${ms(t0)}; ${requests(excel)}`);
  }
}

async function bigWrite(): Promise<void> {
  console.log('writing 200,000 × 10 (a text column and 9 numbers):');
  const excel = createCountingExcel({ sheets: [{ name: 'Data', cells: {} }] });
  const host = excelHostOver(excel);
  await host.ready;
  const values = Array.from({ length: 200_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => (c === 0 ? `row ${r}` : r * 10 + c + 0.25)));
  excel.reset();
  const t0 = process.hrtime.bigint();
  await host.writeBlocks([{ sheet: 'Results', at: 'A1', values }]);
  console.log(`  write: ${excel.syncs} sync(s), ${ms(t0)}; ${requests(excel)}`);
  excel.reset();
  const t1 = process.hrtime.bigint();
  await host.readRanges([{ sheet: 'Results', address: 'A1:J200000' }]);
  console.log(`  read back: ${excel.syncs} sync(s), ${ms(t1)}; largest response ${mb(Math.max(...excel.requests.map((r) => r.responseBytes)))} [${check(excel.requests.every((r) => r.responseBytes < FIVE_MB && !r.error), 'response over 5 MB')}]`);
}

async function main(): Promise<void> {
  await reads();
  await marks();
  await bigWrite();
  if (failed) process.exitCode = 1;
}

void main();

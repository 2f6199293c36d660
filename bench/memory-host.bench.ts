/**
 * Part of `npm run bench:host`: on the memory adapter, read and parse a 200,000-row ledger table
 * (one readRanges call, then the long-layout binding) and print the time.
 */
import { readBinding } from '../src/core/bindings';
import { parseA1 } from '../src/core/a1';
import { createMemoryHost } from '../src/host/memory';
import { MemoryWorkbook } from '../src/host/memory/workbook';
import { prng } from '../src/core/testing/prng';

const ROWS = Number(process.env['BENCH_HOST_ROWS'] ?? 200_000);

async function main(): Promise<void> {
  const rnd = prng(11);
  const book = new MemoryWorkbook();
  const sheet = book.addSheet('Ledger');
  ['Date', 'Account', 'Amount', 'Department', 'Product'].forEach((h, c) => sheet.set(0, c, { value: h }));
  for (let r = 1; r <= ROWS; r += 1) {
    sheet.set(r, 0, { value: 45292 + Math.floor(rnd() * 1096) });
    sheet.set(r, 1, { value: `${6001 + Math.floor(rnd() * 10) * 100}` });
    sheet.set(r, 2, { value: Math.round((rnd() - 0.3) * 1e7) / 100 });
    sheet.set(r, 3, { value: `D${Math.floor(rnd() * 8)}` });
    sheet.set(r, 4, { value: `P${Math.floor(rnd() * 50)}` });
  }
  book.tables.push({ name: 'Journal', ref: { sheet: 'Ledger', address: `A1:E${ROWS + 1}` } });
  const host = createMemoryHost(book);
  const binding = { id: 'journal', target: { kind: 'table' as const, table: 'Journal' }, layout: 'long' as const, long: { date: 'Date', amount: 'Amount', account: 'Account' } };

  const runs: Array<{ read: number; parse: number; rows: number }> = [];
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    const [read] = await host.readRanges([{ sheet: 'Ledger', address: `A1:E${ROWS + 1}` }]);
    const t1 = performance.now();
    const area = parseA1(read!.ref.address)!;
    const result = readBinding(binding, [{ sheet: 'Ledger', row: area.row, col: area.col, values: read!.values }]);
    const t2 = performance.now();
    runs.push({ read: t1 - t0, parse: t2 - t1, rows: result.table.rows });
  }
  const best = runs.reduce((a, b) => (a.read + a.parse <= b.read + b.parse ? a : b));
  console.log(`memory host: ${ROWS.toLocaleString('en-US')}-row ledger table (5 columns, ${(ROWS * 5).toLocaleString('en-US')} cells)`);
  console.log(`  readRanges ${best.read.toFixed(0)} ms + long-layout parse ${best.parse.toFixed(0)} ms = ${(best.read + best.parse).toFixed(0)} ms (best of 3); ${best.rows.toLocaleString('en-US')} observations; ${(ROWS / ((best.read + best.parse) / 1000) / 1e6).toFixed(2)} M rows/s`);
}

void main();

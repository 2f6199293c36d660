/**
 * `npm run bench`: evaluates 300 metrics over 36 months of a 1,000,000-row ledger and compares the
 * grouped pass with the same grouped sums in arquero (baseline). Prints numbers; never asserts.
 */
import * as aq from 'arquero';
import { validateCatalog } from '../src/core/catalog';
import { evaluateCatalog } from '../src/core/engine';
import { benchCatalog, buildLedger } from './ledger-fixture';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** The first (cold: JIT not warm) run, then RUNS warm runs as in a long-lived pane or scheduled CLI. */
function timeRuns(fn: () => void): { cold: number; warm: number[] } {
  const once = (): number => {
    const t0 = process.hrtime.bigint();
    fn();
    return ms(t0);
  };
  const cold = once();
  return { cold, warm: Array.from({ length: RUNS }, once) };
}

function main(): void {
  const t0 = process.hrtime.bigint();
  const ledger = buildLedger(ROWS);
  console.log(`ledger: ${ROWS.toLocaleString('en-US')} rows, 36 months, 100 accounts × 8 departments × 50 products (built in ${ms(t0).toFixed(0)} ms)`);
  const catalog = benchCatalog();
  const check = validateCatalog(catalog);
  if (!check.catalog) throw new Error(`bench catalog invalid: ${check.problems[0]?.message['en-US']}`);
  console.log(`catalog: ${catalog.metrics.length} metrics (${catalog.metrics.filter((m) => m.kind === 'base').length} base, the rest derived)`);

  let values = 0;
  const engineTimes = timeRuns(() => {
    values = evaluateCatalog({ catalog, sources: { ledger: ledger.table }, grain: 'month' }).values.length;
  });
  const engineRss = process.resourceUsage().maxRSS * 1024;

  let groups = 0;
  const arqueroTimes = timeRuns(() => {
    const t = aq.table({ account: ledger.account, department: ledger.department, month: ledger.month, amount: ledger.table.measures['amount']! });
    groups = t.groupby('account', 'department', 'month').rollup({ total: aq.op.sum('amount') }).numRows();
  });

  const engine = median(engineTimes.warm);
  const arquero = median(arqueroTimes.warm);
  console.log('');
  console.log(`engine   (300 metrics × 36 months, ${values.toLocaleString('en-US')} values): median ${engine.toFixed(0)} ms over ${RUNS} warm runs, cold first run ${engineTimes.cold.toFixed(0)} ms`);
  console.log(`         ${(ROWS / (engine / 1000) / 1e6).toFixed(1)} M rows/s · peak RSS ${mib(engineRss)}`);
  console.log(`arquero  (baseline: groupby account, department, precomputed month → sum; ${groups.toLocaleString('en-US')} groups): median ${arquero.toFixed(0)} ms, cold ${arqueroTimes.cold.toFixed(0)} ms`);
  console.log(`ratio engine/arquero: ${(engine / arquero).toFixed(2)} (target ≤ 1.00) · full evaluation ${(engine / 1000).toFixed(2)} s (target ≤ 2 s)`);
  console.log(`peak RSS of the whole run: ${mib(process.resourceUsage().maxRSS * 1024)}`);
}

main();

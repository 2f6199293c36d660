/**
 * `npm run bench:run`: one full `finpulse run` over the demo ERP (36 months, its default 60,000
 * journal lines) and a generated workbook of 200,000 ledger rows, with a reconciliation between
 * them; prints the wall time of each stage and the total.
 */
import { statSync } from 'node:fs';
import { startDemoErp } from '../src/demo-erp';
import { main } from '../src/cli/main';
import type { RunResult } from '../src/core/report';
import { setupRun } from '../test/run/harness';

const WORKBOOK_ROWS = 200_000;

async function bench(): Promise<void> {
  const erp = await startDemoErp({ port: 0 });
  try {
    const made = performance.now();
    const s = await setupRun(erp, { url: 'http://127.0.0.1:9/unused', secret: 'unused' }, { alerts: undefined }, { pad: WORKBOOK_ROWS });
    console.log(`workbook: ${s.planted.rows - 1} rows, ${(statSync(s.book).size / 1e6).toFixed(1)} MB, written in ${((performance.now() - made) / 1000).toFixed(1)} s (not part of the run)`);
    let out = '';
    const start = performance.now();
    const code = await main(['run', '--config', s.config, '--secrets', s.secrets, '--format', 'json'], { out: (t) => (out += t), err: (t) => process.stderr.write(t) }, {});
    const wall = performance.now() - start;
    const result = JSON.parse(out) as RunResult;
    console.log(`finpulse run: exit ${code}; ${result.sources.map((x) => `${x.id} ${x.rows} rows`).join(', ')}; ${result.workbooks.map((w) => `${w.rows} workbook rows`).join(', ')}`);
    for (const st of result.stages) console.log(`  ${st.stage.padEnd(10)} ${(st.ms / 1000).toFixed(2).padStart(7)} s  ${st.detail?.['en-US'] ?? st.status}`);
    console.log(`  ${'total'.padEnd(10)} ${(wall / 1000).toFixed(2).padStart(7)} s  (peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`);
  } finally {
    await erp.close();
  }
}

bench().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

/**
 * `npm run bench:erp`: the ERP connectors against the demo ERP on 127.0.0.1 with 200,000 journal
 * lines. Full sync at 1,000 rows per page with bounded concurrency (baseline: sequential paging);
 * incremental refresh after 1% of rows changed (target: ≤ 2% of a full sync's rows); OData
 * aggregation pushdown against pulling the rows (baseline), with times and bytes sent by the server.
 * Sets a failing exit code when a target is missed or pushdown and rows disagree.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { nodeFetch, systemClock } from '../src/cli/source-runtime';
import { memorySecretStore } from '../src/core/secrets';
import { fetchSource, memorySnapshotStore, parseSource, refreshSource, tableOf, type SourceContext, type SourceDefinition } from '../src/core/sources';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LINES = 200_000;
const PAGE = 1_000;
const CONCURRENCY = 4;
const ROOT = join(__dirname, '..');
const EXAMPLES = join(ROOT, 'examples', 'sources');

const secrets = memorySecretStore(JSON.parse(readFileSync(join(EXAMPLES, 'demo-secrets.json'), 'utf8')) as Record<string, string>);
const ctx: SourceContext = { fetch: nodeFetch, secrets, clock: systemClock };

let failed = false;
const verdict = (ok: boolean, what: string): string => {
  if (!ok) failed = true;
  return ok ? 'ok' : `FAIL: ${what}`;
};
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function definition(name: string, url: string, patch: (d: Record<string, unknown>) => void): SourceDefinition {
  const raw = JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8').split('http://127.0.0.1:4010').join(url)) as Record<string, unknown>;
  patch(raw);
  const { source, problems } = parseSource(JSON.stringify(raw));
  if (!source) throw new Error(problems.map((p) => p.message['en-US']).join('; '));
  return source;
}

/**
 * The demo ERP in its own process, as a real ERP would be: in-process, server and client would
 * share one event loop and the concurrency figure would measure that, not the connector.
 */
function startErpProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'demo-erp', 'main.ts'), '--port', '0', '--lines', String(LINES)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`the demo ERP exited (${code}) before listening: ${out}`)));
  });
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const { url, child } = await startErpProcess();
  const admin = async (path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return (await res.json()) as Record<string, unknown>;
  };
  try {
    const total = ((await admin('/health'))['records'] as Record<string, number>)['gl']!;
    console.log(`demo ERP: ${total.toLocaleString('en-US')} journal lines, ready in ${secs(Date.now() - t0)} (in its own process)\n`);
    const paged = (concurrency: number) =>
      definition('gl-page-bearer.json', url, (d) => {
        (d['paging'] as Record<string, unknown>)['size'] = PAGE;
        d['limits'] = { concurrency };
      });

    console.log(`full sync, ${PAGE.toLocaleString('en-US')} rows per page:`);
    const seq = await fetchSource(paged(1), ctx);
    const con = await fetchSource(paged(CONCURRENCY), ctx);
    const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-US');
    console.log(`  sequential paging (baseline):  ${rate(seq.changes.rows.length, seq.stats.ms)} rows/s  ${secs(seq.stats.ms)}  ${seq.stats.pages} pages  ${mb(seq.stats.bytes)}`);
    console.log(`  ${CONCURRENCY} pages at once:              ${rate(con.changes.rows.length, con.stats.ms)} rows/s  ${secs(con.stats.ms)}  speed-up ×${(seq.stats.ms / con.stats.ms).toFixed(2)} over sequential`);
    console.log(`  rows: ${con.changes.rows.length.toLocaleString('en-US')}  [${verdict(con.changes.rows.length === total && seq.changes.rows.length === total, 'a full sync missed rows')}]\n`);

    console.log('incremental refresh after 1% of rows changed:');
    const store = memorySnapshotStore();
    const full = await refreshSource(paged(CONCURRENCY), ctx, { store });
    const m = await admin('/admin/mutate', { dataset: 'gl', change: 0.01, seed: 1 });
    const inc = await refreshSource(paged(CONCURRENCY), ctx, { store });
    const ratio = inc.stats!.records / full.stats!.records;
    console.log(`  full sync (baseline):  ${full.stats!.records.toLocaleString('en-US')} rows  ${mb(full.stats!.bytes)}  ${secs(full.stats!.ms)}`);
    console.log(`  incremental:           ${inc.stats!.records.toLocaleString('en-US')} rows  ${mb(inc.stats!.bytes)}  ${secs(inc.stats!.ms)}  (${String(m['changed'])} changed on the server)`);
    console.log(`  rows transferred: ${(ratio * 100).toFixed(2)}% of a full sync  [${verdict(ratio <= 0.02 && inc.error === undefined, 'more than 2% of a full sync')}]\n`);

    console.log('OData: aggregation pushdown ($apply) vs pulling rows:');
    const odata = definition('gl-odata-pushdown.json', url, () => undefined);
    const measure = async (pushdown: boolean) => {
      await admin('/admin/stats/reset', {});
      const r = await fetchSource(odata, ctx, { pushdown });
      const bytes = (await admin('/admin/stats'))['bytesSent'] as number;
      return { r, bytes };
    };
    const rows = await measure(false);
    const pushed = await measure(true);
    // Sums per account, department and month: what the engine reads at month grain or coarser.
    const sums = (r: typeof rows.r): string => {
      const t = tableOf({ rows: r.changes.rows, scale: 2 });
      const by = new Map<string, bigint>();
      const text = (col: string, i: number) => t.text[col]!.dict[t.text[col]!.codes[i]!]!;
      for (let i = 0; i < t.rows; i += 1) {
        const key = `${text('account', i)}|${text('department', i)}|${new Date(t.day[i]! * 86_400_000).toISOString().slice(0, 7)}`;
        by.set(key, (by.get(key) ?? 0n) + BigInt(t.measures['amount']![i]!));
      }
      return JSON.stringify([...by].map(([k, v]) => [k, String(v)]).sort());
    };
    console.log(`  pulling rows (baseline):  ${secs(rows.r.stats.ms)}  ${mb(rows.bytes)} sent  ${rows.r.changes.rows.length.toLocaleString('en-US')} rows  ${rows.r.stats.pages} pages`);
    console.log(`  pushdown:                 ${secs(pushed.r.stats.ms)}  ${mb(pushed.bytes)} sent  ${pushed.r.changes.rows.length.toLocaleString('en-US')} groups  ×${(rows.r.stats.ms / pushed.r.stats.ms).toFixed(1)} faster, ×${(rows.bytes / pushed.bytes).toFixed(0)} fewer bytes`);
    console.log(`  same sums per account, department and month: ${verdict(pushed.r.stats.mode === 'pushdown' && sums(rows.r) === sums(pushed.r), 'pushdown and rows disagree')}`);
  } finally {
    child.kill('SIGTERM');
  }
  if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

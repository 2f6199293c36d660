/**
 * `npm run bench:server`: 50 concurrent clients × 40 conditional writes (GET for the ETag, PUT with
 * If-Match, re-read and retry on 412) on 10 shared metrics, against SQLite and against PostgreSQL
 * behind two service instances. Every write increments a counter inside the metric, so a lost
 * update would show as a counter below the number of acknowledged writes. Prints throughput and
 * p50/p99 latency; sets a failing exit code on any lost update, unexplained status or broken chain.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalogService, openRepository, startServer, userId, verifyStorage, type CatalogRepository, type EntryView, type RunningServer } from '../src/server';
import { findPostgresBin, POSTGRES_MISSING, startPostgres } from '../src/server/testing/postgres';

const CLIENTS = 50;
const WRITES = 40;
const METRICS = 10;

interface Instance {
  repo: CatalogRepository;
  server: RunningServer;
  token: string;
}

interface Tally {
  ok: number;
  conflicts: number;
  other: string[];
  latencies: number[];
}

let failed = false;
const check = (ok: boolean, what: string): string => {
  if (!ok) failed = true;
  return ok ? 'ok' : `FAIL: ${what}`;
};

async function request(base: string, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, etag: res.headers.get('etag') ?? '', body: (await res.json()) as EntryView };
}

const definition = (id: string, count: number) => ({
  id,
  name: { 'zh-CN': id, 'en-US': id },
  category: 'bench',
  unit: 'count',
  direction: 'neutral',
  kind: 'base',
  department: 'finance',
  targets: [{ period: '2026-01', value: count }],
});
const countOf = (e: EntryView): number => Number((e.definition['targets'] as Array<{ value: number }>)[0]!.value);

/** One client: 40 acknowledged increments, each read-modify-write guarded by If-Match. */
async function client(n: number, instances: Instance[], tokens: string[], tally: Tally): Promise<void> {
  const at = instances[n % instances.length]!.server.url;
  const path = `/catalogs/bench/metrics/m${n % METRICS}`;
  for (let done = 0; done < WRITES; ) {
    const read = await request(at, tokens[n]!, 'GET', `${path}?view=working`);
    const t0 = performance.now();
    const write = await request(at, tokens[n]!, 'PUT', path, definition(`m${n % METRICS}`, countOf(read.body) + 1), { 'If-Match': read.etag });
    tally.latencies.push(performance.now() - t0);
    if (write.status === 200) {
      done += 1;
      tally.ok += 1;
    } else if (write.status === 412) tally.conflicts += 1;
    else tally.other.push(`${write.status} ${JSON.stringify(write.body).slice(0, 200)}`);
  }
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function run(label: string, urls: string[]): Promise<void> {
  const instances: Instance[] = [];
  for (const url of urls) {
    const repo = await openRepository(url, { maxConnections: 10 });
    const service = createCatalogService({ repo });
    const token = (await service.users.ensureAdmin(userId('admin'), undefined))!;
    instances.push({ repo, server: await startServer({ service, log: (l) => console.error(l) }), token });
  }
  try {
    const admin = instances[0]!;
    await request(admin.server.url, admin.token, 'POST', '/catalogs', { id: 'bench', currency: 'CNY' });
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i += 1) {
      await request(admin.server.url, admin.token, 'POST', '/users', { id: `analyst_${i}`, name: `Analyst ${i}`, role: 'analyst', departments: ['finance'] });
      tokens.push(((await request(admin.server.url, admin.token, 'POST', `/users/analyst_${i}/tokens`, {})).body as unknown as { token: string }).token);
    }
    for (let m = 0; m < METRICS; m += 1) await request(admin.server.url, admin.token, 'PUT', `/catalogs/bench/metrics/m${m}`, definition(`m${m}`, 0), { 'If-None-Match': '*' });

    const tally: Tally = { ok: 0, conflicts: 0, other: [], latencies: [] };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n, instances, tokens, tally)));
    const seconds = (performance.now() - t0) / 1000;

    let counted = 0;
    let lost = 0;
    for (let m = 0; m < METRICS; m += 1) {
      const entry = (await request(admin.server.url, admin.token, 'GET', `/catalogs/bench/metrics/m${m}?view=working`)).body;
      counted += countOf(entry);
      lost += entry.rev - 1 - countOf(entry); // every acknowledged write is one version and one increment
    }
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    const report = await verifyStorage(admin.repo);
    console.log(`\n${label}`);
    console.log(`  acknowledged writes   ${tally.ok} of ${CLIENTS * WRITES}  ${check(tally.ok === CLIENTS * WRITES, 'missing writes')}`);
    console.log(`  counters sum          ${counted}  lost updates ${CLIENTS * WRITES - counted + lost}  ${check(counted === tally.ok && lost === 0, 'lost updates')}`);
    console.log(`  412 Precondition      ${tally.conflicts}  (attempts ${tally.ok + tally.conflicts} = ${tally.ok} ok + ${tally.conflicts} × 412)  ${check(tally.other.length === 0, tally.other.slice(0, 3).join('; '))}`);
    console.log(`  wall time             ${seconds.toFixed(2)} s`);
    console.log(`  throughput            ${(tally.ok / seconds).toFixed(0)} acknowledged writes/s, ${((tally.ok + tally.conflicts) / seconds).toFixed(0)} conditional PUTs/s`);
    console.log(`  PUT latency           p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`);
    console.log(`  audit chain           ${report.audit.count} entries  ${check(report.ok, report.problems.map((p) => p.message['en-US']).join('; '))}`);
  } finally {
    for (const i of instances) {
      await i.server.close();
      await i.repo.close();
    }
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'finpulse-bench-'));
  try {
    await run(`SQLite (WAL, synchronous=FULL), 1 instance, ${CLIENTS} clients × ${WRITES} writes on ${METRICS} metrics`, [`sqlite:${join(dir, 'bench.db')}`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!findPostgresBin()) {
    console.log(`\nPostgreSQL: ${check(process.env['CI'] !== 'true', POSTGRES_MISSING)}${process.env['CI'] === 'true' ? '' : ` (skipped: ${POSTGRES_MISSING})`}`);
  } else {
    const pg = await startPostgres({ durable: true });
    try {
      const url = await pg.createDatabase('bench');
      await run(`PostgreSQL (fsync on), 2 service instances, ${CLIENTS} clients × ${WRITES} writes on ${METRICS} metrics`, [url, url]);
    } finally {
      await pg.stop();
    }
  }
  if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

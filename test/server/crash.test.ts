import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyStorage, type EntryView, type VersionView } from '../../src/server';
import { describeEachBackend, tempDir } from './backends';
import { call, metric } from './harness';

const ROOT = join(__dirname, '../..');

interface Child {
  process: ChildProcess;
  url: string;
}

/** Starts `finpulse serve` as a separate process and waits for the line that says where it listens. */
function serve(db: string, tokenFile: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'serve-child.ts'), '--port', '0', '--db', db, '--admin-token-file', tokenFile], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start in 30 s:\n${out}`)), 30_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const url = /on (http:\/\/\S+) \(/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ process: child, url });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

/** The exit code, whether the child has already exited or is yet to. */
const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));

describeEachBackend('crash: kill -9 during writes, then restart', (backend) => {
  const dir = tempDir();

  it('opens again with every acknowledged write, no half-written version, and an intact audit chain', async () => {
    const db = await backend().freshUrl();
    const tokenFile = join(dir(), 'admin.token');
    const first = await serve(db, tokenFile);
    const token = readFileSync(tokenFile, 'utf8').trim();
    await call(first, token, 'POST', '/catalogs', { body: { id: 'group', currency: 'CNY' } });

    // Eight writers edit their own metric in a loop; each remembers the last write the service acknowledged.
    const acknowledged = new Map<string, { rev: number; value: number }>();
    let total = 0;
    let killed = false;
    const writer = async (id: string): Promise<void> => {
      let etag: string | null = null;
      for (let value = 1; !killed; value += 1) {
        const body = metric(id, null, { targets: [{ period: '2026-01', value }] });
        const headers: Record<string, string> = etag ? { 'If-Match': etag } : { 'If-None-Match': '*' };
        const answer = await call<EntryView>(first, token, 'PUT', `/catalogs/group/metrics/${id}`, { body, headers }).catch(() => undefined);
        if (!answer) return; // the service is gone
        expect(answer.status).toBeLessThan(300);
        etag = answer.etag;
        acknowledged.set(id, { rev: answer.body.rev, value });
        total += 1;
      }
    };
    const writers = Promise.all(Array.from({ length: 8 }, (_, i) => writer(`m${i}`)));
    let stopped = false;
    writers.then(
      () => (stopped = true),
      () => (stopped = true),
    );
    while (total < 200 && !stopped) await new Promise((r) => setTimeout(r, 5));
    first.process.kill('SIGKILL');
    killed = true;
    await writers; // rethrows a writer's failure, if any, rather than waiting forever
    expect(total).toBeGreaterThanOrEqual(200);
    await exited(first.process);

    const second = await serve(db, tokenFile);
    try {
      expect((await call(second, undefined, 'GET', '/health')).status).toBe(200);
      for (const [id, last] of acknowledged) {
        const versions = (await call<VersionView[]>(second, token, 'GET', `/catalogs/group/metrics/${id}/versions`)).body;
        // Every acknowledged write survived, exactly as sent; at most the one in flight got further.
        expect(versions.map((v) => v.rev)).toStrictEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
        expect(versions.length).toBeGreaterThanOrEqual(last.rev);
        expect(versions[last.rev - 1]!.definition['targets']).toStrictEqual([{ period: '2026-01', value: last.value }]);
      }
      const repo = await backend().open(db);
      try {
        const report = await verifyStorage(repo);
        expect(report.problems).toStrictEqual([]);
        expect(report.versions.versions).toBeGreaterThanOrEqual(total);
      } finally {
        await repo.close();
      }
    } finally {
      second.process.kill('SIGTERM');
      expect(await exited(second.process)).toBe(0);
    }
  }, 60_000);
});

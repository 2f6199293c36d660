import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/**
 * A real, throw-away PostgreSQL server for tests and benchmarks: `initdb` into a temp folder, then
 * `postgres` on 127.0.0.1 and a free port, stopped and deleted afterwards. PostgreSQL refuses to
 * run as root, so as root the cluster runs as the `postgres` user (created by Debian's package),
 * or `nobody` when that user is missing.
 */
export interface TestPostgres {
  /** Connection URL of a database on this server (default: the `postgres` maintenance database). */
  url(database?: string): string;
  /** Creates a fresh, empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Durable commits (fsync on), as in production; off by default so tests run fast. */
  durable?: boolean;
}

const SUPERUSER = 'finpulse';

const hasServer = (dir: string): boolean => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));

/** Where initdb and postgres are: $FINPULSE_PG_BIN, on PATH, or in Debian's versioned folder (newest first). */
export function findPostgresBin(): string | undefined {
  const chosen = process.env['FINPULSE_PG_BIN'];
  if (chosen !== undefined) return hasServer(chosen) ? chosen : undefined;
  const onPath = (process.env['PATH'] ?? '').split(delimiter).find((dir) => dir && hasServer(dir));
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find(hasServer);
}

export const POSTGRES_MISSING =
  'PostgreSQL server binaries (initdb, postgres) were not found in $FINPULSE_PG_BIN, on PATH or in /usr/lib/postgresql/*/bin. ' +
  'Install them with: apt-get install -y postgresql';

interface RunAs {
  uid?: number;
  gid?: number;
}

function unprivilegedUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      // try the next candidate
    }
  }
  throw new Error('Running as root, but neither the "postgres" nor the "nobody" user exists to run PostgreSQL as');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a program to completion as the given user; rejects with its output when it fails. */
function run(bin: string, args: string[], as: RunAs, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { ...as, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${bin} exited with ${code}:\n${output}`))));
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function killOnExit(child: ChildProcess): void {
  running.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test runner that dies must not leave servers behind.
  process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`postgres did not become ready in 30 s: ${String(err)}\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGINT'); // fast shutdown: roll back open transactions, close connections
  });
}

export async function startPostgres(opts: StartOptions = {}): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const as = unprivilegedUser();
  // /tmp rather than $TMPDIR when root: the unprivileged user must be able to reach the folder.
  const dir = await mkdtemp(join(as.uid === undefined ? tmpdir() : '/tmp', 'finpulse-pg-'));
  if (as.uid !== undefined && as.gid !== undefined) await chown(dir, as.uid, as.gid);
  const data = join(dir, 'data');
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: dir, LC_ALL: 'C', LANG: 'C' };
  await run(join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '-N'], as, env);

  const settings = opts.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  let port = 0;
  let child: ChildProcess | undefined;
  for (let attempt = 1; !child; attempt += 1) {
    port = await freePort();
    const candidate = spawn(join(bin, 'postgres'), ['-D', data, '-k', dir, '-h', '127.0.0.1', '-p', String(port), ...settings], {
      ...as,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    killOnExit(candidate);
    let log = '';
    candidate.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    try {
      await waitUntilReady(`postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`, candidate, () => log);
      child = candidate;
    } catch (err) {
      await stopChild(candidate);
      running.delete(candidate);
      if (attempt >= 3) throw err; // another process may have taken the port between probe and bind
    }
  }
  const server = child;
  const url = (database = 'postgres'): string => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  let created = 0;
  return {
    url,
    async createDatabase(name = `t${process.pid}_${(created += 1)}`) {
      const admin = new pg.Client({ connectionString: url() });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async stop() {
      await stopChild(server);
      running.delete(server);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

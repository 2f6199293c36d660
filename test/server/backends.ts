import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openRepository } from '../../src/server';
import type { BackendUnderTest } from '../../src/server/testing/repository-contract';
import { findPostgresBin, POSTGRES_MISSING, startPostgres, type TestPostgres } from '../../src/server/testing/postgres';

/** A temp folder removed after the file's tests. */
export function tempDir(): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'finpulse-server-'));
    dirs.push(dir);
    return dir;
  };
}

const rawSqlite = (url: string, sql: string): Promise<void> =>
  Promise.resolve().then(() => {
    const db = new Database(url.slice('sqlite:'.length));
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  });

async function rawPostgres(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs `suite` once per storage backend: SQLite in a temp file, and PostgreSQL on a real server
 * started for this test file. Without PostgreSQL binaries the PostgreSQL half fails under CI and
 * is skipped, with a warning, elsewhere.
 */
export function describeEachBackend(title: string, suite: (backend: () => BackendUnderTest) => void): void {
  describe(`${title} · sqlite`, () => {
    const dir = tempDir();
    let n = 0;
    const backend: BackendUnderTest = {
      name: 'sqlite',
      freshUrl: () => Promise.resolve(`sqlite:${join(dir(), `catalog-${(n += 1)}.db`)}`),
      open: (url) => openRepository(url),
      raw: rawSqlite,
    };
    suite(() => backend);
  });

  const missing = !findPostgresBin();
  if (missing && process.env['CI'] !== 'true') {
    console.warn(`${title} · postgres: SKIPPED. ${POSTGRES_MISSING}`);
    describe.skip(`${title} · postgres (not installed)`, () => suite(() => undefined as never));
    return;
  }
  describe(`${title} · postgres`, () => {
    let server: TestPostgres | undefined;
    beforeAll(async () => {
      server = await startPostgres(); // under CI without PostgreSQL this fails every test below, with the install line
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });
    const backend: BackendUnderTest = {
      name: 'postgres',
      freshUrl: () => server!.createDatabase(),
      open: (url) => openRepository(url),
      raw: rawPostgres,
    };
    suite(() => backend);
  });
}

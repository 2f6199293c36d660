import Database from 'better-sqlite3';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveCommand } from '../../src/cli/serve-command';
import { openRepository } from '../../src/server';
import { CATALOG, audit, createCatalog, metricWrite } from '../../src/server/testing/factories';
import { cli } from '../cli-harness';
import { tempDir } from './backends';
import { call } from './harness';

const dir = tempDir();

async function filledDatabase(): Promise<string> {
  const file = join(dir(), 'catalog.db');
  const repo = await openRepository(`sqlite:${file}`);
  await repo.commit(createCatalog());
  for (const rev of [null, 1, 2]) await repo.commit({ catalogId: CATALOG, entries: [metricWrite('revenue', rev)], audit: [audit('entry.update', 'metrics/revenue')] });
  await repo.close();
  return file;
}

describe('finpulse audit verify', () => {
  it('says the chain is intact and how long it is', async () => {
    const file = await filledDatabase();
    const run = await cli('audit', 'verify', '--db', `sqlite:${file}`, '--lang', 'en-US');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Audit log intact: 4 entries, head hash [0-9a-f]{64}\nVersion history consistent: 1 definitions, 3 versions\n$/);
    expect((await cli('audit', 'verify', '--db', `sqlite:${file}`, '--lang', 'zh-CN')).out).toContain('审计日志完整：共 4 条');
  });

  it('exits 1 and names each broken entry when the log was tampered with', async () => {
    const file = await filledDatabase();
    const db = new Database(file);
    db.exec("DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{\"forged\":true}' WHERE seq = 3");
    db.close();
    const run = await cli('audit', 'verify', '--db', `sqlite:${file}`, '--lang', 'en-US');
    expect(run.code).toBe(1);
    expect(run.err).toContain('error: Audit entry 3: its hash does not match its content (the entry was altered)');
    expect(run.err).toContain('The audit log or version history is damaged: 1 problem(s) listed above');
  });

  it('refuses a database address it does not understand, and a missing sub-command', async () => {
    const bad = await cli('audit', 'verify', '--db', 'mysql://db/catalog', '--lang', 'en-US');
    expect([bad.code, bad.err]).toStrictEqual([1, 'finpulse: "mysql://db/catalog" is not a database; use sqlite:FILE or postgres://user@host:port/database\n']);
    expect((await cli('audit', '--lang', 'en-US')).code).toBe(2);
  });
});

describe('finpulse serve', () => {
  it('creates the admin token file once (owner-only), signs in with it, and stops cleanly', async () => {
    const folder = dir();
    const tokenFile = join(folder, 'admin.token');
    const argv = ['--port', '0', '--db', `sqlite:${join(folder, 'catalog.db')}`, '--admin-token-file', tokenFile];
    const runOnce = async (): Promise<string> => {
      let out = '';
      let stop = (): void => undefined;
      const stopped = new Promise<void>((r) => (stop = r));
      const running = serveCommand(argv, { out: (t) => (out += t), err: (t) => (out += t) }, 'en-US', stopped);
      while (!/on (http\S+)/.test(out)) await new Promise((r) => setTimeout(r, 10));
      const url = /on (http\S+)/.exec(out)![1]!;
      const me = await call({ url }, readFileSync(tokenFile, 'utf8').trim(), 'GET', '/me');
      expect(me.body).toMatchObject({ id: 'admin', role: 'admin' });
      stop();
      expect(await running).toBe(0);
      return readFileSync(tokenFile, 'utf8');
    };
    const token = await runOnce();
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(await runOnce()).toBe(token);
  });

  it('refuses a token file that holds no token', async () => {
    const folder = dir();
    writeFileSync(join(folder, 'admin.token'), 'hunter2\n');
    const run = await cli('serve', '--port', '0', '--db', `sqlite:${join(folder, 'c.db')}`, '--admin-token-file', join(folder, 'admin.token'), '--lang', 'en-US');
    expect(run.code).toBe(1);
    expect(run.err).toContain('does not hold a FinPulse token (expected one line of the form fp_<id>_<secret>)');
  });
});

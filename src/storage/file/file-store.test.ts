import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metricId, periodKey } from '../../core/brand';
import type { Problem } from '../../core/errors';
import { describeStoreContract, makeValue } from '../testing/store-contract';
import { AUDIT_FILE, createFileStore, VALUES_FILE } from './file-store';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'finpulse-store-'));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describeStoreContract('file', async () => createFileStore(await freshDir()));

const GM = metricId('gross_margin');
const JAN = periodKey('2026-01');
const lines = async (path: string): Promise<string[]> => (await readFile(path, 'utf8')).split('\n');

describe('file store', () => {
  it('creates the directory and both files when missing', async () => {
    const dir = join(await freshDir(), 'nested', 'store');
    const store = await createFileStore(dir);
    await store.close();
    expect(await readFile(join(dir, VALUES_FILE), 'utf8')).toBe('');
    expect(await readFile(join(dir, AUDIT_FILE), 'utf8')).toBe('');
  });

  it('sees previous data after reopening, dedups against it and continues the seq', async () => {
    const dir = await freshDir();
    const first = await createFileStore(dir);
    await first.saveValues([makeValue(), makeValue({ value: 0.5, fingerprint: 'fp-2', computedAt: '2026-02-03T00:00:00.000Z' })]);
    const a = await first.appendAudit({ actor: 'alice', action: 'metric.publish', target: 'gm', old: { v: 1 } });
    await first.close();

    const second = await createFileStore(dir);
    expect(await second.history(GM)).toHaveLength(2);
    expect((await second.latest(GM, JAN))?.value).toBe(0.5);
    expect(await second.saveValues([makeValue({ value: 0.5, fingerprint: 'fp-2', computedAt: '2026-02-04T00:00:00.000Z' })])).toBe(0);
    const b = await second.appendAudit({ actor: 'bob', action: 'metric.review', target: 'gm' });
    expect(b.seq).toBe(a.seq + 1);
    expect(await second.audit()).toStrictEqual([a, b]);
    await second.close();
  });

  it('writes one complete JSON line per record even under concurrent calls', async () => {
    const dir = await freshDir();
    const store = await createFileStore(dir);
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => store.appendAudit({ actor: 'a', action: 'x', target: `t${i}`, note: 'é'.repeat(5000) })),
      ...Array.from({ length: 30 }, (_, i) => store.saveValues([makeValue({ period: periodKey(`2026-${i}`) })])),
    ]);
    await store.close();
    for (const file of [AUDIT_FILE, VALUES_FILE]) {
      const content = await lines(join(dir, file));
      expect(content.pop()).toBe('');
      expect(content).toHaveLength(30);
      for (const line of content) expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
  });

  it('skips a torn last line with a warning, then appends cleanly after it', async () => {
    const dir = await freshDir();
    const first = await createFileStore(dir);
    await first.saveValues([makeValue()]);
    await first.appendAudit({ actor: 'alice', action: 'x', target: 'gm' });
    await first.close();
    // What a crash in the middle of appendFile leaves behind.
    await appendFile(join(dir, VALUES_FILE), '{"metricId":"gross_margin","period":"2026-02","val');
    await appendFile(join(dir, AUDIT_FILE), '{"seq":2,"at":"2026-');

    const warnings: Problem[] = [];
    const second = await createFileStore(dir, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toHaveLength(2);
    expect(warnings.map((w) => [w.severity, w.path])).toStrictEqual([
      ['warning', `${join(dir, VALUES_FILE)}:2`],
      ['warning', `${join(dir, AUDIT_FILE)}:2`],
    ]);
    expect(warnings[0]?.message['en-US']).toMatch(/incomplete/);
    expect(await second.history(GM)).toStrictEqual([makeValue()]);
    expect((await second.appendAudit({ actor: 'bob', action: 'y', target: 'gm' })).seq).toBe(2);
    expect(await second.saveValues([makeValue({ period: periodKey('2026-02') })])).toBe(1);
    await second.close();

    const reopenWarnings: Problem[] = [];
    const third = await createFileStore(dir, { onWarning: (w) => reopenWarnings.push(w) });
    expect(reopenWarnings).toStrictEqual([]);
    expect(await third.history(GM)).toHaveLength(2);
    expect((await third.audit()).map((e) => e.seq)).toStrictEqual([1, 2]);
    await third.close();
  });

  it('keeps a complete last line that only lost its newline', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, VALUES_FILE), JSON.stringify(makeValue()));
    const warnings: Problem[] = [];
    const store = await createFileStore(dir, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toStrictEqual([]);
    await store.saveValues([makeValue({ period: periodKey('2026-02') })]);
    await store.close();
    const content = await lines(join(dir, VALUES_FILE));
    expect(content).toHaveLength(3);
    expect(content.slice(0, 2).map((l) => (JSON.parse(l) as { period: string }).period)).toStrictEqual(['2026-01', '2026-02']);
  });

  it('skips a damaged line in the middle with a warning and keeps the rest', async () => {
    const dir = await freshDir();
    const good = JSON.stringify(makeValue());
    const alsoGood = JSON.stringify(makeValue({ period: periodKey('2026-03') }));
    await writeFile(join(dir, VALUES_FILE), `${good}\nnot json\n{"metricId":"x"}\n${alsoGood}\n`);
    const warnings: Problem[] = [];
    const store = await createFileStore(dir, { onWarning: (w) => warnings.push(w) });
    expect(warnings.map((w) => w.path)).toStrictEqual([`${join(dir, VALUES_FILE)}:2`, `${join(dir, VALUES_FILE)}:3`]);
    expect((await store.history(GM)).map((r) => r.period)).toStrictEqual(['2026-01', '2026-03']);
    await store.close();
  });

  it('rejects calls after close', async () => {
    const store = await createFileStore(await freshDir());
    await store.close();
    await expect(store.saveValues([makeValue()])).rejects.toMatchObject({ name: 'AppError' });
  });
});

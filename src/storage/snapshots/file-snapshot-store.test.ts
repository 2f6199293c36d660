import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSnapshotStore } from './file-snapshot-store';
import { describeSnapshotStoreContract, makeSnapshot } from './testing/snapshot-contract';

const freshDir = () => mkdtempSync(join(tmpdir(), 'finpulse-snapshots-'));

describeSnapshotStoreContract('file', () => Promise.resolve(createFileSnapshotStore(join(freshDir(), 'nested'))));

describe('file snapshot store', () => {
  it('writes one JSON file per source and leaves no temporary file behind', async () => {
    const dir = freshDir();
    await createFileSnapshotStore(dir).put(makeSnapshot());
    expect(readdirSync(dir)).toEqual(['erp_gl.snapshot.json']);
    expect(JSON.parse(readFileSync(join(dir, 'erp_gl.snapshot.json'), 'utf8'))).toEqual(makeSnapshot());
  });

  it('reports a damaged file instead of returning it as data', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'erp_gl.snapshot.json'), '{"sourceId":"erp_gl","rows":[{"day":"x"}]');
    await expect(createFileSnapshotStore(dir).get('erp_gl')).rejects.toMatchObject({ code: 'io.read' });
  });

  it('fails with a located error and cleans up its temporary file when the rename cannot happen', async () => {
    const dir = freshDir();
    // A non-empty directory where the snapshot file should be: rename fails even for root.
    mkdirSync(join(dir, 'erp_gl.snapshot.json', 'blocker'), { recursive: true });
    await expect(createFileSnapshotStore(dir).put(makeSnapshot())).rejects.toMatchObject({ code: 'storage.write', meta: { path: join(dir, 'erp_gl.snapshot.json') } });
    expect(readdirSync(dir)).toEqual(['erp_gl.snapshot.json']);
  });

  it('refuses a source id that is not a safe file name', async () => {
    await expect(createFileSnapshotStore(freshDir()).get('../etc/passwd')).rejects.toMatchObject({ code: 'storage.invalid' });
  });
});

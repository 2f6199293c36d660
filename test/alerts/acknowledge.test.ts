import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyAlertState, evaluateRules, withAcknowledgements } from '../../src/core/alerts';
import { makeFinding, metricDef } from '../../src/core/alerts/testing/factories';
import { ACKNOWLEDGE_ACTION, acknowledge, loadAcknowledgements } from '../../src/notify';
import { AUDIT_FILE, createFileStore } from '../../src/storage';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'finpulse-ack-'));
  dirs.push(dir);
  return dir;
}

const finding = makeFinding({ metric: 'selling_expenses', severity: 'warning' });

describe('acknowledging a finding', () => {
  it('appends who, when and the note to the audit log, and reads it back after a restart', async () => {
    const dir = await freshDir();
    const store = await createFileStore(dir);
    const at = new Date('2026-04-02T03:04:05.000Z');
    const ack = await acknowledge(store, finding, '  li.wei  ', '  Trade fair in March; expected.  ', at);
    expect(ack).toEqual({ findingId: finding.id, by: 'li.wei', at: at.toISOString(), note: 'Trade fair in March; expected.', severity: 'warning' });
    await store.appendAudit({ actor: 'someone', action: 'evaluate', target: 'catalog.json' });
    await store.close();

    const line = JSON.parse((await readFile(join(dir, AUDIT_FILE), 'utf8')).split('\n')[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ seq: 1, actor: 'li.wei', action: ACKNOWLEDGE_ACTION, target: finding.id, note: 'Trade fair in March; expected.', at: at.toISOString() });
    expect(line['new']).toEqual({ metricId: 'selling_expenses', period: '2026-03', kind: 'robust', detector: 'mad', severity: 'warning', actual: 1_820_000, expected: 1_290_000 });

    const reopened = await createFileStore(dir);
    const acks = await loadAcknowledgements(reopened);
    await reopened.close();
    expect(acks).toEqual([ack]);
  });

  it('an acknowledgement from the log keeps rule evaluation quiet until the finding gets worse', async () => {
    const store = await createFileStore(await freshDir());
    await acknowledge(store, finding, 'li.wei', undefined, new Date('2026-04-02T00:00:00Z'));
    const state = withAcknowledgements(emptyAlertState(), await loadAcknowledgements(store, '2026-01-01T00:00:00Z'));
    await store.close();
    const input = { rules: [{ id: 'r', channels: ['ops'] }], catalog: { metrics: [metricDef('selling_expenses')] }, state, now: new Date('2026-04-02T01:00:00Z') };
    expect(evaluateRules({ ...input, findings: [finding] }).alerts).toEqual([]);
    expect(evaluateRules({ ...input, findings: [{ ...finding, severity: 'critical' }] }).alerts).toHaveLength(1);
    expect(state.acknowledged[finding.id]).not.toHaveProperty('note');
  });

  it('refuses an acknowledgement without a name, and writes nothing', async () => {
    const store = await createFileStore(await freshDir());
    await expect(acknowledge(store, finding, '   ', 'note')).rejects.toMatchObject({ code: 'notify.actorRequired' });
    expect(await store.audit()).toEqual([]);
    await store.close();
  });
});

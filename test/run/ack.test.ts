/**
 * `finpulse run ack`: an acknowledgement given on the command line quiets that finding's alerts in
 * the next runs, and a worse severity alerts again. Real demo ERP, real webhook receiver; the
 * rule alerts on every run for each reconciliation break, so silence can only come from the ack.
 * The planted breaks are 1,000.00 and 2.3 million: with a tolerance of 500 the first is a warning
 * and the second critical (beyond 10× the tolerance); a tolerance of 50 makes the first critical.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../../src/core/report';
import { startDemoErp, type DemoErp } from '../../src/demo-erp';
import { createFileStore } from '../../src/storage';
import { loadAcknowledgements } from '../../src/notify';
import { cli } from '../cli-harness';
import { CREDENTIALS, platformSecrets, startPlatforms } from '../alerts/harness';
import type { Receiver } from '../alerts/receiver';
import { setupRun, type RunSetup } from './harness';

interface ReconcileFile {
  rules: Array<{ tolerance: { absolute: number } }>;
}

function setTolerance(s: RunSetup, absolute: number): void {
  const path = join(s.dir, 'reconciliations.json');
  const rec = JSON.parse(readFileSync(path, 'utf8')) as ReconcileFile;
  rec.rules[0]!.tolerance = { absolute };
  writeFileSync(path, JSON.stringify(rec));
}

const readResult = (s: RunSetup): RunResult => JSON.parse(readFileSync(join(s.outDir, 'result.json'), 'utf8')) as RunResult;
/** The findings the last run alerted on and a channel delivered. */
const alerted = (s: RunSetup): string[] => readResult(s).alerts.filter((a) => a.deliveries.some((d) => d.ok)).map((a) => a.findingId).sort();

describe('finpulse run ack', () => {
  let erp: DemoErp;
  let rx: Receiver;
  let s: RunSetup;
  let breaks: string[];
  let quieted: string;
  const run = () => cli('run', '--config', s.config, '--secrets', s.secrets, '--quiet');
  const ack = (...args: string[]) => cli('run', 'ack', '--config', s.config, '--secrets', s.secrets, '--lang', 'en-US', ...args);

  beforeAll(async () => {
    erp = await startDemoErp({ port: 0, journalLines: 21_600 });
    rx = await startPlatforms();
    s = await setupRun(erp, { url: platformSecrets(rx)['hook_url']!, secret: CREDENTIALS.hookSecret });
    const rules = [{ id: 'breaks-to-hook', when: { kinds: ['reconcile'] }, notify: 'everyTime', channels: ['close-hook'] }];
    writeFileSync(join(s.dir, 'rules.json'), JSON.stringify(rules));
    setTolerance(s, 500);
    await run();
    breaks = alerted(s);
    quieted = readResult(s).findings.find((f) => f.kind === 'reconcile' && f.severity === 'warning')!.id;
  });
  afterAll(async () => {
    await erp.close();
    await rx.close();
  });

  it('alerts on every run for each break until one is acknowledged', async () => {
    expect(breaks).toHaveLength(2);
    const before = rx.received.length;
    await run();
    expect(alerted(s)).toEqual(breaks);
    expect(rx.received.length - before).toBe(2);
  });

  it('records the acknowledgement in the state folder\u2019s audit log, and the next run sends nothing for it', async () => {
    const other = breaks.find((id) => id !== quieted);
    const done = await ack('--finding', quieted, '--by', 'li.wei', '--note', 'timing: posted in the ERP a day late');
    expect(done).toMatchObject({ code: 0, err: '' });
    expect(done.out).toContain(`Acknowledged ${quieted} (Warning) as li.wei`);
    const store = await createFileStore(s.stateDir);
    try {
      expect(await loadAcknowledgements(store)).toEqual([expect.objectContaining({ findingId: quieted, by: 'li.wei', severity: 'warning', note: 'timing: posted in the ERP a day late' })]);
    } finally {
      await store.close();
    }
    const before = rx.received.length;
    await run();
    expect(alerted(s)).toEqual([other]);
    expect(rx.received.length - before).toBe(1);
  });

  it('alerts again when the acknowledged finding gets worse', async () => {
    setTolerance(s, 50);
    await run();
    expect(alerted(s)).toEqual(breaks);
    const again = readResult(s).alerts.find((a) => a.findingId === quieted)!;
    expect(again).toMatchObject({ severity: 'critical', reason: 'escalated' });
  });

  it('says what is wrong with a finding it cannot find, or a missing --by', async () => {
    const unknown = await ack('--finding', 'revenue|2031-01|robust', '--by', 'li.wei');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Finding "revenue\|2031-01\|robust" is not among the \d+ findings of the last run \(.*result\.json\); copy the id/);
    const noBy = await ack('--finding', quieted);
    expect(noBy.code).toBe(2);
    expect(noBy.err).toContain('--by is required');
  });

  it('asks for a run first when there is no result yet', async () => {
    const fresh = await setupRun(erp, { url: 'http://127.0.0.1:9/unused', secret: 'unused' }, { alerts: undefined });
    const none = await cli('run', 'ack', '--config', fresh.config, '--secrets', fresh.secrets, '--finding', 'x', '--by', 'li.wei', '--lang', 'en-US');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/There is no run result at .*result\.json: run finpulse run --config .* first/);
  });
});

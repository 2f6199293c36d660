/**
 * Scheduling and one-run-at-a-time, with real processes: `--every` keeps running until SIGTERM
 * and finishes its run; a second process on the same state folder is refused; a lock left by a
 * dead process is taken over. Also: a broken config is exit 2 with every problem located.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { DemoErp } from '../../src/demo-erp';
import { parseEvery, runEvery, StopSignal } from '../../src/cli/run';
import { cli } from '../cli-harness';
import { quietRun, type RunSetup } from './harness';

const TSX = join(__dirname, '../../node_modules/.bin/tsx');
const ENTRY = join(__dirname, 'finpulse-process.ts');

interface Proc {
  child: ChildProcess;
  err: () => string;
  exit: Promise<number | null>;
}

function finpulse(...args: string[]): Proc {
  const child = spawn(TSX, [ENTRY, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdout.resume();
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, err: () => err, exit };
}

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const runLines = (s: RunSetup): number => (existsSync(join(s.stateDir, 'runs.jsonl')) ? readFileSync(join(s.stateDir, 'runs.jsonl'), 'utf8').trim().split('\n').length : 0);

describe('finpulse run --every and the run lock', () => {
  let erp: DemoErp;
  let s: RunSetup;
  beforeAll(async () => {
    ({ erp, s } = await quietRun());
  });
  afterAll(() => erp.close());

  it('refuses a second process while a scheduled one runs, and stops the first on SIGTERM after its run', async () => {
    const first = finpulse('run', '--config', s.config, '--secrets', s.secrets, '--every', '30s');
    await until(() => runLines(s) >= 1 && first.err().includes('next run at'));
    expect(existsSync(join(s.stateDir, 'run.lock'))).toBe(true);
    const second = finpulse('run', '--config', s.config, '--secrets', s.secrets, '--every', '30s');
    expect(await second.exit).toBe(3);
    expect(second.err()).toMatch(new RegExp(`Another finpulse run \\(pid \\d+, since .+\\) holds .*run\\.lock; this one stops`));
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(1);
    expect(first.err()).toMatch(/stopping after the current run \(SIGTERM\)/);
    expect(existsSync(join(s.stateDir, 'run.lock'))).toBe(false);
    expect(runLines(s)).toBe(1);
  }, 120_000);

  it('takes over a lock left by a process that is gone', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(s.stateDir, 'run.lock'), JSON.stringify({ pid: dead, host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const run = await cli('run', '--config', s.config, '--secrets', s.secrets);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`Took over ${join(s.stateDir, 'run.lock')}, left by pid ${dead}`);
    expect(existsSync(join(s.stateDir, 'run.lock'))).toBe(false);
  });

  it('lists every problem of a broken config with its path, and exits 2', async () => {
    const bad = join(s.dir, 'bad.config.json');
    writeFileSync(bad, JSON.stringify({
      catalog: 'missing-catalog.json', failOn: 'urgent', colour: 'blue',
      workbooks: [{ path: 'close.xlsx', bindings: [{ id: 'b', target: { kind: 'range', ref: 'nowhere' }, layout: 'long' }] }],
      alerts: { rules: [{ id: 'r', channels: ['nope'] }], channels: [] },
    }));
    const run = await cli('run', '--config', bad, '--lang', 'en-US');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/\$\.failOn: .*urgent/);
    expect(run.err).toMatch(/\$\.colour: /);
    const again = bad.replace('bad.config', 'bad2.config');
    writeFileSync(again, JSON.stringify({ catalog: 'missing-catalog.json', workbooks: [{ path: 'close.xlsx', bindings: [{ id: 'b', target: { kind: 'range', ref: 'nowhere' }, layout: 'long' }] }], alerts: { rules: [{ id: 'r', channels: ['nope'] }], channels: [] } }));
    const second = await cli('run', '--config', again);
    expect(second.code).toBe(2);
    expect(second.err).toMatch(/\$\.catalog: Cannot read .*missing-catalog\.json.*file not found/);
    expect(second.err).toMatch(/\$\.workbooks\[0\]\.bindings\[0\]\.target\.ref: /);
    expect(second.err).toMatch(/\$\.alerts\.rules\[0\]\.channels\[0\]: Channel "nope" is not defined/);
  });
});

describe('the schedule', () => {
  it('reads 30s, 15m, 1h and 1d, and refuses anything else', () => {
    expect([parseEvery('30s'), parseEvery('15m'), parseEvery('1h'), parseEvery('1d')]).toEqual([30_000, 900_000, 3_600_000, 86_400_000]);
    for (const bad of ['0s', '15', 'm15', '1.5h', '']) expect(() => parseEvery(bad)).toThrow(/--every expects a duration/);
  });

  it('skips the ticks a long run overran instead of queueing them, and stops between runs', async () => {
    let clock = 0;
    const stop = new StopSignal();
    const waits: Array<[number, number]> = [];
    const durations = [250, 10, 10];
    const code = await runEvery(100, stop, {
      run: () => {
        clock += durations.shift() ?? 10;
        if (durations.length === 0) stop.stop();
        return Promise.resolve(durations.length);
      },
      waiting: (at, skipped) => {
        waits.push([at.getTime(), skipped]);
        clock = at.getTime();
      },
    }, () => clock);
    // The first run took 250 ms on a 100 ms grid: ticks at 100 and 200 are skipped, the next is 300.
    expect(waits).toEqual([[300, 2], [400, 0]]);
    expect(code).toBe(0);
  });
});

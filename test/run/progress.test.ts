/**
 * Progress of `finpulse run`: a single redrawn line on a terminal, one line per stage anywhere
 * else. The real processes below run with stderr on a pipe, and on a pseudo-terminal (util-linux
 * `script`), so the choice itself is tested, not only the two renderings.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fitLine, lineProgress, ttyProgress } from '../../src/cli/run/progress';
import type { Io } from '../../src/cli/output';
import type { DemoErp } from '../../src/demo-erp';
import { quietRun, type RunSetup } from './harness';

const TSX = join(__dirname, '../../node_modules/.bin/tsx');
const ENTRY = join(__dirname, 'finpulse-process.ts');
const ESC = '\x1b';

function capture(): { io: Io; err: () => string } {
  let err = '';
  return { io: { out: () => undefined, err: (t) => (err += t) }, err: () => err };
}

/** Runs a command to its end; returns what it wrote to stdout and stderr. */
function runToEnd(cmd: string, args: readonly string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

describe('run progress, rendered', () => {
  const detail = { 'en-US': '71 metrics × 36 periods', 'zh-CN': '71 个指标 × 36 个期间' };

  it('redraws one line per stage on a terminal, keeps notes and failures, and clears the line at the end', () => {
    const c = capture();
    const p = ttyProgress(c.io, 'en-US', 80);
    p.stageStart('evaluate');
    p.stageDone('evaluate', 410, detail, true);
    p.note('retry 1: HTTP 503; trying http://erp/gl again in 200 ms');
    p.stageStart('detect');
    p.stageDone('detect', 20, undefined, false);
    p.end();
    expect(c.err().split(`\r${ESC}[K`)).toEqual([
      '',
      '[4/10] evaluate …',
      '[4/10] evaluate: 71 metrics × 36 periods (0.41 s)',
      'retry 1: HTTP 503; trying http://erp/gl again in 200 ms\n[4/10] evaluate: 71 metrics × 36 periods (0.41 s)',
      '[5/10] detect …',
      '[5/10] detect failed (0.02 s)\n',
    ]);
  });

  it('writes a whole line per finished stage anywhere else', () => {
    const c = capture();
    const p = lineProgress(c.io, 'zh-CN');
    p.stageStart('evaluate');
    p.stageDone('evaluate', 410, detail, true);
    p.end();
    expect(c.err()).toBe('[4/10] 计算：71 个指标 × 36 个期间（0.41 秒）\n');
  });

  it('cuts a line to the terminal width, counting CJK characters as two cells', () => {
    expect(fitLine('[4/10] evaluate …', 80)).toBe('[4/10] evaluate …');
    expect(fitLine('abcdefghij', 8)).toBe('abcdef…');
    expect(fitLine('[4/10] 计算：71 个指标', 12)).toBe('[4/10] 计…');
  });
});

describe('run progress, chosen by where stderr goes', () => {
  let erp: DemoErp;
  let s: RunSetup;
  beforeAll(async () => {
    ({ erp, s } = await quietRun());
  });
  afterAll(() => erp.close());

  it('prints one plain line per stage when stderr is a pipe', async () => {
    const run = await runToEnd(TSX, [ENTRY, 'run', '--config', s.config, '--secrets', s.secrets]);
    expect(run.code).toBe(1);
    const stages = run.err.split('\n').filter((l) => /^\[\d+\/10\] /.test(l));
    expect(stages.map((l) => /^\[(\d+)\/10\]/.exec(l)![1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(stages[3]).toMatch(/^\[4\/10\] evaluate: 71 metrics × 36 periods \(\d+\.\d\d s\)$/);
    expect(run.err).not.toContain('\r');
    expect(run.err).not.toContain(ESC);
    expect(run.out).toMatch(/^finpulse run: /);
  }, 120_000);

  const hasScript = spawnSync('script', ['--version']).status === 0;
  (hasScript ? it : it.skip)('redraws a single line when stderr is a terminal', async () => {
    const command = [TSX, ENTRY, 'run', '--config', s.config, '--secrets', s.secrets].map((a) => `'${a}'`).join(' ');
    const run = await runToEnd('script', ['-qec', command, '/dev/null']);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`\r${ESC}[K[4/10] evaluate …`);
    expect(run.out).toMatch(new RegExp(`\\r${ESC}\\[K\\[4/10\\] evaluate: 71 metrics × 36 periods \\(\\d+\\.\\d\\d s\\)\\r${ESC}\\[K\\[5/10\\] detect …`));
    // The last stage's line is cleared before anything else is written, the summary on a line of its own.
    expect(run.out).toMatch(new RegExp(`\\[10/10\\] run record: [^\\r]*\\r${ESC}\\[K(?!\\[)`));
    expect(run.out).toMatch(/(^|\n)finpulse run: /);
    expect(run.out).not.toMatch(/\[\d+\/10\][^\r]*\n/);
  }, 120_000);
});

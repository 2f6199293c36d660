/** `finpulse detect` as a user runs it: real files, captured output, exit codes. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../../src/core/testing/prng';
import { cli, tempFiles } from '../cli-harness';

interface Point {
  timestamp: string;
  value: number | null;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  score: number;
  anomaly: boolean;
}

/** 60 daily values around 100 with a spike on row 45 (2026-02-15). */
function dailyCsv(): string {
  const rand = prng(11);
  const lines = ['timestamp,value'];
  for (let i = 0; i < 60; i += 1) {
    const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    lines.push(`${day},${i === 45 ? 160 : (100 + 4 * (2 * rand() - 1)).toFixed(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

const points = (out: string): Point[] => (JSON.parse(out) as { points: Point[] }).points;

describe('finpulse detect', () => {
  it('prints one point per input row, in order, with expected, band, score and verdict', async () => {
    const file = tempFiles({ 'daily.csv': dailyCsv() })('daily.csv');
    const run = await cli('detect', '--input', file);
    expect(run.code).toBe(0);
    const ps = points(run.out);
    expect(ps).toHaveLength(60);
    expect(ps.map((p) => p.timestamp)).toEqual(dailyCsv().trim().split('\n').slice(1).map((l) => l.split(',')[0]));
    expect(Object.keys(ps[30]!)).toEqual(['timestamp', 'value', 'expected', 'lower', 'upper', 'score', 'anomaly']);
    expect(ps.every((p) => typeof p.anomaly === 'boolean' && p.score >= 0 && p.score <= 1)).toBe(true);
    expect(ps.filter((p) => p.anomaly).map((p) => p.timestamp)).toEqual(['2026-02-15']);
    expect(ps[45]).toMatchObject({ value: 160, anomaly: true });
    expect(ps[45]!.upper!).toBeLessThan(160);
    expect(run.err).toMatch(/^1 anomalies in 60 points \(season: none; sensitivity 50; each point judged on earlier data only\)\n$/);
  });

  it('judges each row on the rows before it: a longer file never changes earlier verdicts', async () => {
    const all = dailyCsv().trim().split('\n');
    const files = tempFiles({ 'all.csv': `${all.join('\n')}\n`, 'head.csv': `${all.slice(0, 41).join('\n')}\n` });
    const full = points((await cli('detect', '--input', files('all.csv'))).out);
    const head = points((await cli('detect', '--input', files('head.csv'))).out);
    expect(head).toEqual(full.slice(0, 40));
  });

  it('reports unreadable rows by line and keeps them as null points, not zeros', async () => {
    const text = dailyCsv().replace(/^2026-01-10,.*$/m, '2026-01-10,').replace(/^2026-01-11,.*$/m, '2026-01-11,#N/A').replace(/^2026-01-12,.*$/m, '2026-01-12,n/a');
    const file = tempFiles({ 'gaps.csv': text })('gaps.csv');
    const run = await cli('detect', '--input', file, '--format', 'json');
    expect(run.code).toBe(0);
    expect(run.err).toContain(`${file}: warning: Row 11: the value is blank; the point is reported with value null and not scored`);
    expect(run.err).toContain('Row 12: the value is the error #N/A');
    expect(run.err).toContain('Row 13: value "n/a" is not a number');
    const ps = points(run.out);
    expect(ps).toHaveLength(60);
    for (const i of [9, 10, 11]) expect(ps[i]).toMatchObject({ value: null, score: 0, anomaly: false });
    expect(ps[45]!.anomaly).toBe(true);
  });

  it('writes CSV, honours --sensitivity, --period and --batch', async () => {
    const file = tempFiles({ 'daily.csv': dailyCsv() })('daily.csv');
    const csv = await cli('detect', '--input', file, '--format', 'csv', '--period', '0');
    expect(csv.code).toBe(0);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('timestamp,value,expected,lower,upper,score,anomaly');
    expect(lines).toHaveLength(61);
    expect(lines[46]).toMatch(/^2026-02-15,160,[\d.]+,[\d.]+,[\d.]+,0\.\d+,true$/);
    // The first row has no history: nothing expected, not scored.
    expect(lines[1]).toMatch(/^2026-01-01,[\d.]+,,,,0,false$/);
    const early = dailyCsv().replace(/^2026-01-03,.*$/m, '2026-01-03,150');
    const earlyFile = tempFiles({ 'early.csv': early })('early.csv');
    const stream = points((await cli('detect', '--input', earlyFile)).out);
    const batch = await cli('detect', '--input', earlyFile, '--batch');
    expect(stream[2]!.anomaly).toBe(false);
    expect(points(batch.out)[2]!.anomaly).toBe(true);
    expect(batch.err).toContain('batch: the whole series in view');
    const strict = points((await cli('detect', '--input', file, '--sensitivity', '0')).out);
    expect(strict.filter((p) => p.anomaly).length).toBeLessThanOrEqual(1);
  });

  it('says what is wrong with bad input and exits 1, or 2 for a bad option', async () => {
    const files = tempFiles({ 'noheader.csv': '2026-01-01,5\n2026-01-02,6\n' });
    const noHeader = await cli('detect', '--input', files('noheader.csv'));
    expect(noHeader.code).toBe(1);
    expect(noHeader.err).toContain('The first line must be the header timestamp,value (found "2026-01-01,5")');
    const missing = await cli('detect', '--input', files('nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Cannot read .*nope\.csv: file not found/);
    expect((await cli('detect', '--input', files('noheader.csv'), '--sensitivity', '120')).code).toBe(2);
    const period = await cli('detect', '--input', files('noheader.csv'), '--period', '1.5');
    expect(period.code).toBe(2);
    expect(period.err).toContain('--period: The seasonal period must be a whole number of samples, 0 for none (got 1.5)');
    expect((await cli('detect')).code).toBe(2);
    expect((await cli('detect', '--input', files('noheader.csv'), '--window', '3')).code).toBe(2);
  });

  it('speaks Chinese when asked', async () => {
    const file = tempFiles({ 'gap.csv': 'timestamp,value\n2026-01-01,1\n2026-01-02,\n' })('gap.csv');
    const run = await cli('detect', '--input', file, '--lang', 'zh-CN');
    expect(run.code).toBe(0);
    expect(run.err).toContain('警告: 第 3 行：值为空，该点输出为 null，不参与评分');
    expect(run.err).toContain('2 个点中有 0 个异常（季节周期：无；灵敏度 50；每个点只依据此前的数据判断）');
  });
});

const NAB_FILE = join(__dirname, '../../../shared/benchmarks/nab/data/artificialWithAnomaly/art_daily_jumpsup.csv');
const withShared = existsSync(NAB_FILE) ? it : it.skip;

withShared('finds the jump in NAB art_daily_jumpsup (5-minute data, daily season) inside its labelled window', async () => {
  const run = await cli('detect', '--input', NAB_FILE);
  expect(run.code).toBe(0);
  const ps = points(run.out);
  expect(ps).toHaveLength(readFileSync(NAB_FILE, 'utf8').trim().split('\n').length - 1);
  expect(run.err).toContain('season: 288');
  const inWindow = ps.filter((p) => p.anomaly && p.timestamp >= '2014-04-10 16:15:00' && p.timestamp <= '2014-04-12 01:45:00');
  expect(inWindow.length).toBeGreaterThan(0);
  // Nothing after the probation (the first 15%) and before the window is flagged.
  expect(ps.slice(604).filter((p) => p.anomaly && p.timestamp < '2014-04-10 16:15:00')).toEqual([]);
});

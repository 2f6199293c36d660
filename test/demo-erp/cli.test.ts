import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { AppError } from '../../src/core/errors';
import { parseCliArgs } from '../../src/demo-erp/cli-args';

const ROOT = join(__dirname, '../..');

describe('demo ERP: command line', () => {
  it('reads the flags, defaulting the port to 4010', () => {
    expect(parseCliArgs([])).toEqual({ port: 4010 });
    expect(parseCliArgs(['--port', '0', '--seed', '7', '--lines', '200000', '--months', '24', '--first-month', '2025-01'])).toEqual({ port: 0, seed: 7, journalLines: 200_000, months: 24, firstMonth: '2025-01' });
    expect(parseCliArgs(['--help'])).toBe('help');
  });

  it('names every bad flag in one usage error', () => {
    const err = (() => {
      try {
        parseCliArgs(['--port', 'x', '--lines', '1e5']);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('cli.usage');
    expect((err as AppError).message).toContain('--port must be a whole number, got "x"; --lines must be a whole number, got "1e5"');
    expect(() => parseCliArgs(['--colour'])).toThrow(/Unknown option '--colour'[\s\S]*Usage: npm run erp:demo/);
  });

  it('npm run erp:demo serves until SIGTERM, printing where and the credentials', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo-erp/main.ts', '--port', '0', '--lines', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 30_000);
      child.stdout.on('data', () => {
        const m = /demo ERP on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    expect(out).toContain('Bearer demo-bearer-token');
    expect(out).toContain('21600 journal lines');
    const health = (await (await fetch(`${url}/health`)).json()) as { records: Record<string, number> };
    expect(health.records['gl']).toBe(21_600);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 on a usage error', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo-erp/main.ts', '--months', '3'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
    expect(err).toContain('months must be a whole number from 12 to 120, got 3');
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli, tempFiles } from './cli-harness';
import { createFileStore } from '../src/storage';
import { metricId } from '../src/core/brand';

const ROOT = join(__dirname, '..');
const EXAMPLE_CATALOG = join(ROOT, 'examples/catalog.json');
const EXAMPLE_LEDGER = join(ROOT, 'examples/ledger.csv');

const metric = (id: string, extra: Record<string, unknown>) => ({
  id, name: { 'zh-CN': `指标${id}`, 'en-US': `Metric ${id}` }, category: 'test', unit: 'currency', direction: 'higherIsBetter', kind: 'base', ...extra,
});
const CATALOG = JSON.stringify({
  schemaVersion: 1, currency: 'CNY',
  metrics: [
    metric('revenue', { accounts: ['6001*'], sign: -1 }),
    metric('cogs', { accounts: ['6401'], direction: 'lowerIsBetter' }),
    metric('gm', { kind: 'derived', unit: 'percent', formula: 'DIVIDE(revenue - cogs, revenue)' }),
  ],
});

describe('finpulse catalog validate', () => {
  it('accepts the shipped example catalog (the KPI library)', async () => {
    const r = await cli('catalog', 'validate', EXAMPLE_CATALOG);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/valid, \d+ metrics/);
    expect(r.code).toBe(0);
  });

  it('lists every problem with its path and exits 1, in either language', async () => {
    const bad = {
      schemaVersion: 1, currency: 'XYZ',
      metrics: [
        { ...metric('a', { kind: 'derived', formula: 'b + a * (' }), unit: 'furlongs', colour: 'red' },
        metric('a', { kind: 'ratio', numerator: 'zz', denominator: 'a' }),
        metric('c', { kind: 'derived', formula: 'd' }),
        metric('d', { kind: 'derived', formula: 'c' }),
      ],
    };
    const file = tempFiles({ 'bad.json': JSON.stringify(bad) })('bad.json');
    const en = await cli('catalog', 'validate', file);
    expect(en.code).toBe(1);
    for (const expected of [
      '$.currency: Unknown currency code "XYZ"',
      '$.metrics[0].unit: "furlongs" is not allowed',
      '$.metrics[0].colour: Unknown field "colour"',
      '$.metrics[0].formula: The formula ends too early',
      '$.metrics[1].id: Duplicate metric id "a"',
      '$.metrics[1].numerator: Refers to metric "zz"',
      '$.metrics[2]: Circular definition: c → d → c',
    ]) expect(en.err).toContain(expected);
    const zh = await cli('--lang', 'zh-CN', 'catalog', 'validate', file);
    expect(zh.err).toContain('循环定义：c → d → c');
    expect(zh.err).toContain('未知币种代码"XYZ"');
  });

  it('reports invalid JSON with line and column, and a missing file plainly', async () => {
    const file = tempFiles({ 'broken.json': '{\n  "schemaVersion": 1,\n  "metrics": [,]\n}' })('broken.json');
    const r = await cli('catalog', 'validate', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not valid JSON.*line 3, column \d+/);
    const missing = await cli('catalog', 'validate', '/nowhere/catalog.json');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Cannot read /nowhere/catalog.json: file not found');
  });

  it('prints the JSON Schema editors use', async () => {
    const r = await cli('catalog', 'schema');
    const schema = JSON.parse(r.out) as { properties: { metrics: { items: { required: string[] } } } };
    expect(schema.properties.metrics.items.required).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'unit']));
  });
});

describe('finpulse evaluate', () => {
  const ledger = ['date,account,amount,department', '2026-01-05,6001,-1000,East', '2026-01-06,6401,600,East',
    '2026-02-05,6001,"-2,000.50",West', '2026-02-09,6401,900,West', '2026-02-10,6001,#N/A,West', '2026年3月,6001,0,East'].join('\n');
  const path = tempFiles({ 'catalog.json': CATALOG, 'ledger.csv': ledger, 'empty.csv': 'date,account,amount\n' });

  it('prints a table of metric values per period, with row warnings on stderr', async () => {
    const r = await cli('evaluate', '--catalog', path('catalog.json'), '--data', path('ledger.csv'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^Metric\s+2026-01\s+2026-02\s+2026-03$/);
    expect(r.out).toMatch(/Metric revenue\s+1,000\.00\s+2,000\.50\s+0\.00/);
    expect(r.out).toMatch(/Metric gm\s+40\.0%\s+55\.0%\s+#DIV0/);
    expect(r.err).toContain('Row 6: the cell holds the error #N/A; row skipped');
  });

  it('emits JSON with exact decimals and typed errors', async () => {
    const r = await cli('evaluate', '--catalog', path('catalog.json'), '--data', path('ledger.csv'), '--format', 'json', '--grain', 'quarter');
    const json = JSON.parse(r.out) as { periods: string[]; values: Array<{ metricId: string; value: number | null; exact?: string; error?: { kind: string } }> };
    expect(json.periods).toEqual(['2026-Q1']);
    expect(json.values.find((v) => v.metricId === 'revenue')).toMatchObject({ value: 3000.5, exact: '3000.50' });
    expect(json.values.find((v) => v.metricId === 'gm')!.value).toBeCloseTo((3000.5 - 1500) / 3000.5, 12);
  });

  it('breaks down by a dimension in CSV', async () => {
    const r = await cli('evaluate', '--catalog', path('catalog.json'), '--data', path('ledger.csv'), '--format', 'csv', '--breakdown', 'department', '--metrics', 'revenue');
    expect(r.out).toContain('revenue,2026-02,West,2000.5,2000.50,');
    expect(r.out).toContain('revenue,2026-01,East,1000,1000.00,');
  });

  it('fails clearly on an empty ledger, an unknown flag, an unknown metric and a bad grain', async () => {
    const empty = await cli('evaluate', '--catalog', path('catalog.json'), '--data', path('empty.csv'));
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('The data has no rows');
    expect((await cli('evaluate', '--catalog', path('catalog.json'), '--data', path('ledger.csv'), '--colour', 'red')).code).toBe(2);
    const unknown = await cli('evaluate', '--catalog', path('catalog.json'), '--data', path('ledger.csv'), '--metrics', 'nope');
    expect(unknown.err).toContain('unknown metric(s): nope');
    const grain = await cli('evaluate', '--catalog', path('catalog.json'), '--data', path('ledger.csv'), '--grain', 'fortnight');
    expect(grain).toMatchObject({ code: 2, err: expect.stringContaining('--grain must be one of day, week, month, quarter, year') as string });
  });

  it('keeps history: a rerun on the same data stores nothing new, a changed row stores just what changed', async () => {
    const dir = path('history');
    const args = ['evaluate', '--catalog', path('catalog.json'), '--data', path('ledger.csv'), '--history', dir, '--actor', 'li.na'];
    expect((await cli(...args)).err).toContain('history: 9 changed value(s) saved');
    expect((await cli(...args)).err).toContain('history: 0 changed value(s) saved');
    const changed = tempFiles({ 'ledger.csv': ledger.replace('2026-02-09,6401,900', '2026-02-09,6401,950') })('ledger.csv');
    expect((await cli('evaluate', '--catalog', path('catalog.json'), '--data', changed, '--history', dir, '--actor', 'li.na')).err).toContain('history: 2 changed value(s) saved');
    const store = await createFileStore(dir);
    const cogs = await store.history(metricId('cogs'));
    expect(cogs.filter((r) => r.period === '2026-02').map((r) => r.value)).toEqual([900, 950]);
    const audit = await store.audit({ actor: 'li.na' });
    expect(audit.map((a) => a.action)).toEqual(['evaluate', 'evaluate', 'evaluate']);
    await store.close();
  });

  it('runs the shipped examples', async () => {
    const r = await cli('evaluate', '--catalog', EXAMPLE_CATALOG, '--data', EXAMPLE_LEDGER, '--source', `budget=${join(ROOT, 'examples/budget.csv')}`, '--source', `forecast=${join(ROOT, 'examples/forecast.csv')}`, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { periods: string[]; values: Array<{ metricId: string; value: number | null }> };
    expect(json.periods).toHaveLength(36);
    const numeric = json.values.filter((v) => v.value !== null).length;
    expect(numeric / json.values.length).toBeGreaterThan(0.8);
  });
});

describe('finpulse evaluate on .xlsx', () => {
  it('reads a workbook with a title block, merged dates, formulas and error cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Journal');
    ws.addRow(['Demo Co. — journal']);
    ws.addRow([]);
    ws.addRow(['Date', 'Account', 'Amount', 'Memo']);
    ws.addRow([new Date(Date.UTC(2026, 0, 5)), '6001', -1000, '=not a formula']);
    ws.addRow([null, '6401', { formula: '300*2', result: 600 }, 'cost']);
    ws.mergeCells('A4:A5');
    ws.addRow([46058, '6001', { error: '#N/A' }, 'broken']);
    ws.addRow([46058, '6001', -2000, 'feb']);
    const path = tempFiles({ 'catalog.json': CATALOG });
    const file = path('book.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await cli('evaluate', '--catalog', path('catalog.json'), '--data', file, '--sheet', 'Journal', '--format', 'json');
    expect(r.err).toContain('Journal!C6: the cell holds the error #N/A; row 6 skipped');
    const json = JSON.parse(r.out) as { periods: string[]; values: Array<{ metricId: string; period: string; exact?: string; value: number | null }> };
    expect(json.periods).toEqual(['2026-01', '2026-02']);
    const get = (id: string, p: string) => json.values.find((v) => v.metricId === id && v.period === p);
    expect(get('revenue', '2026-01')!.exact).toBe('1000.00');
    expect(get('cogs', '2026-01')!.exact).toBe('600.00');
    expect(get('revenue', '2026-02')!.exact).toBe('2000.00');
    // A merged amount belongs to its first row only: filling it down would count it twice.
    const wb2 = new ExcelJS.Workbook();
    const ws2 = wb2.addWorksheet('Journal');
    ws2.addRow(['Date', 'Account', 'Amount']);
    ws2.addRow([new Date(Date.UTC(2026, 0, 5)), '6001', -1000]);
    ws2.addRow([new Date(Date.UTC(2026, 0, 6)), '6001', null]);
    ws2.mergeCells('C2:C3');
    const merged = path('merged.xlsx');
    await wb2.xlsx.writeFile(merged);
    const m = await cli('evaluate', '--catalog', path('catalog.json'), '--data', merged, '--format', 'json', '--metrics', 'revenue');
    expect((JSON.parse(m.out) as { values: Array<{ exact?: string }> }).values[0]!.exact).toBe('1000.00');
    const other = await cli('evaluate', '--catalog', path('catalog.json'), '--data', file, '--sheet', 'Nope');
    expect(other.err).toContain('sheet "Nope" not found; sheets are: Journal');
  });

  const SAMPLE = join(ROOT, '../shared/samples/workbooks/powerbi-financial-sample.xlsx');
  (existsSync(SAMPLE) ? it : it.skip)('evaluates the Power BI Financial Sample and matches its own column totals to the cent', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const reference = new Map<string, bigint>();
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n === 1) return;
      const date = row.getCell(13).value as Date;
      const key = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
      // Some sales carry a tenth of a cent (31133.025), so the mapping keeps 4 decimals: nothing is rounded.
      const units = BigInt(Math.round(Number(row.getCell(10).value) * 10_000));
      reference.set(key, (reference.get(key) ?? 0n) + units);
    });
    const catalog = JSON.stringify({ schemaVersion: 1, currency: 'USD', metrics: [
      metric('sales', {}), metric('cogs', { measure: 'cogs' }), metric('margin', { kind: 'derived', unit: 'percent', formula: 'DIVIDE(sales - cogs, sales)' }),
    ] });
    // The sales header is " Sales" with a leading space; headers are matched trimmed.
    const mapping = JSON.stringify({ scale: 4, date: 'Date', amount: 'Sales', measures: { cogs: 'COGS' }, dimensions: { segment: 'Segment', country: 'Country', product: 'Product' } });
    const path = tempFiles({ 'catalog.json': catalog, 'map.json': mapping });
    const r = await cli('evaluate', '--catalog', path('catalog.json'), '--data', SAMPLE, '--map', path('map.json'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as { periods: string[]; values: Array<{ metricId: string; period: string; exact?: string }> };
    expect(json.periods).toHaveLength(16);
    for (const p of json.periods) {
      const units = reference.get(p) ?? 0n;
      const expected = `${units / 10_000n}.${String(units % 10_000n).padStart(4, '0')}`;
      expect(json.values.find((v) => v.metricId === 'sales' && v.period === p)!.exact).toBe(expected);
    }
  });
});

describe('the finpulse bin', () => {
  const bin = join(ROOT, 'bin/finpulse.js');
  (existsSync(join(ROOT, 'dist/node/cli/main.js')) ? it : it.skip)('runs as an installed command', () => {
    const out = execFileSync(process.execPath, [bin, 'catalog', 'validate', EXAMPLE_CATALOG], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    expect(out).toMatch(/valid, \d+ metrics/);
  });
});

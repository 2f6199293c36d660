import type { Binding } from '../core/bindings';
import { makeCatalog, makeMetric } from '../core/testing/factories';
import { MARK_FILLS, type WorkbookHost } from './contract';
import { createMemoryHost } from './memory';
import { MemoryWorkbook } from './memory/workbook';
import { readBoundSources, refreshWorkbook, writeResults } from './refresh';

const seed = () =>
  MemoryWorkbook.fromSeed({
    sheets: [
      {
        name: 'Ledger',
        cells: {
          A1: 'Date', B1: 'Account', C1: 'Amount', D1: 'Dept',
          A2: 46023, B2: '6001', C2: -1000, D2: 'East',
          A3: 46054, B3: '6001', C3: '(2,000.00)', D3: 'West',
          A4: 46054, B4: '6001', C4: { error: '#N/A' }, D4: 'West',
        },
      },
      {
        name: 'P&L',
        cells: { A1: 'Line', B1: 'Jan', C1: 'Feb', D1: 'Total', A2: 'Opex', B2: 300, C2: 1500, D2: 1800 },
      },
    ],
    tables: [{ name: 'Journal', sheet: 'Ledger', address: 'A1:D4' }],
  });

const catalog = makeCatalog([
  makeMetric({ id: 'revenue', name: { 'zh-CN': '收入', 'en-US': 'Revenue' }, accounts: ['6001'], sign: -1 }),
  makeMetric({ id: 'opex', source: 'pl', accounts: ['Opex'], direction: 'lowerIsBetter' }),
  makeMetric({
    id: 'margin', name: { 'zh-CN': '利润率', 'en-US': 'Margin' }, kind: 'derived', unit: 'percent', formula: 'DIVIDE(revenue - opex, revenue)',
    thresholds: [{ severity: 'warning', when: 'below', value: 0.5 }],
  }),
]);

const bindings: Binding[] = [
  { id: 'journal', target: { kind: 'table', table: 'Journal' }, layout: 'long', long: { date: 'Date', amount: 'Amount', account: 'Account' } },
  { id: 'pl', source: 'pl', target: { kind: 'range', ref: "'P&L'!A1:D2" }, layout: 'wide', wide: { year: 2026 } },
];

/** Counts host calls, to hold the refresh to one read round trip. */
function counting(host: WorkbookHost): { host: WorkbookHost; reads: () => number } {
  let reads = 0;
  return {
    host: { ...host, readRanges: (refs, o) => ((reads += 1), host.readRanges(refs, o)) },
    reads: () => reads,
  };
}

describe('refreshWorkbook', () => {
  it('reads every binding in one round trip, writes the results block and marks threshold breaches', async () => {
    const book = seed();
    const { host, reads } = counting(createMemoryHost(book));
    const result = await refreshWorkbook({ host, catalog, bindings, locale: 'en-US' });
    expect(reads()).toBe(1);
    expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['journal: Ledger!C4']));
    const [r] = await host.readRanges([{ sheet: 'FinPulse', address: 'A1:I7' }], { styles: true });
    expect(r!.values.map((row) => row.slice(0, 4))).toEqual([
      ['Metric', 'Name', 'Period', 'Value'],
      ['revenue', 'Revenue', '2026-01', 1000],
      ['opex', 'opex', '2026-01', 300],
      ['margin', 'Margin', '2026-01', 0.7],
      ['revenue', 'Revenue', '2026-02', 2000],
      ['opex', 'opex', '2026-02', 1500],
      ['margin', 'Margin', '2026-02', 0.25],
    ]);
    expect(r!.fills![6]![3]).toBe(MARK_FILLS.warning);
    expect(r!.notes![6]![3]).toBe('Margin 25.0% is below the warning threshold of 50.0%');
    expect(result.findings.map((f) => [f.metricId, f.period, f.kind])).toContainEqual(['margin', '2026-02', 'threshold']);
    expect(result.marks.map((m) => m.address)).toEqual(['D7']);
  });

  it('clears the previous marks and blanks rows a longer previous run left', async () => {
    const book = seed();
    const host = createMemoryHost(book);
    await refreshWorkbook({ host, catalog, bindings, locale: 'zh-CN' });
    expect(await host.listMarks()).toHaveLength(1);
    const onlyRevenue = makeCatalog([catalog.metrics[0]!]);
    const again = await refreshWorkbook({ host, catalog: onlyRevenue, bindings, locale: 'zh-CN' });
    expect(await host.listMarks()).toEqual([]);
    expect(again.marks).toEqual([]);
    const [r] = await host.readRanges([{ sheet: 'FinPulse', address: 'A1:D7' }], { styles: true });
    expect(r!.values.slice(0, 3)).toEqual([['指标', '名称', '期间', '值'], ['revenue', '收入', '2026-01', 1000], ['revenue', '收入', '2026-02', 2000]]);
    expect(r!.values.slice(3)).toEqual(Array.from({ length: 4 }, () => [null, null, null, null]));
    expect(r!.fills![6]![3]).toBeNull();
  });

  it('reports a binding whose sheet is gone and still refreshes the rest', async () => {
    const host = createMemoryHost(seed());
    const lost: Binding = { id: 'old', target: { kind: 'range', ref: 'Deleted!A1:B9' }, layout: 'long', long: { date: 'Date', amount: 'Amount' } };
    const result = await refreshWorkbook({ host, catalog, bindings: [lost, ...bindings], locale: 'en-US' });
    expect(result.problems.find((p) => p.code === 'refresh.missingSheet')?.message['en-US']).toBe(
      'Binding "old" reads sheet "Deleted", which is not in the workbook; its data was left out',
    );
    expect(result.evaluation.values.find((v) => v.metricId === 'revenue' && v.period === '2026-01')?.value).toBe(1000);
  });

  it('names each value\u2019s worst finding on its results row', async () => {
    const host = createMemoryHost(seed());
    const result = await refreshWorkbook({ host, catalog, bindings, locale: 'en-US' });
    const [r] = await host.readRanges([{ sheet: 'FinPulse', address: 'A7:I7' }]);
    const breach = result.findings.find((f) => f.metricId === 'margin' && f.period === '2026-02' && f.kind === 'threshold')!;
    expect(r!.values[0]!.slice(6, 8)).toEqual(['Warning', breach.id]);
  });
});

describe('the steps of a refresh, for other callers (finpulse run)', () => {
  it('readBoundSources reads every binding in one round trip, one table per source', async () => {
    const { host, reads } = counting(createMemoryHost(seed()));
    const bound = await readBoundSources(host, catalog, bindings);
    expect(reads()).toBe(1);
    expect(Object.keys(bound.tables).sort()).toEqual(['ledger', 'pl']);
    expect(bound.tables['ledger']!.rows).toBe(2);
    expect(bound.reads['journal']!.problems.map((p) => p.path)).toEqual(['Ledger!C4']);
    // Every problem names its binding before the cell.
    const named = Object.entries(bound.reads).flatMap(([id, read]) => read.problems.map((p) => `${id}: ${p.path}`));
    expect(bound.problems.map((p) => p.path)).toEqual(named);
    expect(bound.problems.map((p) => p.path)).toContain('journal: Ledger!C4');
  });

  it('writeResults sets the results\u2019 marks and the extra ones together, replacing the previous marks', async () => {
    const host = createMemoryHost(seed());
    const first = await refreshWorkbook({ host, catalog, bindings, locale: 'en-US' });
    const extra = { sheet: 'Ledger', address: 'C3', findingId: 'rec|2026-02', severity: 'critical' as const, note: 'Only in the workbook' };
    const marks = await writeResults(host, { catalog, evaluation: first.evaluation, findings: [], locale: 'en-US', extraMarks: [extra] });
    expect(marks).toEqual([extra]);
    expect((await host.listMarks()).map((m) => `${m.sheet}!${m.address}`)).toEqual(['Ledger!C3']);
    const [r] = await host.readRanges([{ sheet: 'Ledger', address: 'C3' }], { styles: true });
    expect(r!.fills![0]![0]).toBe(MARK_FILLS.critical);
  });
});

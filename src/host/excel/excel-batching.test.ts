import { cellAddress, type SheetRef } from '../../core/a1';
import { MARK_FILLS, type CellMark } from '../contract';
import type { WorkbookSeed } from '../testing/seed';
import { cellGet, createCountingExcel, excelHostOver, keyOf, type CountingExcel } from './testing';

// office-addin-mock takes only the OfficeApp enum from office-addin-manifest, whose ESM-only
// dependencies (strip-bom) jest cannot require; the enum stands in for the whole module.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

const FIVE_MB = 5_000_000;
const SHEETS = ['Ledger', 'Budget', 'Forecast'];

/** Three sheets of 1,000 rows × 13 columns (a label and 12 months), and one note. */
function threeSheets(): WorkbookSeed {
  return {
    sheets: SHEETS.map((name) => {
      const cells: WorkbookSeed['sheets'][number]['cells'] = {};
      for (let r = 0; r < 1000; r += 1) {
        cells[cellAddress(r, 0)] = `metric ${r}`;
        for (let c = 1; c <= 12; c += 1) cells[cellAddress(r, c)] = r * 100 + c + 0.5;
      }
      cells['B2'] = { value: 101.5, note: 'from the ERP' };
      return { name, cells, hiddenRows: [5] };
    }),
  };
}

/** n bound metrics, each a row of 13 cells, spread over the three sheets. */
const metricRefs = (n: number): SheetRef[] => Array.from({ length: n }, (_, i) => ({ sheet: SHEETS[i % 3]!, address: `A${Math.floor(i / 3) + 1}:M${Math.floor(i / 3) + 1}` }));

const underLimits = (excel: CountingExcel): void => {
  for (const r of excel.requests) {
    expect(r.error).toBeUndefined();
    expect(r.requestBytes).toBeLessThan(FIVE_MB);
    expect(r.responseBytes).toBeLessThan(FIVE_MB);
  }
};

describe('Excel host: one round trip per batch, never one per range or cell', () => {
  let excel: CountingExcel;
  beforeAll(() => {
    excel = createCountingExcel(threeSheets());
  });

  it('reads 1, 10 or 100 ranges over 3 sheets in the same single sync (styles too)', async () => {
    const host = excelHostOver(excel);
    await host.ready;
    const syncs = async (n: number, styles: boolean): Promise<number> => {
      excel.reset();
      const reads = await host.readRanges(metricRefs(n), { styles });
      expect(reads).toHaveLength(n);
      return excel.syncs;
    };
    const plain = [await syncs(1, false), await syncs(10, false), await syncs(100, false)];
    const styled = [await syncs(1, true), await syncs(10, true), await syncs(100, true)];
    expect(plain).toEqual([1, 1, 1]);
    expect(styled).toEqual([1, 1, 1]);
    const [first] = await host.readRanges(metricRefs(100), { styles: true });
    expect(first!.values[0]).toEqual(['metric 0', ...Array.from({ length: 12 }, (_, c) => c + 1.5)]);
    const [second] = await host.readRanges([{ sheet: 'Ledger', address: 'A2:M2' }], { styles: true });
    expect(second!.notes![0]![1]).toBe('from the ERP');
    underLimits(excel);
  });

  it('reads 1,000 whole sheets-worth of ranges in a sync count that does not grow with them', async () => {
    const host = excelHostOver(excel);
    excel.reset();
    await host.readRanges(metricRefs(1000));
    expect(excel.syncs).toBe(1);
    excel.reset();
    const [all] = await host.readRanges([{ sheet: 'Budget', address: 'A1:M1000' }]);
    expect(all!.hiddenRows).toEqual([4]);
    expect(excel.syncs).toBe(1);
  });

  it('a small write is two syncs (which sheets exist, then every block), a sheet added on the way', async () => {
    const host = excelHostOver(excel);
    excel.reset();
    await host.writeBlocks([
      { sheet: 'Results', at: 'A1', values: [['metric', 'value'], ['dso', 41.2]] },
      { sheet: 'Results', at: 'D1', values: [['=not a formula']] },
      { sheet: 'Ledger', at: 'O1', values: [[1], [2]] },
    ]);
    expect(excel.syncs).toBe(2);
  });
});

describe('Excel host: marking many cells', () => {
  const blockMark = (address: string, id = 'block'): CellMark[] => [{ sheet: 'Budget', address, findingId: id, severity: 'warning', note: 'Budget 12% over plan' }];
  const singleMarks = (n: number): CellMark[] =>
    Array.from({ length: n }, (_, i) => ({ sheet: 'Ledger', address: cellAddress(i % 1000, 1 + Math.floor(i / 1000)), findingId: `f${i}`, severity: 'critical', note: `异常 ${i}` }));

  it('marks 10,000 cells in a constant, small number of syncs, every request under 5 MB', async () => {
    const excel = createCountingExcel(threeSheets());
    const host = excelHostOver(excel);
    await host.listMarks(); // loads the registry once (one sync); later calls use the cached copy
    const syncs = async (work: () => Promise<void>): Promise<number> => {
      excel.reset();
      await work();
      underLimits(excel);
      return excel.syncs;
    };
    const ten = await syncs(() => host.mark(blockMark('B2:F3', 'ten')));
    const thousand = await syncs(() => host.mark(blockMark('B5:K104', 'thousand')));
    const tenThousand = await syncs(() => host.mark(blockMark('B1:K1000')));
    const scattered = await syncs(() => host.mark(singleMarks(10_000)));
    // Read the originals (notes one by one up to 2,000 new cells, else listed: one sync more), then write.
    expect([ten, thousand, tenThousand]).toEqual([2, 2, 3]);
    // 10,000 distinct findings with their own notes: the notes and the registry need a second write request.
    expect(scattered).toBeLessThanOrEqual(4);
    const budget = excel.session.book.sheet('Budget')!;
    expect(cellGet(budget, 999, 10).fill).toBe(MARK_FILLS.warning);
    expect(budget.notes.get(keyOf(999, 10))).toBe('Budget 12% over plan');
    expect(excel.session.book.sheet('Ledger')!.notes.get(keyOf(1, 1))).toBe('异常 1'); // replaced the ERP note, kept to restore

    expect(await syncs(() => host.clearMarks(['block']))).toBe(1);
    expect(cellGet(budget, 999, 10).fill).toBeUndefined();
    expect(cellGet(budget, 1, 1).fill).toBe(MARK_FILLS.warning); // still under 'ten'
    expect(await syncs(() => host.clearMarks())).toBeLessThanOrEqual(2);
    expect(excel.session.book.sheet('Ledger')!.notes.get(keyOf(1, 1))).toBe('from the ERP');
    expect(budget.notes.get(keyOf(1, 1))).toBe('from the ERP');
    expect(excel.session.unsynced).toBe(0);
  });
});

describe('Excel host: chunked writes and reads (Excel on the web: 5 MB, 5 million cells)', () => {
  it('writes a 200,000 × 10 block in row bands, each request under 5 MB, and reads it back in bands', async () => {
    const excel = createCountingExcel({ sheets: [{ name: 'Data', cells: {} }] });
    const host = excelHostOver(excel);
    await host.ready;
    const values = Array.from({ length: 200_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => (c === 0 ? `row ${r}` : r * 10 + c + 0.25)));
    excel.reset();
    await host.writeBlocks([{ sheet: 'Out', at: 'A1', values }]);
    underLimits(excel);
    const bands = excel.requests.filter((r) => r.cellsWritten > 0);
    expect(bands.length).toBeGreaterThan(3);
    expect(excel.syncs).toBe(bands.length + 1); // plus the look at which sheets exist
    expect(Math.max(...bands.map((r) => r.requestBytes))).toBeGreaterThan(FIVE_MB / 2); // bands are packed, not tiny

    excel.reset();
    const [back] = await host.readRanges([{ sheet: 'Out', address: 'A1:J200000' }]);
    underLimits(excel);
    expect(excel.syncs).toBeGreaterThan(1);
    for (const r of [0, 99_999, 199_999]) expect(back!.values[r]).toEqual(values[r]);
    expect(back!.numberFormats[5]![0]).toBe('@');
  }, 60_000);
});

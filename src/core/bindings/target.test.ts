import { formatRef } from '../a1';
import { resolveTarget, type Binding, type WorkbookIndex } from './index';

const index: WorkbookIndex = {
  names: [
    { name: 'Budget2026', ref: "='Budget'!$C$4:$N$21" },
    { name: 'VatRate', ref: '=0.13' },
  ],
  tables: [
    { name: 'financials', ref: 'Sheet1!A1:P701', headers: ['Segment', 'Country', 'Product', 'Discount Band', 'Units Sold', 'Manufacturing Price', 'Sale Price', 'Gross Sales', 'Discounts', ' Sales', 'COGS', 'Profit', 'Date', 'Month Number', 'Month Name', 'Year'] },
    { name: 'Journal', ref: "'GL 2026'!B2:F500", headers: ['日期', '科目代码', '部门', '金额', '摘要'] },
  ],
};
const bind = (target: Binding['target'], long?: Binding['long']): Binding => ({ id: 'b', target, layout: 'long', long });
const refs = (b: Binding): string[] => resolveTarget(b, index).ranges.map(formatRef);

describe('resolveTarget', () => {
  it('reads a range as given, a name through its reference and a table whole', () => {
    expect(refs(bind({ kind: 'range', ref: 'Ledger!$A$1:$F$200' }))).toEqual(['Ledger!A1:F200']);
    expect(refs(bind({ kind: 'name', name: 'budget2026' }))).toEqual(['Budget!C4:N21']);
    expect(refs(bind({ kind: 'table', table: 'Journal' }))).toEqual(["'GL 2026'!B2:F500"]);
  });

  it('reads a table column with the date, account and dimension columns, adjacent ones together', () => {
    expect(refs(bind({ kind: 'tableColumn', table: 'financials', column: 'Sales' }, { date: 'Date', dimensions: { segment: 'Segment', product: 'Product' } }))).toEqual([
      'Sheet1!A1:A701',
      'Sheet1!C1:C701',
      'Sheet1!J1:J701',
      'Sheet1!M1:M701',
    ]);
    // Recognised headers (日期, 科目代码) need no mapping.
    expect(refs(bind({ kind: 'tableColumn', table: 'Journal', column: '金额' }))).toEqual(["'GL 2026'!B2:C500", "'GL 2026'!E2:E500"]);
  });

  it('says what exists when a name, table or column is unknown', () => {
    const name = resolveTarget(bind({ kind: 'name', name: 'Forecast' }), index);
    expect(name.ranges).toEqual([]);
    expect(name.problems[0]).toMatchObject({ path: '$.target.name', code: 'bind.unknownName' });
    expect(name.problems[0]!.message['en-US']).toBe('The workbook has no name "Forecast"; names are: Budget2026, VatRate');
    const constant = resolveTarget(bind({ kind: 'name', name: 'VatRate' }), index);
    expect(constant.problems[0]!.message['zh-CN']).toBe('名称"VatRate"指向 =0.13，不是单个区域');
    const table = resolveTarget(bind({ kind: 'table', table: 'Sales' }), index);
    expect(table.problems[0]).toMatchObject({ path: '$.target.table', code: 'bind.unknownTable' });
    expect(table.problems[0]!.message['zh-CN']).toBe('工作簿中没有表"Sales"；现有表：financials, Journal');
    const column = resolveTarget(bind({ kind: 'tableColumn', table: 'Journal', column: 'Net' }, { date: 'Posted' }), index);
    expect(column.problems.map((p) => [p.path, p.message['en-US']])).toEqual([
      ['$.target.column', 'Table "Journal" has no column "Net" (amount); columns are: 日期, 科目代码, 部门, 金额, 摘要'],
      ['$.long.date', 'Table "Journal" has no column "Posted" (date); columns are: 日期, 科目代码, 部门, 金额, 摘要'],
    ]);
    const bad = resolveTarget(bind({ kind: 'range', ref: 'A1:B2' }), index);
    expect(bad.problems[0]!.message['en-US']).toBe('"A1:B2" is not a range reference such as Sheet1!A1:F200');
    expect(resolveTarget(bind({ kind: 'name', name: 'X' }), { names: [], tables: [] }).problems[0]!.message['en-US']).toBe('The workbook has no name "X"; names are: —');
  });
});

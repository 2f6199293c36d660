import type { ErpRecord } from '../../src/demo-erp';
import { ENTITY_SETS, parseApply, parseFilter } from '../../src/demo-erp/odata';
import { compileFilter, scopeOf } from '../../src/demo-erp/odata/compile';
import { ODataFailure } from '../../src/demo-erp/odata/failure';

const journal = ENTITY_SETS.find((s) => s.name === 'JournalLines')!;
const line = (over: Partial<Record<string, string | number | null>>): ErpRecord => ({
  id: 'JL-0000001', entryId: 'JE-000001', postingDate: '2026-01-15', account: '6001', accountName: "Main operating revenue", entity: 'FP-SH', department: 'East-1',
  product: 'P-100', customer: "O'Brien Ltd", supplier: null, cashflow: null, debit: 0, credit: 1250.5, amount: -1250.5, currency: 'CNY', modifiedAt: '2026-01-16T02:00:00.000Z', ...over,
});
const test = (filter: string, row: ErpRecord): boolean => compileFilter(parseFilter(filter), scopeOf(journal.properties), '$filter')(row);
const failure = (run: () => unknown): ODataFailure => {
  try {
    run();
  } catch (err) {
    if (err instanceof ODataFailure) return err;
    throw err;
  }
  throw new Error('expected an ODataFailure');
};

describe('demo ERP: the $filter and $apply parsers', () => {
  it('binds not tighter than and, and tighter than or, as OData does', () => {
    const row = line({});
    expect(test("Account eq '6001' or Account eq '6401' and Entity eq 'FP-SZ'", row)).toBe(true);
    expect(test("(Account eq '6001' or Account eq '6401') and Entity eq 'FP-SZ'", row)).toBe(false);
    expect(test("not contains(Department,'West') and not (Amount gt 0)", row)).toBe(true);
    expect(failure(() => test("not Account eq '6001'", row)).message).toContain('needs conditions');
  });

  it("reads quoted quotes, negative and exponent numbers, dates and offsets", () => {
    const row = line({});
    expect(test("Customer eq 'O''Brien Ltd'", row)).toBe(true);
    expect(test('Amount eq -1250.5 and Credit gt 1.2e3', row)).toBe(true);
    expect(test('PostingDate ge 2026-01-15 and PostingDate lt 2026-01-16', row)).toBe(true);
    // 10:00 in Beijing is 02:00 UTC: the instants compare, not the texts.
    expect(test('ModifiedAt eq 2026-01-16T10:00:00+08:00', row)).toBe(true);
    expect(test('ModifiedAt lt 2026-01-16T09:59:59.999+08:00', row)).toBe(false);
  });

  it('treats null as SQL-free OData does: eq null matches, comparisons with null are false', () => {
    expect(test('Supplier eq null', line({}))).toBe(true);
    expect(test("Supplier ne 'S-0001'", line({}))).toBe(true);
    expect(test("Supplier lt 'S'", line({}))).toBe(false);
    expect(test("startswith(Supplier,'S')", line({}))).toBe(false);
  });

  it('never runs text as code', () => {
    expect(failure(() => parseFilter("Account eq '1' ; process.exit(1)")).message).toContain('Unexpected character ";" at position 16');
    expect(failure(() => test('constructor eq 1', line({}))).message).toContain('Unknown property "constructor"');
  });

  it('parses chained transformations with their aliases', () => {
    expect(parseApply("filter(Amount gt 0)/groupby((Account,PostingMonth),aggregate(Amount with sum as Total,$count as N))")).toEqual([
      { kind: 'filter', expr: { kind: 'compare', op: 'gt', left: { kind: 'property', name: 'Amount', pos: 8 }, right: { kind: 'literal', type: 'number', value: 0, pos: 18 }, pos: 15 } },
      { kind: 'groupby', properties: [{ name: 'Account', pos: 30 }, { name: 'PostingMonth', pos: 38 }], aggregates: [{ source: { name: 'Amount', method: 'sum' }, alias: 'Total', pos: 62 }, { source: null, alias: 'N', pos: 87 }] },
    ]);
    expect(failure(() => parseApply('groupby((Account)')).message).toContain('ends too early');
    expect(failure(() => parseApply('sort(Amount)')).message).toContain('Unknown transformation "sort" at position 1');
    expect(failure(() => parseApply('aggregate(Amount with median as M)')).message).toContain('"median" at position 23');
  });
});

import { bindingShape, bindingSource, validateBinding } from './index';

const paths = (value: unknown): string[][] => validateBinding(value).problems.map((p) => [p.path, p.code]);

describe('bindingShape', () => {
  it.each([
    { id: 'gl', target: { kind: 'range', ref: "'P&L 2026'!A1:F200" }, layout: 'long', long: { date: 'Date', amount: 'Amount' } },
    { id: 'gl', source: 'budget', target: { kind: 'name', name: 'Budget2026' }, layout: 'wide', wide: { year: 2026, labelColumn: 'B' }, hiddenRows: 'skip', scale: 4 },
    { id: 'sales', target: { kind: 'tableColumn', table: 'financials', column: 'Sales' }, layout: 'long', long: { date: 'Date', dimensions: { segment: 'Segment' } } },
    { id: 'tb', target: { kind: 'table', table: 'TrialBalance' }, layout: 'long', long: { date: 'Date', debit: 'Debits', credit: 'Credits', dateOrder: 'dmy' } },
    { id: 'pl', target: { kind: 'range', ref: 'PL!B3:P40' }, layout: 'wide' },
  ])('accepts %j', (value) => {
    expect(validateBinding(value)).toEqual({ binding: value, problems: [] });
  });

  it('lists every problem with its path', () => {
    expect(
      paths({
        id: '',
        target: { kind: 'range', ref: 'A1:B2', extra: 1 },
        layout: 'diagonal',
        long: { amount: 'Amount' },
        hiddenRows: 'maybe',
        scale: 9,
      }),
    ).toEqual([
      ['$.id', 'catalog.pattern'],
      ['$.target.extra', 'catalog.unknownField'],
      ['$.layout', 'catalog.enum'],
      ['$.long', 'catalog.required'],
      ['$.hiddenRows', 'catalog.enum'],
      ['$.scale', 'catalog.range'],
    ]);
  });

  it('checks the target kind and what each kind needs', () => {
    expect(paths({ id: 'x', target: { kind: 'sheet' }, layout: 'long' })).toEqual([['$.target.kind', 'catalog.enum']]);
    expect(paths({ id: 'x', target: {}, layout: 'long' })).toEqual([['$.target', 'catalog.required']]);
    expect(paths({ id: 'x', target: 'A1', layout: 'long' })).toEqual([['$.target', 'catalog.type']]);
    expect(paths({ id: 'x', target: { kind: 'tableColumn', table: 'T' }, layout: 'long' })).toEqual([['$.target', 'catalog.required']]);
    const enumProblem = validateBinding({ id: 'x', target: { kind: 'sheet' }, layout: 'long' }).problems[0]!;
    expect(enumProblem.message['en-US']).toBe('"sheet" is not allowed; use one of: range, name, tableColumn, table');
  });

  it('checks fields against each other once their shapes are right', () => {
    expect(paths({ id: 'x', target: { kind: 'range', ref: 'no sheet' }, layout: 'wide', long: { date: 'Date' } })).toEqual([
      ['$.long', 'bind.layoutField'],
      ['$.target.ref', 'bind.badRef'],
    ]);
    const tc = validateBinding({ id: 'x', target: { kind: 'tableColumn', table: 'T', column: 'Sales' }, layout: 'wide' });
    expect(tc.problems.map((p) => p.message['en-US'])).toEqual(['A wide layout needs a range, a name or a whole table, not one table column']);
    const amount = validateBinding({ id: 'x', target: { kind: 'tableColumn', table: 'T', column: 'Sales' }, layout: 'long', long: { date: 'D', amount: 'Net' } });
    expect(amount.problems.map((p) => [p.path, p.message['zh-CN']])).toEqual([['$.long.amount', '目标列"Sales"即为金额列；请删除"amount"']]);
    expect(paths({ id: 'x', target: { kind: 'table', table: 'T' }, layout: 'long', long: { date: 'D', debit: 'Dr' } })).toEqual([['$.long', 'catalog.required']]);
    expect(paths({ id: 'x', target: { kind: 'table', table: 'T' }, layout: 'long', wide: { year: 2026 } })[0]).toEqual(['$.wide', 'bind.layoutField']);
  });

  it('describes itself as JSON Schema, targets as oneOf', () => {
    const schema = bindingShape.schema() as { required: string[]; properties: Record<string, { oneOf?: Array<{ properties: { kind: { enum: string[] } } }> }> };
    expect(schema.required).toEqual(['id', 'target', 'layout']);
    expect(schema.properties['target']!.oneOf!.map((s) => s.properties.kind.enum[0])).toEqual(['range', 'name', 'tableColumn', 'table']);
  });

  it('feeds the ledger source unless told otherwise', () => {
    expect(bindingSource({ id: 'a', target: { kind: 'table', table: 'T' }, layout: 'long' })).toBe('ledger');
    expect(bindingSource({ id: 'a', source: 'budget', target: { kind: 'table', table: 'T' }, layout: 'long' })).toBe('budget');
  });
});

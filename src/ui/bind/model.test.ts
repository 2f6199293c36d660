import { validateBinding } from '../../core/bindings';
import { makeCatalog, makeMetric } from '../../core/testing/factories';
import { bindingOf, defaultId, EMPTY_FORM, sourceNames } from './model';

describe('Bind form model', () => {
  it('a range in the long layout becomes a valid binding with dimensions', () => {
    const b = bindingOf({ ...EMPTY_FORM, ref: "'GL 2026'!A1:F900", dimensions: 'department=Dept, product' });
    expect(b).toEqual({
      id: 'ledger_gl_2026', source: 'ledger', target: { kind: 'range', ref: "'GL 2026'!A1:F900" }, layout: 'long',
      long: { date: 'date', amount: 'amount', account: 'account', dimensions: { department: 'Dept', product: 'product' } },
    });
    expect(validateBinding(b).problems).toEqual([]);
  });

  it('a table column binding never names an amount column (the column is the amount)', () => {
    const b = bindingOf({ ...EMPTY_FORM, source: 'budget', target: 'tableColumn', table: 'Plan', column: 'Amount' });
    expect(b['long']).toEqual({ date: 'date', account: 'account' });
    expect(validateBinding(b).problems).toEqual([]);
  });

  it('a wide layout carries the year; invalid input is left for validation to report', () => {
    expect(bindingOf({ ...EMPTY_FORM, layout: 'wide', year: '2026', target: 'name', name: 'PL' })).toMatchObject({ id: 'ledger_pl', wide: { year: 2026 } });
    expect(validateBinding(bindingOf({ ...EMPTY_FORM, ref: 'nowhere' })).problems.map((p) => p.code)).toEqual(['bind.badRef']);
    expect(defaultId({ ...EMPTY_FORM })).toBe('ledger');
  });

  it('offers every source the catalog reads', () => {
    const catalog = makeCatalog([makeMetric({ id: 'a' }), makeMetric({ id: 'b', source: 'budget' }), makeMetric({ id: 'c', kind: 'derived', formula: 'a + b', source: 'ignored' })]);
    expect(sourceNames(catalog)).toEqual(['budget', 'ledger']);
  });

  it('debit and credit columns replace the amount; an empty one is left for validation to name', () => {
    const b = bindingOf({ ...EMPTY_FORM, ref: 'GL!A1:F9', amountKind: 'debitCredit', debit: '借方', credit: '' });
    expect(b['long']).toEqual({ date: 'date', debit: '借方', credit: '', account: 'account' });
    expect(validateBinding(b).problems.map((p) => p.path)).toEqual(['$.long.credit']);
  });
});

import type { Binding } from '../../core/bindings';

/** The file name under examples/ and dist/web. */
export const DEMO_WORKBOOK_FILE = 'demo-workbook.xlsx';

/**
 * What a user binds in the demo workbook: the journal table as the ledger source and the budget
 * and forecast ranges as their sources, every other column a dimension. Used by tests of the journey.
 */
export function demoBindings(): Binding[] {
  return [
    { id: 'journal', target: { kind: 'table', table: 'Journal' }, layout: 'long', long: { date: 'date', amount: 'amount', account: 'account', dimensions: { entity: 'entity', department: 'department', product: 'product', cashflow: 'cashflow' } } },
    plan('budget', 'BudgetRange'),
    plan('forecast', 'ForecastRange'),
  ];
}

function plan(source: string, name: string): Binding {
  return { id: source, source, target: { kind: 'name', name }, layout: 'long', long: { date: 'date', amount: 'amount', account: 'account', dimensions: { department: 'department' } } };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateBinding } from '../../core/bindings';
import { MemoryWorkbook } from '../../host/memory';
import { DEMO_WORKBOOK_FILE, LEDGER_HEADER_ROW, PLAN_HEADER_ROW } from '../../workbench/demo-workbook';
import { readWorkbookBytes } from '../../workbench/xlsx';
import { openPane, type Pane } from '../../../test/pane/pane-harness';
import { bindingOf, EMPTY_FORM, targetOf, withSuggestion, type BindForm } from './model';

const EXAMPLES = join(__dirname, '../../../examples');
const csvHeader = (file: string): string[] => readFileSync(join(EXAMPLES, file), 'utf8').split(/\r?\n/, 1)[0]!.split(',');
const csvRows = (file: string): number => readFileSync(join(EXAMPLES, file), 'utf8').trim().split(/\r?\n/).length - 1;

/** What a newcomer does in the Bind view: pick a place, take the suggested columns, preview. */
async function suggestFor(pane: Pane, patch: Partial<BindForm>): Promise<BindForm> {
  const form: BindForm = { ...EMPTY_FORM, ...patch };
  const suggestion = await pane.session.actions.suggestColumns(targetOf(form));
  expect(suggestion).toBeDefined();
  return withSuggestion(form, suggestion!);
}

describe('Bind suggests the columns from the header row (demo workbook, memory host, real session)', () => {
  let pane: Pane;
  const ledgerLast = LEDGER_HEADER_ROW + csvRows('ledger.csv');

  beforeAll(async () => {
    const book = await readWorkbookBytes(new Uint8Array(readFileSync(join(EXAMPLES, DEMO_WORKBOOK_FILE))), DEMO_WORKBOOK_FILE);
    pane = openPane({ book });
    await pane.session.ready;
  });
  afterAll(async () => {
    await pane.close();
  });

  it('the selected journal (header included): date, amount, account, every other column a dimension; Preview reads every row and Save succeeds', async () => {
    const ref = `Ledger!A${LEDGER_HEADER_ROW}:G${ledgerLast}`;
    const suggestion = await pane.session.actions.suggestColumns({ kind: 'range', ref });
    const [date, account, amount, ...others] = csvHeader('ledger.csv');
    expect(suggestion).toEqual({ header: `Ledger!A${LEDGER_HEADER_ROW}:G${LEDGER_HEADER_ROW}`, date, account, amount, dimensions: others, problems: [] });

    // A blank form the user never typed in: the suggestion alone makes a binding that reads the whole journal.
    const form = withSuggestion({ ...EMPTY_FORM, date: '', amount: '', account: '', ref }, suggestion!);
    expect(form.dimensions).toBe(others.join(', '));
    const binding = bindingOf(form);
    const preview = await pane.session.actions.previewBinding(binding);
    expect(preview!.stats).toMatchObject({ rows: csvRows('ledger.csv'), kept: csvRows('ledger.csv'), skipped: 0 });
    expect(preview!.rows[0]!.text).toMatchObject({ account: '1001', entity: 'SH01' });
    await expect(pane.session.actions.saveBinding(binding)).resolves.toEqual([]);
    expect(pane.session.getState().bindings.map((b) => b.id)).toEqual(['ledger_ledger']);
  });

  it('finds the header under the title block when the selection starts at A1', async () => {
    const form = await suggestFor(pane, { ref: `Ledger!A1:G${ledgerLast}` });
    expect(form).toMatchObject({ date: 'date', amount: 'amount', account: 'account', dimensions: 'entity, department, product, cashflow' });
  });

  it('a table, a table column and a named range are read at their own header rows', async () => {
    expect(await suggestFor(pane, { target: 'table', table: 'Journal' })).toMatchObject({ date: 'date', amount: 'amount', dimensions: 'entity, department, product, cashflow' });
    // The column picked stays the amount; an empty one is filled with the recognised amount column.
    expect(await suggestFor(pane, { target: 'tableColumn', table: 'Journal', column: '' })).toMatchObject({ column: 'amount', date: 'date' });
    const budget = await pane.session.actions.suggestColumns({ kind: 'name', name: 'BudgetRange' });
    expect(budget).toMatchObject({ header: `Budget!A${PLAN_HEADER_ROW}:D${PLAN_HEADER_ROW}`, date: 'date', amount: 'amount', account: 'account', dimensions: ['department'], problems: [] });
  });

  it('says where and why when there is nothing to suggest, and keeps the form as it was', async () => {
    const summary = await pane.session.actions.suggestColumns({ kind: 'range', ref: 'Summary!A1:F12' });
    expect(summary!.problems.map((p) => [p.code, p.path])).toEqual([['ingest.missingColumn', 'Summary!A4:F4']]);
    expect(summary!.problems[0]!.message['en-US']).toContain('Entity 主体');
    const form = { ...EMPTY_FORM, ref: 'Summary!A1:F12', date: 'Posted' };
    expect(withSuggestion(form, summary!)).toBe(form);

    const unknown = await pane.session.actions.suggestColumns({ kind: 'table', table: 'Nope' });
    expect(unknown!.problems.map((p) => [p.code, p.path])).toEqual([['bind.unknownTable', '$.target.table']]);
    expect(unknown!.problems[0]!.message['en-US']).toContain('Journal');
    const bad = await pane.session.actions.suggestColumns({ kind: 'range', ref: 'A1:B' });
    expect(bad!.problems.map((p) => p.code)).toEqual(['bind.badRef']);
  });
});

describe('Bind suggests debit and credit from Chinese headers', () => {
  let pane: Pane;
  beforeAll(async () => {
    const book = new MemoryWorkbook();
    const sheet = book.addSheet('凭证');
    const rows = [
      ['2026年凭证', null, null, null, null, null],
      ['日期', '科目代码', '借方', '贷方', '部门', '项目'],
      ['2026-01-05', '6001', 0, 1200.5, '销售一部', 'P1'],
      ['2026-01-06', '6601', 300.25, 0, '销售二部', 'P2'],
    ];
    rows.forEach((cells, r) => cells.forEach((value, c) => sheet.set(r, c, { value })));
    pane = openPane({ book });
    await pane.session.ready;
  });
  afterAll(async () => {
    await pane.close();
  });

  it('借方/贷方 become debit and credit, 科目代码 the account, the rest dimensions; the preview nets them', async () => {
    const form = await suggestFor(pane, { ref: '凭证!A1:F4' });
    expect(form).toMatchObject({ date: '日期', account: '科目代码', amountKind: 'debitCredit', debit: '借方', credit: '贷方', amount: '', dimensions: '部门, 项目' });
    const binding = bindingOf(form);
    expect(binding['long']).toEqual({ date: '日期', debit: '借方', credit: '贷方', account: '科目代码', dimensions: { 部门: '部门', 项目: '项目' } });
    expect(validateBinding(binding).problems).toEqual([]);
    const preview = await pane.session.actions.previewBinding(binding);
    expect(preview!.stats).toMatchObject({ rows: 2, kept: 2 });
    expect(preview!.rows.map((r) => r.amount)).toEqual(['-1200.50', '300.25']);
  });
});

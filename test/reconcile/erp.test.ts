/**
 * The three kinds of reconciliation of examples/reconciliations.json, end to end on the demo ERP:
 * sources fetched over HTTP by the real connectors, a workbook copy read as a binding reads it.
 */
import { reconcile, type ReconcileReport } from '../../src/core/reconcile';
import type { ObservationTable } from '../../src/core/engine';
import { startErp, type Erp } from '../sources/erp-harness';
import { CATALOG, exampleRule, fetchExample, linesOf, sheetRow, table, workbookCopy, type SheetLine } from './harness';

jest.setTimeout(60_000);

const cents = (x: number): number => Math.round(x * 100);
const sumCents = (xs: readonly number[]): number => xs.reduce((s, x) => s + cents(x), 0);

describe('reconciliation against the demo ERP', () => {
  let erp: Erp;
  let gl: ObservationTable;
  let lines: SheetLine[];

  beforeAll(async () => {
    erp = await startErp({ journalLines: 21_600 });
    gl = table(await fetchExample(erp, 'gl-page-bearer.json'));
    lines = linesOf(gl);
  });
  afterAll(() => erp.close());
  afterEach(async () => {
    await erp.admin('/admin/faults', undefined, 'DELETE');
    await erp.admin('/admin/reset', {});
  });

  describe('workbook vs ERP (revenue)', () => {
    const rule = exampleRule('workbook-vs-erp-revenue');

    it('agrees with an exact copy of the journal in every month', () => {
      const report = reconcile({ catalog: CATALOG, sources: { ledger: workbookCopy(lines), erp_gl: gl }, rules: [rule] });
      expect(report.results[0]!.status).toBe('agrees');
      expect(report.results[0]!.periods).toHaveLength(36);
    });

    it('traces a changed, a dropped and a duplicated line to their rows, departments and accounts', () => {
      const june = lines.filter((l) => l.date.startsWith('2025-06') && l.account.startsWith('6001'));
      const [changed, dropped, duplicated] = [june[0]!, june.find((l) => l.department !== june[0]!.department)!, june.at(-1)!];
      const copy = lines.filter((l) => l !== dropped).map((l) => (l === changed ? { ...l, amount: l.amount - 1000 } : l));
      copy.push(duplicated);
      const report = reconcile({ catalog: CATALOG, sources: { ledger: workbookCopy(copy), erp_gl: gl }, rules: [rule] });
      const result = report.results[0]!;
      expect(result.status).toBe('breaks');
      const breaks = result.periods.filter((p) => !p.agrees);
      expect(breaks.map((p) => p.period)).toEqual(['2025-06']);
      // Revenue is credit-normal (sign −1): a line of −x adds x to it.
      const expected = (1000 * 100 + cents(dropped.amount) - cents(duplicated.amount)) / 100;
      expect(breaks[0]!.difference).toBeCloseTo(expected, 2);
      const byReason = Object.fromEntries(breaks[0]!.rows.map((r) => [r.reason, r]));
      expect(breaks[0]!.rows).toHaveLength(3);
      expect(byReason['amountDiffers']).toMatchObject({ key: changed.id, origin: `Ledger!A${sheetRow(copy, copy.find((l) => l.id === changed.id)!)}`, otherOrigin: `erp_gl:${changed.id}`, amount: -(changed.amount - 1000), otherAmount: -changed.amount });
      expect(byReason['onlyRight']).toMatchObject({ key: dropped.id, origin: `erp_gl:${dropped.id}`, amount: -dropped.amount, source: 'erp_gl' });
      expect(byReason['onlyLeft']).toMatchObject({ key: duplicated.id, origin: `Ledger!A${copy.length + 1}`, amount: -duplicated.amount, source: 'ledger' });
      expectMembers(report, 'department', [changed, dropped, duplicated]);
      expectMembers(report, 'account', [changed, dropped, duplicated]);
      expect(report.findings).toHaveLength(1);
      expect(report.findings[0]).toMatchObject({ kind: 'reconcile', period: '2025-06', metricId: 'revenue', severity: 'critical' });
      expect(report.findings[0]!.explanation['en-US']).toContain('workbook revenue');
    });

    /** Each member's difference is what the planted lines of that member add up to. */
    function expectMembers(report: ReconcileReport, dimension: 'department' | 'account', [changed, dropped, duplicated]: SheetLine[]): void {
      const want = new Map<string, number>();
      const add = (member: string, c: number): void => {
        want.set(member, (want.get(member) ?? 0) + c);
      };
      add(changed![dimension], 100_000);
      add(dropped![dimension], cents(dropped!.amount));
      add(duplicated![dimension], -cents(duplicated!.amount));
      const got = report.results[0]!.periods.find((p) => !p.agrees)!.members.filter((m) => m.dimension === dimension);
      expect(Object.fromEntries(got.map((m) => [m.member, cents(m.difference)]))).toEqual(Object.fromEntries([...want].filter(([, c]) => c !== 0)));
    }
  });

  describe('ledger vs sub-ledger (receivables)', () => {
    const rule = exampleRule('ledger-vs-ar-subledger');

    async function run(r = rule): Promise<ReconcileReport> {
      const [invoices, receipts] = await Promise.all([fetchExample(erp, 'ar-invoices-page-bearer.json'), fetchExample(erp, 'ar-receipts-page-bearer.json')]);
      return reconcile({ catalog: CATALOG, sources: { erp_gl: gl, erp_ar_invoices: invoices, erp_ar_receipts: receipts }, rules: [r] });
    }

    it('agrees from the second month on (the opening receivables predate the sub-ledger)', async () => {
      const report = await run();
      expect(report.results[0]).toMatchObject({ status: 'agrees', message: { 'en-US': 'Agrees in all 35 period(s)' } });
      const january = await run({ ...rule, from: '2024-01', to: '2024-01' });
      // January differs by exactly the receivables of the opening entries: ledger lines with no invoice.
      const [jan] = january.results[0]!.periods;
      expect(jan!.rows.length).toBeGreaterThan(0);
      expect(jan!.rows.every((r) => r.reason === 'onlyLeft' && r.day === '2024-01-01' && r.account === '1122')).toBe(true);
      expect(sumCents(jan!.rows.map((r) => r.amount))).toBe(cents(jan!.difference!));
    });

    it('breaks in the month of an invoice changed in the ERP, traced to the invoice and its journal line', async () => {
      const before = table(await fetchExample(erp, 'ar-invoices-page-bearer.json'));
      const mutated = (await erp.admin('/admin/mutate', { dataset: 'ar-invoices', change: 1 / before.rows, seed: 11 })) as { changed: number };
      expect(mutated.changed).toBe(1);
      const report = await run();
      const breaks = report.results[0]!.periods.filter((p) => !p.agrees);
      expect(breaks).toHaveLength(1);
      const [row] = breaks[0]!.rows;
      expect(breaks[0]!.rows).toHaveLength(1);
      expect(row).toMatchObject({ reason: 'amountDiffers', source: 'erp_gl' });
      expect(row!.origin).toMatch(/^erp_gl:JL-\d+$/);
      expect(row!.otherOrigin).toMatch(/^erp_ar_invoices:INV-\d+$/);
      expect(cents(row!.amount) - cents(row!.otherAmount!)).toBe(cents(breaks[0]!.difference!));
      expect(breaks[0]!.period).toBe(row!.day.slice(0, 7));
      // The invoice's own entity and department carry the whole difference.
      expect(breaks[0]!.members.map((m) => [m.dimension, cents(m.difference)]).sort()).toEqual([
        ['department', cents(breaks[0]!.difference!)],
        ['entity', cents(breaks[0]!.difference!)],
      ]);
    });
  });

  describe('opening vs previous closing (cash)', () => {
    const rule = exampleRule('cash-rollforward');

    it('agrees: each month opens with last month\'s closing', () => {
      const report = reconcile({ catalog: CATALOG, sources: { erp_gl: gl, ledger: workbookCopy(lines) }, rules: [rule] });
      expect(report.results[0]!.status).toBe('agrees');
      const periods = report.results[0]!.periods;
      expect(periods[0]!.period).toBe('2024-02');
      expect(periods).toHaveLength(35);
      expect(periods.every((p) => p.left !== null && p.left === p.right)).toBe(true);
    });

    it('breaks in every later month when an opening entry is changed, each time traced to that entry', () => {
      const opening = lines.find((l) => l.date === '2024-01-01' && l.account === '1002')!;
      const copy = lines.map((l) => (l === opening ? { ...l, amount: l.amount + 0.5 } : l));
      const report = reconcile({ catalog: CATALOG, sources: { erp_gl: gl, ledger: workbookCopy(copy) }, rules: [rule] });
      const periods = report.results[0]!.periods;
      expect(periods.every((p) => !p.agrees && p.difference === -0.5)).toBe(true);
      for (const p of periods) {
        expect(p.rows).toEqual([expect.objectContaining({ key: opening.id, reason: 'amountDiffers', origin: `erp_gl:${opening.id}`, otherOrigin: `Ledger!A${sheetRow(copy, copy.find((l) => l.id === opening.id)!)}`, amount: opening.amount, otherAmount: opening.amount + 0.5 })]);
        expect(p.members).toEqual(expect.arrayContaining([expect.objectContaining({ dimension: 'account', member: '1002', difference: -0.5 }), expect.objectContaining({ dimension: 'entity', member: opening.entity, difference: -0.5 })]));
      }
      expect(report.findings).toHaveLength(35);
      expect(report.findings[0]!.severity).toBe('critical');
    });
  });

  it('gives a rule whose source failed status error with the reason, not a crash', async () => {
    await erp.faults({ status500: { times: 50 } });
    const failed = await fetchExample(erp, 'ar-invoices-page-bearer.json', { retries: 1, retryBaseMs: 10, retryMaxMs: 20, timeoutMs: 5000, concurrency: 1 });
    expect('failed' in failed).toBe(true);
    const report = reconcile({ catalog: CATALOG, sources: { erp_gl: gl, erp_ar_invoices: failed, erp_ar_receipts: gl }, rules: [exampleRule('ledger-vs-ar-subledger')] });
    expect(report.results[0]).toMatchObject({ status: 'error', periods: [] });
    expect(report.results[0]!.message!['en-US']).toMatch(/^Source "erp_ar_invoices" could not be read: .*500/);
    expect(report.problems[0]!.path).toBe('reconcile.ledger-vs-ar-subledger');
  });
});

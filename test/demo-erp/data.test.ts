import { createHash } from 'node:crypto';
import { evaluateCatalog, tableFromRows, type Evaluation, type ObservationRow } from '../../src/core/engine';
import { KPI_LIBRARY } from '../../src/core/kpi';
import { daysFromCivil } from '../../src/core/periods';
import { DATASET_SPECS, DATASETS, PLANTED, type DatasetName } from '../../src/demo-erp';
import { allRows, cents, startTestErp, sumCents, type Row, type TestErp } from './harness';

/** A hash of every byte every list route serves for every dataset. */
async function fingerprint(t: TestErp): Promise<string> {
  const hash = createHash('sha256');
  for (const name of DATASETS) {
    for (let page = 1; ; page += 1) {
      const text = await (await t.get(`/api/page/${name}?pageSize=5000&page=${page}`)).text();
      hash.update(text);
      if ((JSON.parse(text) as { data: { totalPages: number } }).data.totalPages <= page) break;
    }
  }
  return hash.digest('hex');
}

const twoDecimals = (v: number): boolean => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

const dayOf = (iso: string): number => {
  const [y, m, d = 1] = iso.split('-').map(Number) as [number, number, number?];
  return daysFromCivil(y, m, d);
};

describe('demo ERP: the data', () => {
  let t: TestErp;
  const rows = {} as Record<DatasetName, Row[]>;
  beforeAll(async () => {
    t = await startTestErp();
    for (const name of DATASETS) rows[name] = await allRows(t, name);
  });
  afterAll(() => t.close());

  it('is the manufacturing group of the contract: 3 entities, 8 departments, 36 months, 60,000 journal lines', () => {
    expect(rows.entities.map((e) => e['id'])).toEqual(['FP-SH', 'FP-SZ', 'FP-CD']);
    expect(rows.departments).toHaveLength(8);
    expect(rows.gl).toHaveLength(60_000);
    const months = new Set(rows.gl.map((r) => String(r['postingDate']).slice(0, 7)));
    expect(months.size).toBe(36);
    expect([...months].sort()[0]).toBe('2024-01');
    expect([...months].sort().at(-1)).toBe('2026-12');
    for (const name of ['products', 'customers', 'suppliers', 'ar-invoices', 'ar-receipts', 'ap-bills', 'ap-payments', 'inventory', 'cash', 'budget'] as const) {
      expect(rows[name].length).toBeGreaterThan(10);
    }
  });

  it('serves every dataset with the fields of its spec, in order', () => {
    for (const name of DATASETS) {
      const fields = DATASET_SPECS[name].fields.map((f) => f.name);
      const bad = rows[name].filter((r) => Object.keys(r).join() !== fields.join());
      expect({ name, bad: bad.length }).toEqual({ name, bad: 0 });
    }
  });

  it('books balanced entries with cent-exact amounts on the chart of the KPI library', () => {
    const accounts = new Set(rows.accounts.map((a) => a['id']));
    const byEntry = new Map<string, bigint>();
    const problems: string[] = [];
    for (const r of rows.gl) {
      byEntry.set(r['entryId'] as string, (byEntry.get(r['entryId'] as string) ?? 0n) + cents(r['amount']));
      if (!accounts.has(r['account'])) problems.push(`${String(r['id'])}: account ${String(r['account'])}`);
      if (!twoDecimals(Number(r['amount']))) problems.push(`${String(r['id'])}: ${String(r['amount'])} has more than two decimals`);
      if (cents(r['amount']) !== cents(r['debit']) - cents(r['credit'])) problems.push(`${String(r['id'])}: amount ≠ debit − credit`);
    }
    expect(problems).toEqual([]);
    expect([...byEntry.values()].filter((c) => c !== 0n)).toEqual([]);
  });

  it('reconciles the sub-ledgers to the journal', () => {
    const gl = (account: string, pick: (r: Row) => boolean = () => true): bigint => sumCents(rows.gl.filter((r) => r['account'] === account && pick(r)));
    // Every bank line is a bank transaction; every 1403/1405 line an inventory movement.
    expect(sumCents(rows.cash)).toBe(gl('1002'));
    expect(rows.cash).toHaveLength(rows.gl.filter((r) => r['account'] === '1002').length);
    expect(sumCents(rows.inventory)).toBe(gl('1403') + gl('1405'));
    // Receivables: invoices raise them, receipts settle them (the opening entries, the only ones with paid-in capital, aside).
    const opening = new Set(rows.gl.filter((r) => r['account'] === '4001').map((r) => r['entryId']));
    const receivable = rows.gl.filter((r) => r['account'] === '1122' && !opening.has(r['entryId']));
    expect(sumCents(rows['ar-invoices'])).toBe(sumCents(receivable.filter((r) => cents(r['amount']) > 0n)));
    expect(sumCents(rows['ar-receipts'])).toBe(-sumCents(receivable.filter((r) => cents(r['amount']) < 0n)));
    expect(sumCents(rows['ar-invoices'], 'netAmount')).toBe(-gl('6001'));
    // Payables: bills raise them, payments settle them.
    const payable = rows.gl.filter((r) => r['account'] === '2202' && !opening.has(r['entryId']));
    expect(sumCents(rows['ap-bills'])).toBe(-sumCents(payable.filter((r) => cents(r['amount']) < 0n)));
    expect(sumCents(rows['ap-payments'])).toBe(sumCents(payable.filter((r) => cents(r['amount']) > 0n)));
    const invoiceIds = new Set(rows['ar-invoices'].map((r) => r['id']));
    expect(rows['ar-receipts'].filter((r) => r['invoiceId'] !== null && !invoiceIds.has(r['invoiceId']))).toEqual([]);
  });

  it('keeps the banks in credit and the books profitable, with seasonality and growth', () => {
    for (const entity of ['FP-SH', 'FP-SZ', 'FP-CD']) {
      const bank = new Map<string, bigint>();
      for (const r of rows.cash.filter((c) => c['entity'] === entity)) {
        const month = String(r['valueDate']).slice(0, 7);
        bank.set(month, (bank.get(month) ?? 0n) + cents(r['amount']));
      }
      let balance = 0n;
      for (const month of [...bank.keys()].sort()) {
        balance += bank.get(month)!;
        expect({ entity, month, negative: balance < 0n }).toEqual({ entity, month, negative: false });
      }
    }
    const revenue = (month: string): bigint => -sumCents(rows.gl.filter((r) => r['account'] === '6001' && String(r['postingDate']).startsWith(month)));
    expect(revenue('2025-02')).toBeLessThan(revenue('2025-01'));
    expect(revenue('2025-12')).toBeGreaterThan(revenue('2025-11'));
    const year = (y: string): bigint => [...Array(12).keys()].reduce((s, m) => s + revenue(`${y}-${String(m + 1).padStart(2, '0')}`), 0n);
    expect(year('2026')).toBeGreaterThan(year('2025'));
    expect(year('2025')).toBeGreaterThan(year('2024'));
    const profit = -sumCents(rows.gl.filter((r) => String(r['account']).startsWith('6')));
    expect(profit).toBeGreaterThan(0n);
  });

  describe('planted anomalies, seen by the standard KPI library on the served data', () => {
    let month: (breakdown: string, metric: string) => Evaluation;
    beforeAll(() => {
      const obs = (list: readonly Row[], date: string): ObservationRow[] =>
        list.map((r) => {
          const text: Record<string, string> = {};
          for (const k of ['account', 'entity', 'department', 'product', 'cashflow']) if (typeof r[k] === 'string') text[k] = r[k];
          return { day: dayOf(String(r[date])), measures: { amount: Number(cents(r['amount'])) }, text };
        });
      const sources = { ledger: tableFromRows(obs(rows.gl, 'postingDate'), 2), budget: tableFromRows(obs(rows.budget, 'period'), 2) };
      month = (breakdown, metric) => evaluateCatalog({ catalog: KPI_LIBRARY, sources, grain: 'month', metrics: [metric], breakdown });
    });

    /** The planted month stands out against the same month a year before, more than any other month. */
    it.each(PLANTED.map((p) => [p.id, p] as const))('%s', (_, p) => {
      const breakdown = p.department !== null && p.metric !== 'gross_margin' ? 'department' : 'entity';
      const member = breakdown === 'department' ? p.department! : p.entity;
      const value = new Map(month(breakdown, p.metric).values.filter((v) => v.metricId === p.metric && v.member === member && v.value !== null).map((v) => [v.period as string, v.value!]));
      const yearBefore = (period: string): string => `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
      const yoy = [...value].filter(([period]) => value.has(yearBefore(period))).map(([period, v]) => ({ period, change: v / value.get(yearBefore(period))! - 1 }));
      const worst = yoy.reduce((a, b) => (Math.abs(b.change) > Math.abs(a.change) ? b : a));
      const planted = yoy.find((c) => c.period === p.period)!;
      const direction = p.id === 'revenue-drop' || p.id === 'inventory-write-down' ? -1 : 1;
      expect(Math.sign(planted.change)).toBe(direction);
      expect(Math.abs(planted.change)).toBeGreaterThan(0.08);
      if (p.id === 'receivables-build-up') {
        // DSO jumps in the planted month and keeps climbing for a few months as the late invoices pile up.
        expect(worst.period >= p.period && worst.period <= '2026-02').toBe(true);
      } else {
        expect(worst.period).toBe(p.period);
      }
    });
  });

  it('is deterministic: the same seed serves the same bytes, another seed other data', async () => {
    const again = await startTestErp();
    const other = await startTestErp({ seed: 12_345 });
    try {
      const [a, b, c] = await Promise.all([fingerprint(t), fingerprint(again), fingerprint(other)]);
      expect(b).toBe(a);
      expect(c).not.toBe(a);
    } finally {
      await again.close();
      await other.close();
    }
  });
});

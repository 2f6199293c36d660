/**
 * Money reconciles to the cent: engine totals over a 1,000,000-row ledger equal a BigInt decimal
 * reference computed independently here, and sums far beyond 2^53 cents stay exact.
 */
import { evaluateCatalog, tableFromRows } from '../src/core/engine';
import { benchCatalog, buildLedger, ACCOUNTS } from '../bench/ledger-fixture';
import { formatMinor } from '../src/core/money';
import { makeCatalog, makeMetric } from '../src/core/testing/factories';

describe('exact money on a million rows', () => {
  const ledger = buildLedger(1_000_000, 7);
  const catalog = benchCatalog();
  const ev = evaluateCatalog({ catalog, sources: { ledger: ledger.table }, grain: 'month', metrics: catalog.metrics.filter((m) => m.id.startsWith('grp_')).map((m) => m.id) });

  it('every account-group × month total equals the BigInt reference', () => {
    const reference = new Map<string, bigint>();
    const amounts = ledger.table.measures['amount']!;
    for (let r = 0; r < ledger.table.rows; r += 1) {
      const group = Math.floor(ACCOUNTS.indexOf(ledger.account[r]!) / 10);
      const m = ledger.month[r]!;
      const key = `grp_${group}|${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      reference.set(key, (reference.get(key) ?? 0n) + BigInt(amounts[r]!));
    }
    const sign = (id: string): bigint => (Number(id.slice(4)) % 2 ? 1n : -1n);
    let compared = 0;
    for (const v of ev.values) {
      const expected = formatMinor((reference.get(`${v.metricId}|${v.period}`) ?? 0n) * sign(v.metricId), 2);
      expect(v.exact).toBe(expected);
      compared += 1;
    }
    expect(compared).toBe(10 * 36);
  });
});

describe('sums beyond 2^53 cents', () => {
  it('stay exact thanks to the carried limb', () => {
    const big = 2 ** 50 + 12345; // ≈ 11 trillion in cents per row
    const rows = Array.from({ length: 5000 }, (_, i) => ({ day: 20000 + (i % 28), measures: { amount: i % 3 === 0 ? -big + i : big - i }, text: { account: '1002' } }));
    let reference = 0n;
    for (const r of rows) reference += BigInt(r.measures.amount);
    const ev = evaluateCatalog({ catalog: makeCatalog([makeMetric({ id: 'cash', aggregation: 'closing' })]), sources: { ledger: tableFromRows(rows) }, grain: 'month' });
    expect(reference > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(ev.values.at(-1)!.exact).toBe(formatMinor(reference, 2));
  });
});

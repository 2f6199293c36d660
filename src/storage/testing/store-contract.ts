import { metricId, periodKey } from '../../core/brand';
import type { MetricStore, ValueRecord } from '../types';

const GM = metricId('gross_margin');
const REV = metricId('revenue');

/** Factory for history records; every field can be overridden. */
export function makeValue(overrides: Partial<ValueRecord> = {}): ValueRecord {
  return {
    metricId: GM,
    period: periodKey('2026-01'),
    value: 0.42,
    fingerprint: 'fp-1',
    computedAt: '2026-02-01T08:00:00.000Z',
    ...overrides,
  };
}

/**
 * Behaviour every MetricStore must show. Each implementation's test file calls this with a
 * factory that returns a fresh, empty store.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<MetricStore>): void {
  describe(`MetricStore contract: ${name}`, () => {
    let store: MetricStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await store.close();
    });

    describe('values', () => {
      it('returns history ordered by period then computedAt, whatever the save order', async () => {
        const feb = makeValue({ period: periodKey('2026-02'), computedAt: '2026-03-01T00:00:00.000Z' });
        const janLate = makeValue({ value: 0.5, fingerprint: 'fp-2', computedAt: '2026-02-05T00:00:00.000Z' });
        const janEarly = makeValue();
        expect(await store.saveValues([feb, janLate])).toBe(2);
        expect(await store.saveValues([janEarly])).toBe(1);

        expect(await store.history(GM)).toStrictEqual([janEarly, janLate, feb]);
      });

      it('keeps metrics apart and gives [] for an unknown metric', async () => {
        await store.saveValues([makeValue(), makeValue({ metricId: REV, value: 1000 })]);
        expect(await store.history(REV)).toStrictEqual([makeValue({ metricId: REV, value: 1000 })]);
        expect(await store.history(metricId('nope'))).toStrictEqual([]);
      });

      it('skips a record identical in value, error and fingerprint to the latest, ignoring computedAt', async () => {
        expect(await store.saveValues([makeValue()])).toBe(1);
        expect(await store.saveValues([makeValue({ computedAt: '2026-02-02T00:00:00.000Z' })])).toBe(0);
        expect(await store.history(GM)).toHaveLength(1);
      });

      it('stores a record that differs from the latest in value, error or fingerprint', async () => {
        await store.saveValues([makeValue()]);
        expect(await store.saveValues([makeValue({ value: 0.43, computedAt: '2026-02-02T00:00:00.000Z' })])).toBe(1);
        expect(await store.saveValues([makeValue({ value: 0.43, fingerprint: 'fp-2', computedAt: '2026-02-03T00:00:00.000Z' })])).toBe(1);
        const failed = makeValue({ value: null, error: 'DIV0', fingerprint: 'fp-2', computedAt: '2026-02-04T00:00:00.000Z' });
        expect(await store.saveValues([failed])).toBe(1);
        const otherError = { ...failed, error: 'MISSING', computedAt: '2026-02-05T00:00:00.000Z' };
        expect(await store.saveValues([otherError])).toBe(1);
        expect(await store.history(GM)).toHaveLength(5);
      });

      it('compares with the latest only, so a value that returns is a new version', async () => {
        const a = makeValue();
        const b = makeValue({ value: 0.1, fingerprint: 'fp-2', computedAt: '2026-02-02T00:00:00.000Z' });
        const aAgain = makeValue({ computedAt: '2026-02-03T00:00:00.000Z' });
        expect(await store.saveValues([a, b, aAgain])).toBe(3);
        expect(await store.latest(GM, periodKey('2026-01'))).toStrictEqual(aAgain);
      });

      it('dedups within one batch and across periods independently', async () => {
        const jan = makeValue();
        const feb = makeValue({ period: periodKey('2026-02') });
        expect(await store.saveValues([jan, jan, feb, { ...feb, computedAt: '2026-02-09T00:00:00.000Z' }])).toBe(2);
      });

      it('stores a concurrent identical save only once', async () => {
        const counts = await Promise.all(Array.from({ length: 10 }, () => store.saveValues([makeValue()])));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
        expect(await store.history(GM)).toHaveLength(1);
      });

      it('returns 0 for an empty batch', async () => {
        expect(await store.saveValues([])).toBe(0);
      });

      it('rejects a non-finite value and stores nothing of that batch', async () => {
        await expect(store.saveValues([makeValue(), makeValue({ period: periodKey('2026-02'), value: Number.NaN })])).rejects.toThrow();
        expect(await store.history(GM)).toStrictEqual([]);
      });

      it('gives the latest by computedAt, the later save on a tie, undefined when absent', async () => {
        const newer = makeValue({ value: 2, computedAt: '2026-02-09T00:00:00.000Z' });
        const older = makeValue({ value: 1, computedAt: '2026-02-01T00:00:00.000Z' });
        await store.saveValues([newer, older]);
        expect(await store.latest(GM, periodKey('2026-01'))).toStrictEqual(newer);

        const tie = makeValue({ value: 3, computedAt: newer.computedAt });
        await store.saveValues([tie]);
        expect(await store.latest(GM, periodKey('2026-01'))).toStrictEqual(tie);

        expect(await store.latest(GM, periodKey('2026-02'))).toBeUndefined();
        expect(await store.latest(REV, periodKey('2026-01'))).toBeUndefined();
      });

      it('filters history by inclusive from/to compared as period key strings', async () => {
        const periods = ['2025-12', '2026-01', '2026-02', '2026-03'].map(periodKey);
        await store.saveValues(periods.map((period) => makeValue({ period })));
        const got = async (from?: string, to?: string) =>
          (
            await store.history(GM, {
              ...(from === undefined ? {} : { from: periodKey(from) }),
              ...(to === undefined ? {} : { to: periodKey(to) }),
            })
          ).map((r) => r.period);

        expect(await got('2026-01', '2026-02')).toStrictEqual(['2026-01', '2026-02']);
        expect(await got('2026-02')).toStrictEqual(['2026-02', '2026-03']);
        expect(await got(undefined, '2026-01')).toStrictEqual(['2025-12', '2026-01']);
        expect(await got('2026-01-15', '2026-02-15')).toStrictEqual(['2026-02']); // text order, not calendar
        expect(await got('2026-03', '2026-01')).toStrictEqual([]);
      });

      it('returns exactly the record fields: nothing added, an absent error stays absent', async () => {
        const withExtra = { ...makeValue(), rowId: 7 } as ValueRecord;
        await store.saveValues([withExtra]);
        const [stored] = await store.history(GM);
        expect(stored).toStrictEqual(makeValue());
        expect(stored !== undefined && 'error' in stored).toBe(false);
      });

      it('hands out copies: mutating inputs or results does not change stored data', async () => {
        const input = makeValue();
        await store.saveValues([input]);
        input.value = 99;

        const [fromHistory] = await store.history(GM);
        if (fromHistory) fromHistory.value = 98;
        const fromLatest = await store.latest(GM, periodKey('2026-01'));
        if (fromLatest) fromLatest.fingerprint = 'tampered';

        expect(await store.history(GM)).toStrictEqual([makeValue()]);
        expect(await store.latest(GM, periodKey('2026-01'))).toStrictEqual(makeValue());
      });
    });

    describe('audit', () => {
      const entry = (target: string, actor = 'alice', at?: string) => ({
        actor,
        action: 'metric.update',
        target,
        ...(at === undefined ? {} : { at }),
      });

      it('assigns increasing seqs and defaults `at` to now as ISO-8601', async () => {
        const before = new Date().toISOString();
        const first = await store.appendAudit(entry('gross_margin'));
        const after = new Date().toISOString();
        const second = await store.appendAudit(entry('revenue', 'bob', '2026-01-01T00:00:00.000Z'));

        expect(second.seq).toBeGreaterThan(first.seq);
        expect(first.at >= before && first.at <= after).toBe(true);
        expect(new Date(first.at).toISOString()).toBe(first.at);
        expect(second.at).toBe('2026-01-01T00:00:00.000Z');
        expect(await store.audit()).toStrictEqual([first, second]);
      });

      it('keeps old, new and note as given (JSON values)', async () => {
        const saved = await store.appendAudit({
          ...entry('gross_margin'),
          old: { formula: 'a/b', thresholds: [1, 2] },
          new: { formula: 'a/c', thresholds: null },
          note: 'reviewed by C. Li',
        });
        expect(saved).toMatchObject({ old: { formula: 'a/b', thresholds: [1, 2] }, new: { formula: 'a/c', thresholds: null }, note: 'reviewed by C. Li' });
        expect(await store.audit()).toStrictEqual([saved]);
      });

      it('filters by target, actor and since (inclusive), combined with AND, in seq order', async () => {
        const a = await store.appendAudit(entry('gm', 'alice', '2026-01-03T00:00:00.000Z'));
        const b = await store.appendAudit(entry('rev', 'bob', '2026-01-01T00:00:00.000Z'));
        const c = await store.appendAudit(entry('gm', 'bob', '2026-01-05T00:00:00.000Z'));
        const d = await store.appendAudit(entry('gm', 'alice', '2026-01-02T00:00:00.000Z'));

        expect(await store.audit({ target: 'gm' })).toStrictEqual([a, c, d]);
        expect(await store.audit({ actor: 'bob' })).toStrictEqual([b, c]);
        // `at` was supplied out of order: results still follow seq.
        expect(await store.audit({ since: '2026-01-02T00:00:00.000Z' })).toStrictEqual([a, c, d]);
        expect(await store.audit({ target: 'gm', actor: 'alice' })).toStrictEqual([a, d]);
        expect(await store.audit({ target: 'gm', since: '2026-01-03T00:00:00.000Z' })).toStrictEqual([a, c]);
        expect(await store.audit({ actor: 'bob', since: '2026-01-05T00:00:00.000Z' })).toStrictEqual([c]);
        expect(await store.audit({ target: 'none' })).toStrictEqual([]);
      });

      it('applies limit after filtering, keeping the first entries', async () => {
        const saved = [];
        for (let i = 0; i < 5; i += 1) saved.push(await store.appendAudit(entry(i % 2 === 0 ? 'gm' : 'rev')));
        expect(await store.audit({ limit: 2 })).toStrictEqual(saved.slice(0, 2));
        expect(await store.audit({ target: 'gm', limit: 2 })).toStrictEqual([saved[0], saved[2]]);
        expect(await store.audit({ since: '1970-01-01T00:00:00.000Z', limit: 3 })).toStrictEqual(saved.slice(0, 3));
        expect(await store.audit({ limit: 0 })).toStrictEqual([]);
        expect(await store.audit({ limit: 50 })).toStrictEqual(saved);
      });

      it('is append-only: mutating inputs or returned entries does not change the trail', async () => {
        const old = { formula: 'a/b' };
        const input = { ...entry('gm'), old };
        const returned = await store.appendAudit(input);
        const snapshot = structuredClone(returned);

        old.formula = 'changed by caller';
        input.target = 'changed by caller';
        returned.actor = 'mallory';
        (returned.old as { formula: string }).formula = 'changed via result';
        const [listed] = await store.audit();
        if (listed) {
          listed.note = 'forged';
          (listed.old as { formula: string }).formula = 'changed via listing';
        }

        expect(await store.audit()).toStrictEqual([snapshot]);
        expect(snapshot.old).toStrictEqual({ formula: 'a/b' });
      });

      it('gives 50 parallel appends 50 distinct, increasing seqs', async () => {
        const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.appendAudit(entry(`t${i}`))));
        const seqs = results.map((r) => r.seq);
        expect(new Set(seqs).size).toBe(50);

        const listed = await store.audit();
        expect(listed).toHaveLength(50);
        const listedSeqs = listed.map((e) => e.seq);
        expect(listedSeqs).toStrictEqual([...listedSeqs].sort((x, y) => x - y));
        expect(new Set(listedSeqs).size).toBe(50);
        // Calls were issued in order t0..t49; the trail records them in that order.
        expect(listed.map((e) => e.target)).toStrictEqual(results.map((r) => r.target));
      });
    });
  });
}

import { errorOf } from './testing/error-of';
import { RecordMapper } from './mapping';
import { applyChanges, mergePages, nextWatermark } from './sync';
import type { SourceFields } from './shape';

const at = { page: 3, base: '$.data.items' };
const glFields: SourceFields = {
  date: 'postingDate',
  amount: 'amount',
  account: 'account',
  dimensions: { department: 'department', supplier: 'supplier' },
  key: 'id',
  modified: 'modifiedAt',
  deleted: 'deleted',
};
const line = (over: Record<string, unknown> = {}) => ({
  id: 'JL-1', postingDate: '2026-01-03', account: '6001', department: 'East-1', supplier: null, amount: -12000.5, modifiedAt: '2026-01-05T08:00:00.000Z', ...over,
});

describe('record mapping', () => {
  it('maps a record to an observation with exact minor units and its key', () => {
    const m = new RecordMapper('gl', glFields, 2);
    const page = m.mapPage([line(), line({ id: 'JL-2', amount: 0.1 + 0.2, account: 6401, modifiedAt: '2026-01-06T00:00:00.000Z' })], at);
    expect(page.rows).toEqual([
      { day: 20456, measures: { amount: -1200050 }, text: { account: '6001', department: 'East-1', supplier: '' }, key: 'JL-1' },
      { day: 20456, measures: { amount: 30 }, text: { account: '6401', department: 'East-1', supplier: '' }, key: 'JL-2' },
    ]);
    expect(page.maxModified).toBe('2026-01-06T00:00:00.000Z');
  });

  it('flips signs, applies a power-of-ten factor and reads decimal text exactly', () => {
    const m = new RecordMapper('s', { date: 'd', amount: { path: 'v', type: 'decimal', sign: -1, factor: 1000 }, measures: { qty: { path: 'q', factor: 0.01 } } }, 2);
    const { rows } = m.mapPage([{ d: '2026-02', v: '(1,234.567)', q: 150 }, { d: '2026-02-10', v: 2.5, q: 1 }], at);
    expect(rows.map((r) => r.measures)).toEqual([{ amount: 123456700, qty: 150 }, { amount: -250000, qty: 1 }]);
    expect(rows[0]!.day).toBe(20485); // a month read as its first day
  });

  it('counts rounded amounts and locates the first', () => {
    const m = new RecordMapper('s', { date: 'd', amount: 'v' }, 2);
    const page = m.mapPage([{ d: '2026-01-01', v: 1.005 }, { d: '2026-01-01', v: 1 }, { d: '2026-01-01', v: 2.0049 }], at);
    expect(page.rows.map((r) => r.measures['amount'])).toEqual([101, 100, 200]);
    expect(page.rounded).toEqual({ count: 2, first: { location: '$.data.items[0].v', value: '1.005' } });
  });

  it('turns tombstones into deletions without needing date or amount', () => {
    const m = new RecordMapper('gl', glFields, 2);
    const page = m.mapPage([{ id: 'JL-9', deleted: true, modifiedAt: '2026-02-01T00:00:00.000Z' }, line()], at);
    expect(page.deleted).toEqual(['JL-9']);
    expect(page.rows).toHaveLength(1);
    expect(page.maxModified).toBe('2026-02-01T00:00:00.000Z');
  });

  it('reports a renamed field with the page, the record index, its location and what the record has', () => {
    const m = new RecordMapper('gl', glFields, 2);
    const records = [line(), line(), { ...line(), amount: undefined, amt: 5 }];
    const err = errorOf(() => m.mapPage(records, at));
    expect(err.code).toBe('source.driftMissing');
    expect(err.meta).toMatchObject({ source: 'gl', page: 3, index: 2, field: 'amount', role: 'amount', location: '$.data.items[2].amount' });
    expect(String(err.meta['present'])).toContain('amt');
    expect(err.messageIn('en-US')).toContain('page 3, record 2');
  });

  it('reports a retyped field as drift rather than coercing it silently', () => {
    const m = new RecordMapper('gl', glFields, 2);
    const err = errorOf(() => m.mapPage([line({ amount: '-12000.50' })], at));
    expect(err.code).toBe('source.driftType');
    expect(err.meta).toMatchObject({ field: 'amount', found: 'text', value: '"-12000.50"', expected: 'a number' });
    expect(errorOf(() => m.mapPage([line({ department: { code: 'E1' } })], at)).meta).toMatchObject({ field: 'department', found: 'object' });
    expect(errorOf(() => m.mapPage([line({ postingDate: 45000 })], at)).code).toBe('source.driftType');
    expect(errorOf(() => m.mapPage(['not a record'], at)).meta).toMatchObject({ found: 'text', index: 0 });
  });

  it('refuses values that are not dates or amounts instead of reading them as zero', () => {
    const m = new RecordMapper('s', { date: 'd', amount: { path: 'v', type: 'decimal' } }, 2);
    expect(errorOf(() => m.mapPage([{ d: '2026-13-01', v: 1 }], at)).meta).toMatchObject({ value: '2026-13-01', expected: 'date' });
    expect(errorOf(() => m.mapPage([{ d: '2026-01-01', v: 'n/a' }], at)).meta).toMatchObject({ value: 'n/a', expected: 'amount' });
  });

  it('lets an optional dimension be absent', () => {
    const m = new RecordMapper('s', { date: 'd', amount: 'v', dimensions: { project: { path: 'p', optional: true } } }, 2);
    expect(m.mapPage([{ d: '2026-01-01', v: 1 }], at).rows[0]!.text).toEqual({ project: '' });
  });
});

describe('incremental sync', () => {
  const row = (key: string, minor: number) => ({ key, day: 1, measures: { amount: minor }, text: {} });

  it('upserts changed rows in place, appends new ones and removes tombstoned keys', () => {
    const base = [row('a', 1), row('b', 2), row('c', 3)];
    const changes = mergePages([
      { rows: [row('b', 20), row('d', 4)], deleted: ['c'], maxModified: '2026-01-02T00:00:00Z', rounded: { count: 0 } },
      { rows: [row('e', 5)], deleted: ['zz'], maxModified: '2026-01-01T00:00:00Z', rounded: { count: 0 } },
    ]);
    expect(applyChanges(base, changes)).toEqual([row('a', 1), row('b', 20), row('d', 4), row('e', 5)]);
    expect(base).toEqual([row('a', 1), row('b', 2), row('c', 3)]); // the base is not touched
    expect(nextWatermark('2025-12-31T00:00:00Z', changes)).toBe('2026-01-02T00:00:00Z');
    expect(nextWatermark('2026-03-01T00:00:00Z', changes)).toBe('2026-03-01T00:00:00Z');
  });

  it('keeps the last version of a key seen twice in a full sync', () => {
    const changes = mergePages([{ rows: [row('a', 1), row('a', 2)], deleted: [], rounded: { count: 0 } }]);
    expect(applyChanges(undefined, changes)).toEqual([row('a', 2)]);
  });

  it('compares watermarks as instants across offsets', () => {
    const earlier = mergePages([{ rows: [], deleted: [], maxModified: '2026-01-01T08:00:00+08:00', rounded: { count: 0 } }]);
    expect(nextWatermark('2026-01-01T00:30:00Z', earlier)).toBe('2026-01-01T00:30:00Z');
  });
});

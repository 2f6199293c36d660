import { errorOf } from './testing/error-of';
import { compilePath, parseFieldPath, parseJsonPath, recordsAt, selectAll, valueAt } from './jsonpath';

const path = (text: string) => compilePath(text);

describe('JSONPath subset', () => {
  const doc = { data: { items: [{ id: 1 }, { id: 2 }], total: 2 }, '@odata.nextLink': 'next?page=2', value: [{ a: [10, 20] }] };

  it('selects by name, quoted name, index and wildcard', () => {
    expect(selectAll(doc, path('$.data.items[*]'))).toEqual([{ id: 1 }, { id: 2 }]);
    expect(selectAll(doc, path('$.data.items[*].id'))).toEqual([1, 2]);
    expect(valueAt(doc, path("$['@odata.nextLink']"))).toBe('next?page=2');
    expect(valueAt(doc, path('$["@odata.nextLink"]'))).toBe('next?page=2');
    expect(valueAt(doc, path('$.value[0].a[1]'))).toBe(20);
    expect(valueAt(doc, path('$.data.missing'))).toBeUndefined();
    expect(valueAt(doc, path('$'))).toBe(doc);
  });

  it('does not read inherited properties or index objects as arrays', () => {
    expect(valueAt({}, path('$.constructor'))).toBeUndefined();
    expect(valueAt({ a: { 0: 'x' } }, path('$.a[0]'))).toBeUndefined();
  });

  it('finds records at an array path, a wildcard path or the root', () => {
    expect(recordsAt(doc, path('$.data.items[*]'))).toEqual({ records: doc.data.items, base: '$.data.items' });
    expect(recordsAt({ records: [1] }, path('$.records'))).toEqual({ records: [1], base: '$.records' });
    expect(recordsAt([{ id: 1 }], path('$'))).toEqual({ records: [{ id: 1 }], base: '$' });
    expect(recordsAt(doc, path('$.value'))).toEqual({ records: doc.value, base: '$.value' });
  });

  it('says what is there when the records are missing or not a list', () => {
    expect(recordsAt({ error: 'x', detail: 1 }, path('$.data.items[*]'))).toEqual({ missing: ['error', 'detail'] });
    expect(recordsAt({ records: { a: 1 } }, path('$.records'))).toEqual({ notArray: 'object' });
    expect(recordsAt({ records: null }, path('$.records'))).toEqual({ notArray: 'null' });
  });

  it('reports a syntax error with its position', () => {
    expect(parseJsonPath('data.items')).toEqual({ error: 'a path starts with $', at: 0 });
    expect(parseJsonPath('$.data.')).toMatchObject({ at: 7 });
    expect(parseJsonPath('$.data[x]')).toMatchObject({ at: 6 });
    expect(errorOf(() => compilePath('$..a')).code).toBe('source.badPath');
  });

  it('reads field paths relative to the record', () => {
    const p = parseFieldPath('customer.code');
    expect('path' in p && valueAt({ customer: { code: 'C-1' } }, p.path)).toBe('C-1');
    const q = parseFieldPath("$['@odata.etag']");
    expect('path' in q && valueAt({ '@odata.etag': 'W/1' }, q.path)).toBe('W/1');
  });
});

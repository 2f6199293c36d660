import { startDemoErp, type DemoErp, type DemoErpOptions } from '../../src/demo-erp';

export type Json = Record<string, unknown>;
export type Row = Record<string, string | number | boolean | null>;

export const BEARER = { Authorization: 'Bearer demo-bearer-token' };
export const API_KEY = { 'X-API-Key': 'demo-api-key' };
export const basic = (user: string, password: string): Record<string, string> => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

/** A demo ERP on a free port plus helpers that speak HTTP to it, as any client would. */
export interface TestErp {
  erp: DemoErp;
  url: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  json<T = Json>(path: string, headers?: Record<string, string>): Promise<T>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestErp(options: DemoErpOptions = {}): Promise<TestErp> {
  const erp = await startDemoErp({ port: 0, ...options });
  const get = (path: string, headers: Record<string, string> = BEARER): Promise<Response> => fetch(`${erp.url}${path}`, { headers });
  return {
    erp,
    url: erp.url,
    get,
    json: async <T>(path: string, headers: Record<string, string> = BEARER): Promise<T> => {
      const res = await get(path, headers);
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    post: (path, body, headers = BEARER) =>
      fetch(`${erp.url}${path}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    close: () => erp.close(),
  };
}

/** Every row of a dataset (or a filtered selection of it) through the offset route, 5,000 at a time. */
export async function allRows(t: TestErp, dataset: string, query = ''): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await t.json<{ items: Row[]; total: number }>(`/api/offset/${dataset}?offset=${offset}&limit=5000${query}`);
    rows.push(...page.items);
    if (rows.length >= page.total || page.items.length === 0) return rows;
  }
}

export const cents = (v: unknown): bigint => {
  const text = typeof v === 'number' ? v.toFixed(2) : String(v);
  const [whole, frac = ''] = text.replace('-', '').split('.');
  const c = BigInt(whole!) * 100n + BigInt((frac + '00').slice(0, 2));
  return text.startsWith('-') ? -c : c;
};

export const sumCents = (rows: readonly Row[], field = 'amount'): bigint => rows.reduce((s, r) => s + cents(r[field]), 0n);

/** Ids served, checked to be a gap-free, duplicate-free copy of `expected` in the same order. */
export function expectSameIds(served: readonly Row[], expected: readonly Row[]): void {
  const ids = served.map((r) => r['id']);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expected.map((r) => r['id']));
}

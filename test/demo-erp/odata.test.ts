import { allRows, BEARER, cents, startTestErp, type Row, type TestErp } from './harness';

interface Page {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Row[];
}

const q = (query: string): string => query.replace(/ /g, '%20');

describe('demo ERP: OData v4', () => {
  let t: TestErp;
  let gl: Row[];
  beforeAll(async () => {
    t = await startTestErp({ journalLines: 22_000, seed: 3 });
    gl = await allRows(t, 'gl');
  });
  afterAll(() => t.close());

  /** Follows nextLinks to the end; returns the rows and how many pages it took. */
  async function pull(path: string, headers: Record<string, string> = BEARER): Promise<{ rows: Row[]; pages: Page[] }> {
    const pages: Page[] = [];
    let next: string | undefined = `${t.url}${path}`;
    while (next !== undefined && pages.length < 500) {
      const res = await fetch(next, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('odata-version')).toBe('4.0');
      const page = (await res.json()) as Page;
      pages.push(page);
      next = page['@odata.nextLink'];
    }
    return { rows: pages.flatMap((p) => p.value), pages };
  }

  const ids = (rows: readonly Row[], key: string): unknown[] => rows.map((r) => r[key]);

  it('publishes a service document and CSDL metadata with the aggregation annotation', async () => {
    const doc = await t.json<{ value: Array<{ name: string; kind: string; url: string }> }>('/odata/');
    const names = doc.value.map((s) => s.name);
    for (const set of ['JournalLines', 'ArInvoices', 'ArReceipts', 'ApBills', 'ApPayments', 'InventoryMovements', 'CashTransactions', 'Budgets', 'Accounts', 'Departments', 'Entities']) {
      expect(names).toContain(set);
    }
    const res = await t.get('/odata/$metadata');
    expect(res.headers.get('content-type')).toContain('application/xml');
    const xml = await res.text();
    expect(xml).toContain('<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">');
    expect(xml).toContain('<Annotation Term="Org.OData.Aggregation.V1.ApplySupported">');
    const journalLine = /<EntityType Name="JournalLine">([\s\S]*?)<\/EntityType>/.exec(xml)![1]!;
    expect(journalLine).toContain('<Property Name="PostingDate" Type="Edm.Date" Nullable="false"/>');
    expect(journalLine).toContain('<Property Name="PostingMonth" Type="Edm.String" Nullable="false"/>');
    expect(journalLine).toContain('<Property Name="Amount" Type="Edm.Decimal" Nullable="false" Precision="19" Scale="2"/>');
    expect(journalLine).toContain('<Property Name="ModifiedAt" Type="Edm.DateTimeOffset"');
    expect(journalLine).toContain('<Property Name="Department" Type="Edm.String" Nullable="true"/>');
  });

  it('serves every journal line through server-driven paging, with PascalCase properties and the count', async () => {
    const { rows, pages } = await pull('/odata/JournalLines?$count=true');
    expect(pages).toHaveLength(Math.ceil(gl.length / 1000));
    expect(pages.every((p) => p['@odata.count'] === gl.length)).toBe(true);
    expect(pages[0]!['@odata.context']).toBe(`${t.url}/odata/$metadata#JournalLines`);
    expect(ids(rows, 'Id')).toEqual(ids(gl, 'id'));
    const sample = gl[4321]!;
    expect(rows[4321]).toMatchObject({ Id: sample['id'], EntryId: sample['entryId'], PostingDate: sample['postingDate'], PostingMonth: String(sample['postingDate']).slice(0, 7), Amount: sample['amount'], Department: sample['department'], ModifiedAt: sample['modifiedAt'] });
  });

  it('honours Prefer: odata.maxpagesize and says so', async () => {
    const res = await fetch(`${t.url}/odata/Budgets`, { headers: { ...BEARER, Prefer: 'odata.maxpagesize=250' } });
    expect(res.headers.get('preference-applied')).toBe('odata.maxpagesize=250');
    const { rows, pages } = await pull('/odata/Budgets', { ...BEARER, Prefer: 'odata.maxpagesize=250' });
    expect(pages.map((p) => p.value.length)).toEqual([250, 250, 250, 6]);
    expect(new Set(ids(rows, 'Id')).size).toBe(756);
  });

  const FILTERS: Array<[string, (r: Row) => boolean]> = [
    ["PostingDate ge 2026-01-01 and PostingDate le 2026-03-31 and (Account eq '6001' or Account eq '6401')", (r) => String(r['postingDate']) >= '2026-01-01' && String(r['postingDate']) <= '2026-03-31' && (r['account'] === '6001' || r['account'] === '6401')],
    ["not (Department eq null) and startswith(Account,'66')", (r) => r['department'] !== null && String(r['account']).startsWith('66')],
    ["contains(AccountName,'expenses') and Amount gt 1000.5", (r) => String(r['accountName']).includes('expenses') && Number(r['amount']) > 1000.5],
    ["ModifiedAt gt 2025-06-01T08:00:00+08:00 and Entity ne 'FP-SH' and Cashflow eq 'financing'", (r) => String(r['modifiedAt']) > '2025-06-01T00:00:00.000Z' && r['entity'] !== 'FP-SH' && r['cashflow'] === 'financing'],
    ["year(PostingDate) eq 2025 and month(PostingDate) le 2 and endswith(Customer,'7')", (r) => String(r['postingDate']).startsWith('2025-0') && Number(String(r['postingDate']).slice(5, 7)) <= 2 && String(r['customer'] ?? '').endsWith('7')],
    ["PostingMonth eq '2024-07' and (Debit eq 0 or Credit lt 500) and not contains(tolower(AccountName), 'bank')", (r) => String(r['postingDate']).startsWith('2024-07') && (r['debit'] === 0 || Number(r['credit']) < 500) && !String(r['accountName']).toLowerCase().includes('bank')],
  ];

  it.each(FILTERS)('$filter=%s selects exactly the rows the REST data says', async (filter, expected) => {
    const { rows, pages } = await pull(`/odata/JournalLines?$count=true&$filter=${encodeURIComponent(filter)}`);
    const want = gl.filter(expected);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(gl.length);
    expect(pages[0]!['@odata.count']).toBe(want.length);
    expect(ids(rows, 'Id')).toEqual(ids(want, 'id'));
  });

  it('$select, $orderby, $skip and $top shape and order the result', async () => {
    const page = await t.json<Page>(q('/odata/JournalLines?$select=Id,Amount&$orderby=Amount desc,Id&$skip=3&$top=5'));
    const want = [...gl].sort((a, b) => Number(b['amount']) - Number(a['amount']) || (String(a['id']) < String(b['id']) ? -1 : 1)).slice(3, 8);
    expect(page.value).toEqual(want.map((r) => ({ Id: r['id'], Amount: r['amount'] })));
    expect(page['@odata.context']).toBe(`${t.url}/odata/$metadata#JournalLines(Id,Amount)`);
    expect(page['@odata.nextLink']).toBeUndefined();
  });

  it('pages a $top window with nextLinks that keep every option', async () => {
    const { rows, pages } = await pull(q('/odata/JournalLines?$top=2500&$skip=100&$select=Id&$orderby=Id desc'), { ...BEARER, Prefer: 'odata.maxpagesize=1000' });
    expect(pages.map((p) => p.value.length)).toEqual([1000, 1000, 500]);
    expect(pages[0]!['@odata.nextLink']).toContain('%24orderby=Id+desc');
    expect(ids(rows, 'Id')).toEqual(ids([...gl].reverse().slice(100, 2600), 'id'));
  });

  it('$apply groupby/aggregate sums to the cent what the rows add up to', async () => {
    const apply = 'filter(PostingDate ge 2025-01-01 and PostingDate le 2025-12-31)/groupby((Account,Department,PostingMonth),aggregate(Amount with sum as Amount,$count as Count))';
    const { rows } = await pull(`/odata/JournalLines?$apply=${encodeURIComponent(apply)}`);
    const want = new Map<string, { sum: bigint; n: number }>();
    for (const r of gl) {
      if (!String(r['postingDate']).startsWith('2025')) continue;
      const key = `${String(r['account'])}|${String(r['department'])}|${String(r['postingDate']).slice(0, 7)}`;
      const g = want.get(key) ?? { sum: 0n, n: 0 };
      g.sum += cents(r['amount']);
      g.n += 1;
      want.set(key, g);
    }
    expect(rows.length).toBe(want.size);
    for (const r of rows) {
      const g = want.get(`${String(r['Account'])}|${String(r['Department'])}|${String(r['PostingMonth'])}`);
      expect({ sum: cents(r['Amount']), n: r['Count'] }).toEqual({ sum: g!.sum, n: g!.n });
    }
    // Groups come out in key order, nulls first: '' and a NUL separator sort the same way.
    const keys = rows.map((r) => [r['Account'], r['Department'] ?? '', r['PostingMonth']].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
  });

  it('aggregates without groupby, counts distinct, and filters and orders what $apply produced', async () => {
    const total = await t.json<Page>(q('/odata/JournalLines?$apply=aggregate(Amount with sum as Net,Debit with sum as Debits,Customer with countdistinct as Customers,$count as Lines)'));
    expect(total.value).toEqual([{ Net: 0, Debits: Number(gl.reduce((s, r) => s + cents(r['debit']), 0n)) / 100, Customers: new Set(gl.map((r) => r['customer']).filter((c) => c !== null)).size, Lines: gl.length }]);
    const top = await t.json<Page>(q("/odata/JournalLines?$apply=groupby((Entity),aggregate(Amount with sum as Revenue))&$filter=Revenue lt 0&$orderby=Revenue&$count=true"));
    const revenue = (e: string): bigint => gl.filter((r) => r['entity'] === e).reduce((s, r) => s + cents(r['amount']), 0n);
    expect(top.value.map((r) => cents(r['Revenue']))).toEqual(['FP-SH', 'FP-SZ', 'FP-CD'].map(revenue).filter((c) => c < 0n).sort((a, b) => (a < b ? -1 : 1)));
    const filtered = await t.json<Page>(q("/odata/JournalLines?$apply=groupby((Account),aggregate(Amount with sum as Amount))&$filter=startswith(Account,'60')"));
    const byAccount = (a: string): bigint => gl.filter((r) => r['account'] === a).reduce((s, r) => s + cents(r['amount']), 0n);
    expect(filtered.value.map((r) => [r['Account'], cents(r['Amount'])])).toEqual([['6001', byAccount('6001')], ['6051', byAccount('6051')]]);
  });

  it('answers /$count as plain text, after $filter', async () => {
    const res = await t.get(`/odata/JournalLines/$count?$filter=${encodeURIComponent("Entity eq 'FP-CD'")}`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toBe(String(gl.filter((r) => r['entity'] === 'FP-CD').length));
  });

  const error = async (path: string): Promise<{ status: number; code: string; message: string; targets: string[] }> => {
    const res = await t.get(path);
    const body = (await res.json()) as { error: { code: string; message: string; details?: Array<{ target: string }> } };
    return { status: res.status, code: body.error.code, message: body.error.message, targets: (body.error.details ?? []).map((d) => d.target) };
  };

  it('explains a bad $filter with the position, in the OData error format', async () => {
    expect(await error(q("/odata/JournalLines?$filter=Amount gt and Account eq '6001'"))).toMatchObject({ status: 400, code: 'BadRequest', message: expect.stringContaining('Unexpected "and" at position 11') as string, targets: ['$filter'] });
    expect((await error(q("/odata/JournalLines?$filter=Account eq '6001"))).message).toContain('string starting at position 12 is not closed');
    expect((await error(q('/odata/JournalLines?$filter=Acount eq 1'))).message).toContain('Unknown property "Acount" at position 1; properties are: Id, EntryId');
    expect((await error(q('/odata/JournalLines?$filter=Account eq 6001'))).message).toContain("use a quoted string such as 'East-1'");
    expect((await error(q('/odata/JournalLines?$filter=PostingDate gt 2026-01-01T00:00:00Z'))).message).toContain('a date such as 2026-01-31');
    expect((await error(q('/odata/JournalLines?$filter=PostingDate gt 2026-02-30'))).message).toContain('not a valid date');
    expect((await error(q('/odata/JournalLines?$filter=Amount'))).message).toContain('must be a condition');
    expect((await error(q('/odata/JournalLines?$filter=Amount gt null'))).message).toContain('eq or ne');
  });

  it('lists every bad option at once', async () => {
    const e = await error(q('/odata/JournalLines?$top=-1&$skip=x&$count=yes&$orderby=Amount sideways&$foo=1'));
    expect(e.status).toBe(400);
    expect(e.targets.sort()).toEqual(['$count', '$foo', '$orderby', '$skip', '$top']);
    const props = await error(q("/odata/JournalLines?$select=Id,Nope&$filter=Nope eq 'x'&$orderby=Never"));
    expect(props.targets.sort()).toEqual(['$filter', '$orderby', '$select']);
  });

  it('answers 501 for valid OData it does not implement, 404 for unknown sets', async () => {
    expect(await error(q('/odata/JournalLines?$apply=topcount(5,Amount)'))).toMatchObject({ status: 501, code: 'NotImplemented' });
    expect(await error(q('/odata/JournalLines?$apply=groupby((Account),compute(Amount mul 2 as X))'))).toMatchObject({ status: 501 });
    expect(await error(q("/odata/JournalLines?$filter=substring(Account,1) eq '0'"))).toMatchObject({ status: 501 });
    expect(await error(q('/odata/JournalLines?$filter=Amount add 1 gt 0'))).toMatchObject({ status: 501 });
    expect(await error(q('/odata/JournalLines?$expand=Entity'))).toMatchObject({ status: 501 });
    expect(await error(q("/odata/JournalLines('JL-0000001')"))).toMatchObject({ status: 501 });
    expect(await error(q('/odata/JournalLines?$apply=groupby((Account),aggregate(Amount with median as M))'))).toMatchObject({ status: 400 });
    expect(await error(q('/odata/JournalLines?$apply=groupby((Account),aggregate(Account with sum as S))'))).toMatchObject({ status: 400, message: expect.stringContaining('not a number') as string });
    const unknown = await error('/odata/Ledger');
    expect(unknown).toMatchObject({ status: 404, code: 'NotFound' });
    expect(unknown.message).toContain('JournalLines');
  });

  it('serves the other entity sets from the same data as REST', async () => {
    const invoices = await allRows(t, 'ar-invoices');
    const { rows } = await pull(q("/odata/ArInvoices?$filter=InvoiceMonth eq '2025-05' and Customer eq 'C-0001'&$select=Id,Amount,NetAmount,VatAmount"));
    const want = invoices.filter((r) => String(r['invoiceDate']).startsWith('2025-05') && r['customer'] === 'C-0001');
    expect(want.length).toBeGreaterThan(0);
    expect(rows).toEqual(want.map((r) => ({ Id: r['id'], Amount: r['amount'], NetAmount: r['netAmount'], VatAmount: r['vatAmount'] })));
    const accounts = await t.json<Page>(q("/odata/Accounts?$filter=startswith(Id,'6')&$select=Id,Name"));
    expect(accounts.value.length).toBeGreaterThan(5);
    expect(accounts.value[0]).toEqual({ Id: '6001', Name: 'Main operating revenue' });
  });
});

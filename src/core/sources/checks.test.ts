import { parseSource, sourcesShape, validateSource } from './checks';
import type { Problem } from '../errors';

const rest = (over: Record<string, unknown> = {}) => ({
  id: 'erp_gl',
  kind: 'rest',
  auth: { type: 'bearer', secret: 'ERP_TOKEN' },
  request: { url: 'https://erp.example.com/api/page/gl', query: { from: '{from}', modifiedSince: '{since}' } },
  paging: { style: 'page', size: 1000, totalPagesPath: '$.data.totalPages' },
  records: '$.data.items[*]',
  fields: { date: 'postingDate', amount: 'amount', account: 'account', dimensions: { department: 'department' }, key: 'id', modified: 'modifiedAt', deleted: 'deleted' },
  ...over,
});
const paths = (problems: Problem[]) => problems.map((p) => `${p.path} ${p.code}`);

describe('source definitions', () => {
  it('accepts a complete REST definition and an OData one', () => {
    expect(validateSource(rest())).toEqual({ source: rest(), problems: [] });
    const odata = {
      id: 'erp_odata', kind: 'odata', service: 'https://erp.example.com/odata', entitySet: 'JournalLines',
      auth: { type: 'oauth2', tokenUrl: 'https://erp.example.com/oauth/token', clientId: 'finpulse', secret: 'ERP_CLIENT_SECRET' },
      filter: [{ field: 'PostingDate', op: 'ge', value: '{from}' }],
      fields: { date: 'PostingDate', amount: 'Amount', account: 'Account' },
      pushdown: { monthField: 'PostingMonth' },
    };
    expect(validateSource(odata).problems).toEqual([]);
  });

  it('lists every structural problem with its path', () => {
    const { source, problems } = validateSource(rest({ id: 'GL!', auth: { type: 'oauth3' }, paging: { style: 'cursor' }, fields: { date: 'd' }, extra: 1 }));
    expect(source).toBeUndefined();
    expect(paths(problems)).toEqual(expect.arrayContaining([
      '$.id catalog.pattern', '$.auth.type catalog.enum', '$.paging catalog.required', '$.fields catalog.required', '$.extra catalog.unknownField',
    ]));
  });

  it('finds problems of meaning: placeholders, paths, URLs, field options, sync needs', () => {
    const { problems } = validateSource(rest({
      request: { url: 'erp/api/{month}/gl', query: { modifiedSince: '{since}' } },
      records: 'data.items',
      fields: { date: { path: 'postingDate', sign: -1 }, amount: { path: 'amount', factor: 3, type: 'text' }, dimensions: { account: 'account', dept: 'a[*]' } },
    }));
    expect(paths(problems)).toEqual(expect.arrayContaining([
      '$.request.url source.badUrl',
      '$.request.url source.unknownPlaceholder',
      '$.records source.badPath',
      '$.fields.date.sign source.fieldOption',
      '$.fields.amount.factor source.badFactor',
      '$.fields.amount.type catalog.enum',
      '$.fields.dimensions.account source.reservedDimension',
      '$.fields.dimensions.dept source.badPath',
      '$.fields source.incrementalNeeds',
    ]));
  });

  it('refuses credentials written into headers or the query', () => {
    const { problems } = validateSource(rest({ request: { url: 'https://erp/api', headers: { Authorization: 'Bearer abc' }, query: { api_key: 'k' } } }));
    expect(paths(problems)).toEqual(expect.arrayContaining(['$.request.headers.Authorization source.credentialInDefinition', '$.request.query.api_key source.credentialInDefinition']));
    expect(paths(validateSource(rest({ auth: { type: 'bearer', secret: 'demo-bearer-token!' } })).problems)).toEqual(['$.auth.secret catalog.pattern']);
  });

  it('warns when key and modified are mapped but nothing asks with {since}', () => {
    const { source, problems } = validateSource(rest({ request: { url: 'https://erp/api' } }));
    expect(source).toBeDefined();
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['source.noSinceParam', 'warning']]);
  });

  it('needs a POST with a body template for paging parameters in the body', () => {
    expect(paths(validateSource(rest({ paging: { style: 'page', in: 'body' } })).problems)).toEqual(['$.paging.in source.pagingInBody']);
  });

  it('names the line and column of a JSON syntax error', () => {
    const { problems } = parseSource('{\n  "id": "gl",\n  "kind": rest\n}');
    expect(problems[0]).toMatchObject({ code: 'source.definitionJson' });
    expect(problems[0]!.message['en-US']).toContain('line 3, column 11');
  });

  it('reports duplicate ids in a list of sources', () => {
    const out: Problem[] = [];
    expect(sourcesShape.check([rest(), rest()], '$.sources', out)).toBe(false);
    expect(paths(out)).toEqual(['$.sources[1].id source.duplicateId']);
  });
});

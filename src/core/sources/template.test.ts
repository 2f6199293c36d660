import { errorOf } from './testing/error-of';
import { bodyStrings, fillBody, fillPairs, fillTemplate, fillUrl, placeholdersIn } from './template';

describe('request templates', () => {
  const values = { from: '2026-01-01', to: '2026-03-31', period: '2026-Q1' };

  it('fills placeholders and keeps escaped braces literal', () => {
    expect(fillTemplate('{from}..{to}', values)).toBe('2026-01-01..2026-03-31');
    expect(fillTemplate('{{"a":1}} {period}', values)).toBe('{"a":1} 2026-Q1');
  });

  it('leaves out a query parameter whose placeholder has no value', () => {
    expect(fillPairs({ from: '{from}', modifiedSince: '{since}', fixed: 'x' }, values)).toEqual([['from', '2026-01-01'], ['fixed', 'x']]);
    expect(fillPairs({ modifiedSince: '{since}' }, { since: '2026-11-20T08:00:00Z' })).toEqual([['modifiedSince', '2026-11-20T08:00:00Z']]);
  });

  it('drops body fields without values and keeps other JSON types', () => {
    const body = { from: '{from}', modifiedSince: '{since}', pageSize: 500, nested: { list: ['{to}', '{since}'], flag: true } };
    expect(fillBody(body, values)).toEqual({ from: '2026-01-01', pageSize: 500, nested: { list: ['2026-03-31'], flag: true } });
    expect(bodyStrings(body, '$.body')).toEqual([['$.body.from', '{from}'], ['$.body.modifiedSince', '{since}'], ['$.body.nested.list[0]', '{to}'], ['$.body.nested.list[1]', '{since}']]);
  });

  it('encodes values in a URL path and refuses a URL missing one', () => {
    expect(fillUrl('https://erp/api/{period}/gl', { period: 'FY 2026/Q1' }, 's')).toBe('https://erp/api/FY%202026%2FQ1/gl');
    expect(errorOf(() => fillUrl('https://erp/api/{period}/gl', {}, 'gl'))).toMatchObject({ code: 'source.templateValue', meta: { names: '{period}', where: 'url' } });
  });

  it('lists used and unknown placeholders', () => {
    expect(placeholdersIn('{from} {since} {month} {{x}}')).toEqual({ used: ['from', 'since'], unknown: ['month'] });
  });
});

import { NEW_SOURCE, parseText, pretty, secretOf, textAt, urlPath, withTextAt } from './model';

describe('Sources editor model', () => {
  it('the new-source template is a valid definition', () => {
    expect(parseText(pretty(NEW_SOURCE)).problems).toEqual([]);
  });

  it('form edits patch the JSON at a path and keep every other field', () => {
    const edited = withTextAt(NEW_SOURCE, 'request.url', 'https://erp.acme.cn/api/gl');
    expect(textAt(edited, 'request.url')).toBe('https://erp.acme.cn/api/gl');
    expect(edited['request']).toEqual({ url: 'https://erp.acme.cn/api/gl', query: { from: '{from}', to: '{to}' } });
    expect(withTextAt({}, 'auth.secret', 'K')).toEqual({ auth: { secret: 'K' } });
    expect(secretOf(NEW_SOURCE)).toBe('ERP_TOKEN');
    expect(urlPath({ kind: 'odata' })).toBe('service');
  });

  it('broken JSON reports where; a valid object with bad fields keeps its value for the form', () => {
    const broken = parseText('{"id": "x",');
    expect(broken.value).toBeUndefined();
    expect(broken.problems[0]!.code).toBe('source.definitionJson');
    const bad = parseText(pretty({ ...NEW_SOURCE, id: 'Bad Id', scale: 9 }));
    expect(bad.value?.['id']).toBe('Bad Id');
    expect(bad.problems.map((p) => p.path).sort()).toEqual(['$.id', '$.scale']);
  });
});

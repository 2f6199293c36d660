import { nextFromLinkHeader, resolveUrl, withQuery } from './url';

describe('URLs', () => {
  it('sets query parameters, replacing ones already there', () => {
    expect(withQuery('http://h/api/link/gl?page=2&api_key=old&per_page=5', [['api_key', 'k&y'], ['x', 1]])).toBe('http://h/api/link/gl?page=2&per_page=5&api_key=k%26y&x=1');
    expect(withQuery('http://h/odata/JournalLines', [['$filter', "Account eq '6001'"]])).toBe("http://h/odata/JournalLines?$filter=Account%20eq%20'6001'");
  });

  it('resolves relative links against the page they came from', () => {
    expect(resolveUrl('http://h:1/odata/JournalLines?$top=5', 'JournalLines?$skiptoken=9')).toBe('http://h:1/odata/JournalLines?$skiptoken=9');
    expect(resolveUrl('http://h:1/odata/JournalLines', '/api/x')).toBe('http://h:1/api/x');
    expect(resolveUrl('http://h:1/a/b?q', '?page=2')).toBe('http://h:1/a/b?page=2');
    expect(resolveUrl('http://h:1/a', 'https://other/x')).toBe('https://other/x');
  });

  it('reads rel="next" from a Link header among other relations', () => {
    expect(nextFromLinkHeader('<http://h/p?page=3>; rel="next", <http://h/p?page=1>; rel="first"')).toBe('http://h/p?page=3');
    expect(nextFromLinkHeader('<http://h/p?page=1>; rel="prev first"')).toBeUndefined();
    expect(nextFromLinkHeader('<http://h/p?page=9>; rel=next')).toBe('http://h/p?page=9');
    expect(nextFromLinkHeader(null)).toBeUndefined();
  });
});

import { AppError } from '../../core/errors';
import { pathSegments } from './request';

describe('pathSegments', () => {
  it('decodes each segment of a clean path', () => {
    expect(pathSegments('/api/v1/catalogs/group/metrics/gross_margin?view=working')).toStrictEqual(['api', 'v1', 'catalogs', 'group', 'metrics', 'gross_margin']);
    expect(pathSegments('/api/v1/catalogs/')).toStrictEqual(['api', 'v1', 'catalogs']);
  });

  it.each([
    '/api/v1/catalogs/../users',
    '/api/v1/catalogs/./group',
    '/api/v1/catalogs/%2e%2e/users',
    '/api/v1/catalogs/a%2Fb',
    '/api/v1/catalogs/a%5Cb',
    '/api/v1/catalogs/a%00b',
    '/api/v1/catalogs/%zz',
    '/api/v1//catalogs',
    'api/v1/catalogs',
  ])('refuses %s', (path) => {
    expect(() => pathSegments(path)).toThrow(AppError);
    expect(() => pathSegments(path)).toThrow(/is refused/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kpiCatalogJson } from '../src/core/kpi';

describe('examples/', () => {
  it('catalog.json is the KPI library as published (run `npm run examples` after changing it)', () => {
    expect(readFileSync(join(__dirname, '../examples/catalog.json'), 'utf8')).toBe(kpiCatalogJson());
  });
});

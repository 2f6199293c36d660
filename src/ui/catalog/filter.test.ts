import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateCatalog } from '../../core/catalog';
import { filterChoices, filterMetrics, NO_FILTER } from './filter';

const catalog = validateCatalog(JSON.parse(readFileSync(resolve(__dirname, '../../../examples/catalog.json'), 'utf8'))).catalog!;
const ids = (f: Partial<typeof NO_FILTER>) => filterMetrics(catalog.metrics, { ...NO_FILTER, ...f }).map((m) => m.id);

describe('catalog search and filters', () => {
  it('finds metrics by Chinese name, English words, id and tag', () => {
    expect(ids({ text: '营业收入' })).toEqual(expect.arrayContaining(['revenue', 'budget_revenue']));
    expect(ids({ text: 'gross MARGIN' })).toContain('gross_margin');
    expect(ids({ text: 'gross MARGIN' })).not.toContain('revenue');
    expect(ids({ text: 'dso' })).toContain('dso');
    expect(ids({ text: 'top line' })).toContain('revenue');
    expect(ids({ text: 'no such metric' })).toEqual([]);
  });

  it('combines filters with the search text', () => {
    const budget = ids({ category: 'budget' });
    expect(budget).toEqual(expect.arrayContaining(['budget_revenue', 'budget_opex']));
    const opex = ids({ category: 'budget', text: 'opex' });
    expect(opex).toContain('budget_opex');
    expect(opex).not.toContain('budget_revenue');
    expect(opex.every((id) => budget.includes(id))).toBe(true);
    expect(ids({ tag: 'plan', owner: 'FP&A' })).toEqual(expect.arrayContaining(['budget_revenue']));
    expect(ids({ owner: 'nobody' })).toEqual([]);
  });

  it('offers every category and owner the catalog uses, once each', () => {
    const choices = filterChoices(catalog);
    expect(choices.category).toEqual(expect.arrayContaining(['budget', 'profitability']));
    expect(new Set(choices.owner).size).toBe(choices.owner.length);
    expect(choices.owner).toContain('FP&A');
  });
});

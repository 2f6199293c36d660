import type { Catalog, MetricDef } from '../../core/catalog';

export interface CatalogFilter {
  text: string;
  category: string;
  tag: string;
  owner: string;
  department: string;
}

export const NO_FILTER: CatalogFilter = { text: '', category: '', tag: '', owner: '', department: '' };

const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

/** Metrics matching every set filter; the text matches names in both languages, the id or a tag. */
export function filterMetrics(metrics: readonly MetricDef[], f: CatalogFilter): MetricDef[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return metrics.filter((m) => {
    if (f.category && m.category !== f.category) return false;
    if (f.tag && !(m.tags ?? []).includes(f.tag)) return false;
    if (f.owner && m.owner !== f.owner) return false;
    if (f.department && m.department !== f.department) return false;
    const haystack = fold([m.id, m.name['zh-CN'], m.name['en-US'], ...(m.tags ?? [])].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/** The values each filter offers, sorted, from the catalog itself. */
export function filterChoices(catalog: Catalog): Record<Exclude<keyof CatalogFilter, 'text'>, string[]> {
  const of = (pick: (m: MetricDef) => Array<string | undefined>): string[] =>
    [...new Set(catalog.metrics.flatMap(pick).filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
  return {
    category: of((m) => [m.category]),
    tag: of((m) => m.tags ?? []),
    owner: of((m) => [m.owner]),
    department: of((m) => [m.department]),
  };
}

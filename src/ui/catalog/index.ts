// The Catalog view: search, filters and each metric's definition and lineage.
export { CatalogView } from './CatalogView';
export { filterChoices, filterMetrics, NO_FILTER, type CatalogFilter } from './filter';

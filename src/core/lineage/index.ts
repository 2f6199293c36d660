// Lineage: what a metric is computed from (formula, inputs, accounts, source) and what depends on it.
export { lineageClosure, lineageOf, type Lineage, type LineageClosure } from './lineage';

export { DatasetStore, type RowQuery } from './dataset-store';
export { mutate, type MutateResult, type MutateSpec } from './mutate';

export {
  DATASETS,
  DATASET_SPECS,
  MASTER_DATASETS,
  TRANSACTION_DATASETS,
  isDatasetName,
  isTransactionDataset,
  type DatasetName,
  type DatasetSpec,
  type ErpRecord,
  type FieldSpec,
  type FieldType,
  type Scalar,
  type TransactionDataset,
} from './datasets';
export { generateDemoData, plantedAnomalies, type DemoData, type DemoDataOptions } from './generate';
export { ENTITIES, type EntityCode } from './master';
export type { PlantedAnomaly } from './planted';
export { createRng, type Rng } from './random';
export { minJournalLines } from './volumes';
export { ACCOUNT_NAME } from './finalize';

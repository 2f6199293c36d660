export { evaluateCatalog, type EvaluateOptions, type Evaluation, type MetricValue, type SourceFailure, type SourceInput } from './evaluate';
export { TableBuilder, concatTables, originOf, tableFromRows, type ObservationTable, type ObservationRow, type RowOrigin, type TextColumn } from './table';
export { MAX_ADDEND } from './exact';

export * from './contract';
export { MarkRegistry, type RegistryState, type StyleChange, type CellStyle } from './mark-registry';
export { assertNoCredentials, looksLikeFormula } from './guards';
export { findingRange } from './reveal';
export { readBoundSources, readWorkbookIndex, refreshWorkbook, writeResults, RESULTS_SHEET, type BoundSources, type RefreshOptions, type RefreshResult, type ResultsWrite } from './refresh';

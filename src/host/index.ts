export * from './contract';
export { MarkRegistry, type RegistryState, type StyleChange, type CellStyle } from './mark-registry';
export { assertNoCredentials, looksLikeFormula } from './guards';
export { refreshWorkbook, type RefreshOptions, type RefreshResult } from './refresh';

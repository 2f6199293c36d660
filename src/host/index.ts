export * from './contract';
export { MarkRegistry, type RegistryState, type StyleChange, type CellStyle } from './mark-registry';
export { assertNoCredentials, looksLikeFormula } from './guards';

// The Sources view: ERP source definitions, per-user credentials, test connection and preview.
export { SourcesView } from './SourcesView';
export { NEW_SOURCE, parseText } from './model';

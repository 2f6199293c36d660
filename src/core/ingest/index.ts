export { parseCsv } from './csv';
export { ingestGrid, type Cell, type GridRow, type IngestResult } from './grid';
export { mappingShape, DEFAULT_HEADERS, type Mapping } from './mapping';
export { ingestCsv } from './ingest-csv';

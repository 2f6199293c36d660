export { parseCsv } from './csv';
export { ingestGrid, locateColumns, cellText, isErrorCell, type Cell, type GridColumns, type GridOptions, type GridRow, type IngestResult } from './grid';
export { mappingShape, DEFAULT_HEADERS, type Mapping } from './mapping';
export { ingestCsv } from './ingest-csv';

export { createMemoryHost, type MemoryHost } from './memory-host';
export { MemoryWorkbook, MemorySheet, type MemoryCell, type WorkbookChange } from './workbook';
export { copyToMemory } from './copy';

export { createMemoryHost, type MemoryHost } from './memory-host';
export { MemoryWorkbook, MemorySheet, type MemoryCell } from './workbook';
export { copyToMemory } from './copy';

export { createMemoryHost, type MemoryHost } from './memory-host';
export { MemoryWorkbook, MemorySheet, type MemoryCell } from './workbook';

export { createCountingExcel, countSyncs, type CountingExcel, type SyncCounter } from './counting';
export { FakeSession, FakeDocumentSettings, WEB_LIMITS, type FakeExcelOptions, type FakeLimits } from './fake-excel';
export { FakeBook, cellGet, keyOf, type FakeSheet } from './model';
export { FakeOfficeError } from './errors';
export type { RequestStats } from './context';
export { excelHostOver } from './host';

export { openXlsxHost, defaultCopyPath, type XlsxHost, type XlsxOpenOptions } from './open';
export { isDateFormat, serialToDate, dateToSerial } from './cells';
export { STATE_SHEET } from './state';
export type { NotKept } from './package-facts';

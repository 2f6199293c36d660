export { openXlsxHost, defaultCopyPath, type XlsxHost, type XlsxOpenOptions } from './open';
export { isDateFormat } from './cells';
export { STATE_SHEET } from './state';
export type { NotKept } from './package-facts';

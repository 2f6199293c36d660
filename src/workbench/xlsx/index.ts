export { readWorkbookBytes } from './read-workbook';
export { MAX_WORKBOOK_MB } from '../../host/xlsx/browser';

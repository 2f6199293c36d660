export { WorkbookView, type WorkbookViewProps } from './WorkbookView';
export { formatCell, type CellText } from './number-format';

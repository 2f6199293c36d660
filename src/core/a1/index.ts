export { type CellValue, isErrorValue } from './cell';
export { columnLetters, columnIndex, parseA1, formatA1, parseRef, formatRef, cellAddress, type Area, type SheetRef } from './address';

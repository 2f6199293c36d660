/**
 * The slice of the Excel JavaScript API (Office.js) the adapter uses, as structural types. The real
 * `Excel.RequestContext` satisfies them (`fromOffice` passes `Excel.run` here, so the compiler checks
 * it), and so does the fake in `testing/`. Methods use method syntax on purpose: Office's overloads
 * then match without casts.
 */

export interface XlObject {
  /** Known after the sync that follows an `…OrNullObject` call. */
  readonly isNullObject: boolean;
}

export interface XlClientResult<T> {
  readonly value: T;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

export type XlRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly names: XlNamedItemCollection;
  readonly tables: XlTableCollection;
  readonly customXmlParts: XlCustomXmlPartCollection;
  getSelectedRange(): XlRange;
}

export interface XlSelectionEvent {
  address: string;
  worksheetId: string;
}

export interface XlEventHandlerResult {
  readonly context: { sync(): Promise<unknown> };
  remove(): void;
}

export interface XlEventHandlers<A> {
  add(handler: (args: A) => Promise<unknown>): XlEventHandlerResult;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames: string): unknown;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
  /** ExcelApi 1.9. */
  readonly onSelectionChanged: XlEventHandlers<XlSelectionEvent>;
  /** ExcelApi 1.10. */
  readonly onSingleClicked: XlEventHandlers<XlSelectionEvent>;
}

export interface XlWorksheet extends XlObject {
  readonly id: string;
  readonly name: string;
  readonly visibility: string;
  load(propertyNames: string): unknown;
  getRange(address?: string): XlRange;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  getUsedRange(valuesOnly?: boolean): XlRange;
  /** ExcelApi 1.18. */
  readonly notes: XlNoteCollection;
  /** ExcelApi 1.10. */
  readonly comments: XlCommentCollection;
  /** ExcelApi 1.7: per sheet, for hosts without the 1.9 collection-wide event. */
  readonly onSelectionChanged: XlEventHandlers<XlSelectionEvent>;
  /** Shows the sheet in the Excel UI. */
  activate(): void;
}

export interface XlFillProps {
  color?: string;
  pattern?: string;
}

export interface XlCellProps {
  format?: { fill?: XlFillProps };
}

export interface XlRowProps {
  rowHidden?: boolean;
}

export interface XlRangeFill {
  color: string;
  load(propertyNames: string): unknown;
  clear(): void;
}

export interface XlRange extends XlObject {
  readonly address: string;
  values: unknown[][];
  readonly valueTypes: string[][];
  numberFormat: unknown[][];
  /** True when every row is hidden, false when none, null when mixed. */
  readonly rowHidden: boolean | null;
  readonly format: { readonly fill: XlRangeFill };
  load(propertyNames: string): unknown;
  getCell(row: number, column: number): XlRange;
  getRow(row: number): XlRange;
  /** ExcelApi 1.9. */
  getCellProperties(options: { format: { fill: { color: boolean; pattern: boolean } } }): XlClientResult<XlCellProps[][]>;
  /** ExcelApi 1.9. */
  getRowProperties(options: { rowHidden: boolean }): XlClientResult<XlRowProps[]>;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** Selects the range in the Excel UI (its sheet must be the active one on some builds). */
  select(): void;
}

export interface XlRangeAreas extends XlObject {
  readonly address: string;
  load(propertyNames: string): unknown;
}

export interface XlNamedItem {
  readonly name: string;
  readonly type: string;
  readonly formula: unknown;
}

export interface XlNamedItemCollection {
  readonly items: XlNamedItem[];
  load(propertyNames: string): unknown;
}

export interface XlTable {
  readonly name: string;
  getRange(): XlRange;
  getHeaderRowRange(): XlRange;
}

export interface XlTableCollection {
  readonly items: XlTable[];
  load(propertyNames: string): unknown;
}

export interface XlNote extends XlObject {
  content: string;
  load(propertyNames: string): unknown;
  delete(): void;
  getLocation(): XlRange;
}

export interface XlNoteCollection {
  readonly items: XlNote[];
  load(propertyNames: string): unknown;
  add(cellAddress: XlRange | string, content: string): XlNote;
  getItem(key: string): XlNote;
  getItemOrNullObject(key: string): XlNote;
}

export interface XlComment {
  content: string;
  delete(): void;
  getLocation(): XlRange;
}

export interface XlCommentCollection {
  readonly items: XlComment[];
  load(propertyNames: string): unknown;
  add(cellAddress: XlRange | string, content: string): XlComment;
  getItemByCell(cellAddress: XlRange | string): XlComment;
}

export interface XlCustomXmlPart extends XlObject {
  readonly id: string;
  load(propertyNames: string): unknown;
  getXml(): XlClientResult<string>;
  setXml(xml: string): void;
  delete(): void;
}

export interface XlCustomXmlPartCollection {
  add(xml: string): XlCustomXmlPart;
  getItem(id: string): XlCustomXmlPart;
  getByNamespace(namespaceUri: string): { readonly items: XlCustomXmlPart[]; load(propertyNames: string): unknown };
}

/** `Office.context.document.settings`: an in-memory copy, persisted into the document by `saveAsync`. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback: (result: { status: unknown; error?: { message: string } | null }) => void): void;
}

import type ExcelJS from 'exceljs';

/** Excel styles of the demo workbook, one place so every sheet looks of one piece. */
export const FORMATS = {
  date: 'yyyy-mm-dd',
  month: 'yyyy-mm',
  money: '#,##0.00;[Red]-#,##0.00',
  wholeMoney: '#,##0',
  percent: '0.0%',
  longDate: 'yyyy"年"m"月"d"日"',
} as const;

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const FILLS = { title: solid('FF1F4E79'), header: solid('FFD9E1F2'), total: solid('FFFFF2CC') } as const;

/** A bold title across `width` columns with a line of explanation below it. */
export function titleBlock(ws: ExcelJS.Worksheet, width: number, title: string, subtitle: string): void {
  ws.mergeCells(1, 1, 1, width);
  const head = ws.getCell(1, 1);
  head.value = title;
  head.font = { bold: true, size: 14, color: { argb: 'FFFFFFFF' } };
  head.fill = FILLS.title;
  ws.getRow(1).height = 24;
  ws.getCell(2, 1).value = subtitle;
  ws.getCell(2, 1).font = { italic: true, color: { argb: 'FF595959' } };
}

/** Header cells in row `row`, bold on the header fill. */
export function headerRow(ws: ExcelJS.Worksheet, row: number, headers: readonly string[]): void {
  headers.forEach((h, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = FILLS.header;
  });
}

/** `2024-01-31` as a date at UTC midnight, which ExcelJS writes as the day's serial with no time. */
export const isoDate = (text: string): Date => new Date(`${text}T00:00:00Z`);

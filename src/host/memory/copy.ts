import { parseA1 } from '../../core/a1';
import type { WorkbookHost } from '../contract';
import { MemoryWorkbook } from './workbook';

/**
 * A memory copy of any host's workbook (values, number formats, fills, notes, merges, hidden rows,
 * names, tables): how the workbench plays a real .xlsx, in three round trips.
 */
export async function copyToMemory(from: WorkbookHost): Promise<MemoryWorkbook> {
  const [sheets, names, tables] = await Promise.all([from.listSheets(), from.listNames(), from.listTables()]);
  const withData = sheets.filter((s) => s.used !== undefined);
  const reads = await from.readRanges(withData.map((s) => ({ sheet: s.name, address: s.used! })), { styles: true });
  const book = new MemoryWorkbook();
  for (const s of sheets) book.addSheet(s.name, s.visible);
  for (const read of reads) {
    const sheet = book.sheet(read.ref.sheet)!;
    const at = parseA1(read.ref.address)!;
    read.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const format = read.numberFormats[r]?.[c];
        sheet.set(at.row + r, at.col + c, {
          value,
          ...(format && format !== 'General' ? { format } : {}),
          fill: read.fills?.[r]?.[c] ?? null,
          note: read.notes?.[r]?.[c] ?? null,
        });
      }),
    );
    read.merges.forEach((m) => sheet.merges.push(parseA1(m)!));
    read.hiddenRows.forEach((r) => sheet.hiddenRows.add(r));
  }
  book.names = names.map((n) => ({ name: n.name, ref: { ...n.ref } }));
  book.tables = tables.map((t) => ({ name: t.name, ref: { ...t.ref } }));
  return book;
}

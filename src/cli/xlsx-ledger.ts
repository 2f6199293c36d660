import { parseA1 } from '../core/a1';
import { readLedger, type BindingRead } from '../core/bindings';
import { AppError } from '../core/errors';
import type { Mapping } from '../core/ingest';
import { openXlsxHost } from '../host/xlsx';

/**
 * A ledger worksheet of an .xlsx as observations, read through the xlsx host and the bindings' long
 * layout, so merged dates fill down (merged amounts never do), and hidden and total rows are handled
 * and reported by cell address exactly as in the add-in. The first visible sheet unless named.
 */
export async function readXlsxLedger(path: string, mapping: Mapping): Promise<BindingRead & { sheet: string }> {
  const host = await openXlsxHost(path);
  const sheets = await host.listSheets();
  const info = mapping.sheet === undefined ? sheets.find((s) => s.visible) : sheets.find((s) => s.name === mapping.sheet);
  if (!info) {
    const detail = `sheet "${mapping.sheet ?? ''}" not found; sheets are: ${sheets.map((s) => s.name).join(', ')}`;
    throw new AppError('io.read', { path, detail });
  }
  const blocks = [];
  if (info.used) {
    const [read] = await host.readRanges([{ sheet: info.name, address: info.used }]);
    const at = parseA1(read!.ref.address)!;
    blocks.push({ sheet: info.name, row: at.row, col: at.col, values: read!.values, hiddenRows: read!.hiddenRows, merges: read!.merges.map((m) => parseA1(m)!) });
  }
  return { ...readLedger(blocks, mapping), sheet: info.name };
}

import type { ObservationTable } from '../../core/engine';
import { formatMinor } from '../../core/money';
import { formatDay } from '../../core/periods';
import type { KeyedRow } from '../../core/sources';

/** One observation as the Bind and Sources previews show it: exact amount text, never a float. */
export interface PreviewRow {
  date: string;
  amount: string;
  /** `account` and every dimension. */
  text: Record<string, string>;
}

export const PREVIEW_ROWS = 20;

export function tablePreview(table: ObservationTable, limit = PREVIEW_ROWS): PreviewRow[] {
  const rows: PreviewRow[] = [];
  const amount = table.measures['amount'];
  for (let i = 0; i < Math.min(limit, table.rows); i += 1) {
    const text: Record<string, string> = {};
    for (const [name, col] of Object.entries(table.text)) text[name] = col.dict[col.codes[i]!] ?? '';
    rows.push({ date: formatDay(table.day[i]!), amount: amount ? formatMinor(amount[i]!, table.scale) : '', text });
  }
  return rows;
}

export function keyedPreview(rows: readonly KeyedRow[], scale: number, limit = PREVIEW_ROWS): PreviewRow[] {
  return rows.slice(0, limit).map((r) => ({ date: formatDay(r.day), amount: formatMinor(r.measures['amount'] ?? 0, scale), text: { ...r.text } }));
}

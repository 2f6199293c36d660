import { cellText, isErrorCell, type Cell } from '../ingest';

/** A cell as a label: trimmed (indentation removed), numbers as written (`6001`), blanks and errors as ''. */
export const labelOf = (v: Cell): string => (isErrorCell(v) ? '' : cellText(v));

// Total, Subtotal, Sub-total, Grand total, Total income, Income total, Totals.
const TOTAL_EN = /^(?:grand\s+|sub-?\s*)?totals?\b|\b(?:sub-?\s*)?totals?\s*:?$/i;
// 合计, 小计, 总计, 共计 anywhere at the start or end (资产合计); 累计 only alone or at the end (本年累计),
// because 累计折旧 (accumulated depreciation) is an account, not a total.
const TOTAL_ZH = /^(?:合计|小计|总计|共计|总合计)|(?:合计|小计|总计|共计|累计)(?:数|金额)?\s*[:：]?$/;

/** Whether a row label marks a total or subtotal row, which would double-count the rows it sums. */
export const isTotalLabel = (label: string): boolean => label !== '' && (TOTAL_EN.test(label) || TOTAL_ZH.test(label));

/**
 * A cell as every spreadsheet host reports it: dates are serial numbers (1900 date system), blanks
 * are null, and error values such as #N/A are `{ error: '#N/A' }`.
 */
export type CellValue = string | number | boolean | null | { error: string };

export const isErrorValue = (v: CellValue | undefined): v is { error: string } => typeof v === 'object' && v !== null;

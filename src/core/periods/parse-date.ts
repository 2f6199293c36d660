import { daysFromCivil, isValidCivil } from './calendar';

export interface ParsedDate {
  /** Epoch day. */
  day: number;
  /** `month` when the text named only a month (`2026年11月`, `2026-11`): the day is the 1st. */
  precision: 'day' | 'month';
}

export type DayOrder = 'ymd' | 'dmy' | 'mdy';

const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31
const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01 in the 1900 date system

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/;
const YM = /^(\d{4})[-/.](\d{1,2})$/;
const CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;

/**
 * Reads the date forms finance files use: Excel serials (1900 system, with its phantom 1900-02-29),
 * ISO and `2026/11/24`, `2026年11月(24日)`, `20261124`, JS Dates (read as UTC, as ExcelJS returns them),
 * and `24/11/2026` only when the day order is declared — guessing it would silently swap days and months.
 */
export function parseDateValue(value: unknown, order: DayOrder = 'ymd'): ParsedDate | undefined {
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? undefined : { day: Math.floor(t / 86400000), precision: 'day' };
  }
  if (typeof value === 'number') return fromSerial(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let m = YMD.exec(text) ?? COMPACT.exec(text);
  if (m) return civil(m[1], m[2], m[3], 'day');
  m = CJK.exec(text);
  if (m) return civil(m[1], m[2], m[3] ?? '1', m[3] ? 'day' : 'month');
  m = YM.exec(text);
  if (m) return civil(m[1], m[2], '1', 'month');
  m = YEAR_LAST.exec(text);
  if (m && order !== 'ymd') return order === 'dmy' ? civil(m[3], m[2], m[1], 'day') : civil(m[3], m[1], m[2], 'day');
  if (SERIAL.test(text)) return fromSerial(Number(text));
  return undefined;
}

function civil(y: string | undefined, mo: string | undefined, d: string | undefined, precision: ParsedDate['precision']): ParsedDate | undefined {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  return isValidCivil(year, month, day) ? { day: daysFromCivil(year, month, day), precision } : undefined;
}

function fromSerial(serial: number): ParsedDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > EXCEL_MAX_SERIAL) return undefined;
  const whole = Math.floor(serial);
  // Excel counts 1900-02-29 (serial 60), which never existed; serials before it are one day early.
  const day = whole - EXCEL_EPOCH_OFFSET + (whole < 60 ? 1 : 0);
  return { day, precision: 'day' };
}

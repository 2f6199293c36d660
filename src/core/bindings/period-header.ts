import type { CellValue } from '../a1';
import { civilFromDays, parseDateValue } from '../periods';

/** What a column header says about its period, before the year and the fiscal calendar are applied. */
export type HeaderPeriod =
  /** A period key: `2026-01`, `2026-Q1` (fiscal quarter), `2026` (fiscal year). */
  | { kind: 'key'; key: string }
  /** A full date (a serial, `2026-01-31`): the column spacing says whether it stands for a month, quarter or year. */
  | { kind: 'date'; day: number }
  /** `Jan`, `1月`: needs the binding's year. */
  | { kind: 'month'; month: number }
  /** `Q1`, `第一季度`: needs the binding's year. */
  | { kind: 'quarter'; quarter: number };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const pad2 = (n: number): string => String(n).padStart(2, '0');
const CJK_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

// Serials of 1927-05-18 … 9999-12-31: smaller numbers in a header are counts or amounts, not dates.
const MIN_SERIAL = 10_000;
const MAX_SERIAL = 2_958_465;

const monthOf = (word: string): number | undefined => {
  const i = word === 'sept' ? 8 : Math.max(MONTHS.indexOf(word), MONTH_NAMES.indexOf(word));
  return i >= 0 ? i + 1 : undefined;
};
const cjkNumber = (s: string): number | undefined => {
  const i = CJK_NUMBERS.indexOf(s);
  return i >= 0 ? i + 1 : /^\d{1,2}$/.test(s) ? Number(s) : undefined;
};
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));
const isYear = (y: number): boolean => y >= 1900 && y <= 2999;

const monthKey = (y: number, m: number | undefined): HeaderPeriod | undefined =>
  m !== undefined && m >= 1 && m <= 12 && isYear(y) ? { kind: 'key', key: `${y}-${pad2(m)}` } : undefined;
const quarterKey = (y: number, q: number | undefined): HeaderPeriod | undefined =>
  q !== undefined && q >= 1 && q <= 4 && isYear(y) ? { kind: 'key', key: `${y}-Q${q}` } : undefined;

type Form = [RegExp, (m: RegExpExecArray) => HeaderPeriod | undefined];

// Tried in order on the trimmed, lower-cased, NFKC text without an actual/estimate suffix (2023E, Jan-23A).
const FORMS: Form[] = [
  [/^(\d{4})\s*(?:年度?)?$/, (m) => (isYear(Number(m[1])) ? { kind: 'key', key: m[1]! } : undefined)],
  [/^fy\s*'?(\d{2}|\d{4})$/, (m) => (isYear(fullYear(m[1]!)) ? { kind: 'key', key: String(fullYear(m[1]!)) } : undefined)],
  [/^(?:fy\s*'?(\d{2}|\d{4})|(\d{4})\s*年?)\s*[-/ ]?\s*q([1-4])$/, (m) => quarterKey(fullYear(m[1] ?? m[2]!), Number(m[3]))],
  [/^q([1-4])\s*[-/, ]?\s*(?:fy\s*)?'?(\d{2}|\d{4})$/, (m) => quarterKey(fullYear(m[2]!), Number(m[1]))],
  [/^(\d{4})\s*年\s*(?:第\s*)?([1-4一二三四])\s*季度?$/, (m) => quarterKey(Number(m[1]), cjkNumber(m[2]!))],
  [/^(?:q([1-4])|第?\s*([1-4一二三四])\s*季度)$/, (m) => ({ kind: 'quarter', quarter: m[1] ? Number(m[1]) : cjkNumber(m[2]!)! })],
  [/^([a-z]{3,9})\.?\s*[-/ ,']*\s*(\d{4}|\d{2})$/, (m) => monthKey(fullYear(m[2]!), monthOf(m[1]!))],
  [/^(\d{4})\s*[-/ ]?\s*([a-z]{3,9})\.?$/, (m) => monthKey(Number(m[1]), monthOf(m[2]!))],
  [/^(\d{4})[-/.](\d{1,2})$/, (m) => monthKey(Number(m[1]), Number(m[2]))],
  [/^(\d{1,2})[-/.](\d{4})$/, (m) => monthKey(Number(m[2]), Number(m[1]))],
  [/^([a-z]{3,9})\.?$/, (m) => onlyMonth(monthOf(m[1]!))],
  [/^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?$/, (m) => onlyMonth(cjkNumber(m[1]!))],
];

const onlyMonth = (month: number | undefined): HeaderPeriod | undefined =>
  month !== undefined && month >= 1 && month <= 12 ? { kind: 'month', month } : undefined;

/** Reads a column header as a period, or undefined when it is not one (`Total`, `Notes`, `Var %`). */
export function readHeaderPeriod(value: CellValue): HeaderPeriod | undefined {
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value !== 'string') return undefined;
  const text = value
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/(\d)\s*[aefb]$/, '$1');
  if (text === '') return undefined;
  for (const [re, read] of FORMS) {
    const m = re.exec(text);
    const period = m ? read(m) : undefined;
    if (period) return period;
  }
  if (/^\d+(?:\.\d+)?$/.test(text) || !/\d[-/.年]\d/.test(text)) return undefined;
  const date = parseDateValue(text);
  if (!date) return undefined;
  if (date.precision === 'day') return { kind: 'date', day: date.day };
  const { year, month } = civilFromDays(date.day);
  return monthKey(year, month);
}

function fromNumber(n: number): HeaderPeriod | undefined {
  if (Number.isInteger(n) && isYear(n)) return { kind: 'key', key: String(n) };
  if (n < MIN_SERIAL || n > MAX_SERIAL) return undefined;
  const date = parseDateValue(n);
  return date ? { kind: 'date', day: date.day } : undefined;
}

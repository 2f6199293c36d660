import { problem, type Problem } from '../errors';
import { parseCsv } from '../ingest';
import { parseAccountingAmount } from '../money';
import { parseDateValue } from '../periods';

/** One row of a `timestamp,value` file: the timestamp as written, the value or null, the line. */
export interface SeriesRow {
  line: number;
  timestamp: string;
  value: number | null;
  /** Epoch milliseconds, NaN when the timestamp could not be read (it only helps pick the season). */
  time: number;
}

const TIME_HEADERS = new Set(['timestamp', 'time', 'date', 'datetime', '时间', '日期', '时间戳']);
const VALUE_HEADERS = new Set(['value', 'amount', 'values', '值', '数值', '金额']);
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const ERROR_CELL = /^#(?:N\/A|NA|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
/** Decimals kept when a value needs the accounting parser (thousands separators, brackets). */
const AMOUNT_SCALE = 6;

/**
 * Reads a `timestamp,value` CSV (a header first; further columns are ignored). A blank, textual or
 * error value (`#N/A`) keeps its row with value null and a located warning, so the output still has
 * one point per input row; an unreadable timestamp is kept as written. A missing header is an error.
 */
export function readSeriesCsv(text: string): { rows: SeriesRow[]; problems: Problem[] } {
  const { records, problems } = parseCsv(text);
  const [header, ...data] = records;
  const names = header?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  if (!header || !TIME_HEADERS.has(names[0] ?? '') || !VALUE_HEADERS.has(names[1] ?? '')) {
    problems.push(problem('line 1', 'anomaly.noHeader', { found: header?.cells.join(',') ?? '' }));
    return { rows: [], problems };
  }
  if (data.length === 0) problems.push(problem(`line ${header.line + 1}`, 'anomaly.noRows'));
  const rows = data.map(({ line, cells }) => {
    const timestamp = (cells[0] ?? '').trim();
    const time = parseTime(timestamp);
    if (!Number.isFinite(time)) problems.push(problem(`line ${line}`, 'anomaly.badTimestamp', { row: line, value: timestamp }, 'warning'));
    return { line, timestamp, time, value: readValue(cells[1] ?? '', line, problems) };
  });
  return { rows, problems };
}

function readValue(cell: string, line: number, problems: Problem[]): number | null {
  const text = cell.trim();
  if (PLAIN_NUMBER.test(text)) return Number(text);
  const warn = (code: 'anomaly.blankValue' | 'anomaly.cellError' | 'anomaly.badValue'): null => {
    problems.push(problem(`line ${line}`, code, { row: line, value: text }, 'warning'));
    return null;
  };
  if (text === '') return warn('anomaly.blankValue');
  if (ERROR_CELL.test(text)) return warn('anomaly.cellError');
  const amount = parseAccountingAmount(text, AMOUNT_SCALE);
  return amount ? amount.minor / 10 ** AMOUNT_SCALE : warn('anomaly.badValue');
}

/** Epoch ms of `2026-01-31 13:45[:07[.123]][Z|+08:00]`, or of any date form the ledger reader knows; NaN otherwise. */
export function parseTime(text: string): number {
  const m = DATE_TIME.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = m;
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.round(Number(`0.${frac}`) * 1000));
    return utc - zoneOffsetMs(zone);
  }
  const date = parseDateValue(text);
  return date ? date.day * 86_400_000 : NaN;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return (digits[0] === '-' ? -1 : 1) * minutes * 60_000;
}

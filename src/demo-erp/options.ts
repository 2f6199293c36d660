import { minJournalLines, type DemoDataOptions } from './data';

export interface DemoErpOptions {
  /** 0 (the default in-process) picks a free port. */
  port?: number;
  seed?: number;
  /** Journal lines to generate; raised to the minimum a horizon needs (600 per month). */
  journalLines?: number;
  months?: number;
  /** `YYYY-MM` */
  firstMonth?: string;
}

export const DEFAULTS = { port: 0, seed: 20240101, journalLines: 60_000, months: 36, firstMonth: '2024-01' } as const;
export const MAX_JOURNAL_LINES = 2_000_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const isWhole = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Fills in the defaults and checks every option; returns all problems, each naming its option. */
export function resolveOptions(o: DemoErpOptions): { port: number; data: DemoDataOptions } | { problems: string[] } {
  const problems: string[] = [];
  const port = o.port ?? DEFAULTS.port;
  const seed = o.seed ?? DEFAULTS.seed;
  const months = o.months ?? DEFAULTS.months;
  const lines = o.journalLines ?? DEFAULTS.journalLines;
  const firstMonth = o.firstMonth ?? DEFAULTS.firstMonth;
  if (!isWhole(port, 0, 65_535)) problems.push(`port must be a whole number from 0 to 65535 (0 picks a free port), got ${String(port)}`);
  if (!isWhole(seed, 0, 2 ** 32 - 1)) problems.push(`seed must be a whole number from 0 to 4294967295, got ${String(seed)}`);
  if (!isWhole(months, 12, 120)) problems.push(`months must be a whole number from 12 to 120, got ${String(months)}`);
  if (!isWhole(lines, 1, MAX_JOURNAL_LINES)) problems.push(`journalLines must be a whole number from 1 to ${MAX_JOURNAL_LINES}, got ${String(lines)}`);
  const m = MONTH.exec(firstMonth);
  if (!m || Number(m[1]) < 1990 || Number(m[1]) > 2100) problems.push(`firstMonth must be a month such as 2024-01 (years 1990–2100), got "${firstMonth}"`);
  if (problems.length > 0) return { problems };
  return { port, data: { seed, months, firstMonth, journalLines: Math.max(lines, minJournalLines(months)) } };
}

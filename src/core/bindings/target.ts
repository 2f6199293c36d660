import { formatA1, parseA1, parseRef, type SheetRef } from '../a1';
import { problem, type Problem } from '../errors';
import { DEFAULT_HEADERS } from '../ingest';
import type { Binding } from './shape';

/** What the workbook defines, as a host lists it: names and tables (ListObjects) with their header cells. */
export interface WorkbookIndex {
  /** `ref` as the host gives it: `Sheet1!$A$1:$F$200`, with or without a leading `=`. */
  names: ReadonlyArray<{ name: string; ref: string }>;
  /** `ref` is the whole table, header row included. */
  tables: ReadonlyArray<{ name: string; ref: string; headers: readonly string[] }>;
}

export interface ResolvedTarget {
  /** The ranges to read for the binding, in one round trip; empty when there are problems. */
  ranges: SheetRef[];
  problems: Problem[];
}

const same = (a: string, b: string): boolean => a.normalize('NFKC').trim().toLowerCase() === b.normalize('NFKC').trim().toLowerCase();
const listOf = (items: readonly string[]): string => (items.length > 0 ? items.join(', ') : '—');
const toRef = (text: string): SheetRef | undefined => parseRef(text.trim().replace(/^=/, ''));

/** The workbook ranges a binding reads, or located problems (`$.target.table`) that say what exists instead. */
export function resolveTarget(binding: Binding, index: WorkbookIndex): ResolvedTarget {
  const t = binding.target;
  const fail = (path: string, code: Parameters<typeof problem>[1], params: Record<string, string>): ResolvedTarget => ({ ranges: [], problems: [problem(path, code, params)] });
  if (t.kind === 'range') {
    const ref = toRef(t.ref);
    return ref ? { ranges: [ref], problems: [] } : fail('$.target.ref', 'bind.badRef', { ref: t.ref });
  }
  if (t.kind === 'name') {
    const found = index.names.find((n) => same(n.name, t.name));
    if (!found) return fail('$.target.name', 'bind.unknownName', { name: t.name, names: listOf(index.names.map((n) => n.name)) });
    const ref = toRef(found.ref);
    return ref ? { ranges: [ref], problems: [] } : fail('$.target.name', 'bind.nameNotRange', { name: found.name, ref: found.ref });
  }
  const table = index.tables.find((x) => same(x.name, t.table));
  if (!table) return fail('$.target.table', 'bind.unknownTable', { table: t.table, tables: listOf(index.tables.map((x) => x.name)) });
  const ref = toRef(table.ref);
  if (!ref) return fail('$.target.table', 'bind.badRef', { ref: table.ref });
  if (t.kind === 'table') return { ranges: [ref], problems: [] };
  return tableColumns(binding, t, table, ref);
}

/** For a table column: that column plus the date, account and dimension columns it needs, adjacent columns read together. */
function tableColumns(
  binding: Binding,
  t: { table: string; column: string },
  table: WorkbookIndex['tables'][number],
  ref: SheetRef,
): ResolvedTarget {
  const problems: Problem[] = [];
  const columns = listOf(table.headers.map((h) => h.trim()));
  const find = (name: string, role: string, path: string): number | undefined => {
    const i = table.headers.findIndex((h) => same(h, name));
    if (i < 0) problems.push(problem(path, 'bind.unknownColumn', { table: table.name, column: name, role, columns }));
    return i < 0 ? undefined : i;
  };
  const byDefault = (role: 'date' | 'account'): number | undefined => {
    const i = table.headers.findIndex((h) => (DEFAULT_HEADERS[role] as readonly string[]).includes(h.trim().toLowerCase()));
    return i < 0 ? undefined : i;
  };
  const l = binding.long;
  const wanted = [
    find(t.column, 'amount', '$.target.column'),
    l ? find(l.date, 'date', '$.long.date') : (byDefault('date') ?? find(DEFAULT_HEADERS.date[0], 'date', '$.long.date')),
    l?.account !== undefined ? find(l.account, 'account', '$.long.account') : byDefault('account'),
    ...Object.entries(l?.dimensions ?? {}).map(([dim, header]) => find(header, dim, `$.long.dimensions.${dim}`)),
  ];
  if (problems.length > 0) return { ranges: [], problems };
  const area = parseA1(ref.address)!;
  const cols = [...new Set(wanted.filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const c of cols) {
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  const ranges = runs.map(([a, b]) => ({ sheet: ref.sheet, address: formatA1({ row: area.row, col: area.col + a, lastRow: area.lastRow, lastCol: area.col + b }) }));
  return { ranges, problems };
}

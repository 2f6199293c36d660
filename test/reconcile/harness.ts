import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLedger, type GridBlock } from '../../src/core/bindings';
import type { Catalog } from '../../src/core/catalog';
import type { ObservationTable, SourceInput } from '../../src/core/engine';
import { formatDay } from '../../src/core/periods';
import { memorySnapshotStore, refreshSource, sourceInputOf } from '../../src/core/sources';
import { validateReconcileRules, type ReconcileRule } from '../../src/core/reconcile';
import { context, example, type Erp } from '../sources/erp-harness';

const EXAMPLES = join(__dirname, '../../examples');

export const CATALOG = JSON.parse(readFileSync(join(EXAMPLES, 'catalog.json'), 'utf8')) as Catalog;

/** The rules of examples/reconciliations.json, validated against the example catalog. */
export function exampleRule(id: string): ReconcileRule {
  const check = validateReconcileRules(readFileSync(join(EXAMPLES, 'reconciliations.json'), 'utf8'), { catalog: CATALOG });
  const rule = check.rules?.find((r) => r.id === id);
  if (!rule) throw new Error(`no valid rule ${id}: ${check.problems.map((p) => `${p.path} ${p.message['en-US']}`).join('; ')}`);
  return rule;
}

/** A source of examples/sources fetched from the demo ERP over HTTP by the real connector, as a run would. */
export async function fetchExample(erp: Erp, file: string, limits?: Record<string, number>): Promise<SourceInput> {
  const def = example(file, erp, (d) => {
    if (limits) d['limits'] = limits;
  });
  const result = await refreshSource(def, context().ctx, { store: memorySnapshotStore() });
  return sourceInputOf(result);
}

export function table(input: SourceInput | undefined): ObservationTable {
  if (!input || 'failed' in input) throw new Error(`source failed: ${input ? input.failed : 'missing'}`);
  return input;
}

/** One journal line as a workbook holds it. */
export interface SheetLine {
  id: string;
  date: string;
  account: string;
  entity: string;
  department: string;
  amount: number;
}

export const HEADER = ['id', 'date', 'account', 'entity', 'department', 'amount'] as const;

/** The journal lines of a fetched ERP table, in ERP order, for copying into a workbook. */
export function linesOf(gl: ObservationTable): SheetLine[] {
  const text = (name: string, r: number): string => {
    const col = gl.text[name];
    return col ? col.dict[col.codes[r]!]! : '';
  };
  const lines: SheetLine[] = [];
  for (let r = 0; r < gl.rows; r += 1) {
    const id = gl.origin!.keys![r]!;
    lines.push({ id, date: formatDay(gl.day[r]!), account: text('account', r), entity: text('entity', r), department: text('department', r), amount: gl.measures['amount']![r]! / 100 });
  }
  return lines.sort((a, b) => a.id.localeCompare(b.id));
}

/** The lines laid out on sheet `Ledger` from A1 (header in row 1) and read as a workbook binding reads them. */
export function workbookCopy(lines: readonly SheetLine[]): ObservationTable {
  const block: GridBlock = { sheet: 'Ledger', row: 0, col: 0, values: [[...HEADER], ...lines.map((l) => HEADER.map((h) => l[h]))] };
  const read = readLedger([block], {});
  if (read.problems.some((p) => p.severity === 'error')) throw new Error(read.problems.map((p) => p.message['en-US']).join('; '));
  return read.table;
}

/** Sheet row of a line in the copy (header in row 1). */
export const sheetRow = (lines: readonly SheetLine[], line: SheetLine): number => lines.indexOf(line) + 2;

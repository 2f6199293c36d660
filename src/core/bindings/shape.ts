import { problem, type Problem } from '../errors';
import { parseRef } from '../a1';
import { dict, num, obj, oneOf, optional, required, str, type Infer, type JsonSchema, type Shape } from '../catalog/shape';

const text = (doc?: string): Shape<string> => str({ minLength: 1, doc });

/** A tagged union: `tag` picks the variant, which then validates the whole object. */
function variant<V extends Record<string, Shape<unknown>>>(tag: string, variants: V): Shape<Infer<V[keyof V]>> {
  return {
    check(value, path, out) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        out.push(problem(path, 'catalog.type', { expected: 'object', found: value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value }));
        return false;
      }
      const kind = (value as Record<string, unknown>)[tag];
      const shape = typeof kind === 'string' && Object.hasOwn(variants, kind) ? variants[kind] : undefined;
      if (shape) return shape.check(value, path, out);
      out.push(kind === undefined ? problem(path, 'catalog.required', { field: tag }) : problem(`${path}.${tag}`, 'catalog.enum', { value: typeof kind === 'string' ? kind : JSON.stringify(kind), allowed: Object.keys(variants).join(', ') }));
      return false;
    },
    schema: (): JsonSchema => ({ oneOf: Object.values(variants).map((s) => s.schema()) }),
  };
}

/** A shape with checks across its fields, run once the fields themselves are valid. */
function refined<T>(shape: Shape<T>, more: (value: T, path: string, out: Problem[]) => void): Shape<T> {
  return {
    check(value, path, out) {
      if (!shape.check(value, path, out)) return false;
      const before = out.length;
      more(value as T, path, out);
      return out.length === before;
    },
    schema: () => shape.schema(),
  };
}

const targetShape = variant('kind', {
  range: obj({ kind: required(oneOf(['range'] as const)), ref: required(text('A sheet-qualified range, e.g. Ledger!A1:F200')) }),
  name: obj({ kind: required(oneOf(['name'] as const)), name: required(text('A workbook-defined name')) }),
  tableColumn: obj({
    kind: required(oneOf(['tableColumn'] as const)),
    table: required(text('An Excel table (ListObject)')),
    column: required(text('Header of the amount column; date, account and dimension columns are read with it')),
  }),
  table: obj({ kind: required(oneOf(['table'] as const)), table: required(text('An Excel table (ListObject), read whole')) }),
});

const longShape = obj({
  date: required(text('Header of the date column')),
  amount: optional(text()),
  debit: optional(text(), 'With credit: amount = debit − credit'),
  credit: optional(text()),
  account: optional(text()),
  dimensions: optional(dict(text()), 'Dimension name → column header'),
  dateOrder: optional(oneOf(['ymd', 'dmy', 'mdy'] as const), 'Order of 03/04/2026-style dates'),
});

const wideShape = obj({
  labelColumn: optional(text(), 'Header or column letter of the line-item labels; the first text column left of the periods by default'),
  codeColumn: optional(text(), 'Header or column letter of account codes; used as the account instead of the label'),
  year: optional(num({ integer: true, min: 1900, max: 9999 }), 'Year of the first column headed by a month (Jan, 1月) or quarter (Q1) alone; later months roll into the next year'),
  headerRow: optional(num({ integer: true, min: 1, max: 1_048_576 }), '1-based sheet row of the period headers; detected when absent'),
});

const bindingFields = obj(
  {
    id: required(text('Unique in the workbook')),
    source: optional(text(), 'Source the observations feed; defaults to "ledger"'),
    target: required(targetShape),
    layout: required(oneOf(['long', 'wide'] as const), 'long: one entry per row under a header; wide: line items down, periods across'),
    long: optional(longShape),
    wide: optional(wideShape),
    hiddenRows: optional(oneOf(['include', 'skip'] as const), 'Hidden rows are read by default; either way they are listed'),
    scale: optional(num({ integer: true, min: 0, max: 6 }), 'Decimals kept exactly; 2 = cents'),
  },
  { doc: 'FinPulse binding of a metric or source field to workbook ranges' },
);

export type Binding = Infer<typeof bindingFields>;

/** A metric's or source field's binding to workbook ranges, as stored in the workbook. */
export const bindingShape: Shape<Binding> = refined(bindingFields, checkAcrossFields);
export type BindingTarget = Binding['target'];

function checkAcrossFields(b: Binding, path: string, out: Problem[]): void {
  const other = b.layout === 'long' ? 'wide' : 'long';
  if (b[other] !== undefined) out.push(problem(`${path}.${other}`, 'bind.layoutField', { field: other, layout: b.layout }));
  const t = b.target;
  if (t.kind === 'range' && !parseRef(t.ref)) out.push(problem(`${path}.target.ref`, 'bind.badRef', { ref: t.ref }));
  if (t.kind === 'tableColumn') {
    if (b.layout === 'wide') out.push(problem(`${path}.target`, 'bind.wideTarget'));
    for (const field of ['amount', 'debit', 'credit'] as const) {
      if (b.long?.[field] !== undefined) out.push(problem(`${path}.long.${field}`, 'bind.tableColumnAmount', { column: t.column, field }));
    }
  }
  const l = b.long;
  if (l && (l.debit === undefined) !== (l.credit === undefined)) {
    out.push(problem(`${path}.long`, 'catalog.required', { field: l.debit === undefined ? 'debit' : 'credit' }));
  }
}

/** Validates a stored binding, listing every problem with its path. */
export function validateBinding(value: unknown, path = '$'): { binding?: Binding; problems: Problem[] } {
  const problems: Problem[] = [];
  return bindingShape.check(value, path, problems) ? { binding: value as Binding, problems } : { problems };
}

export const bindingSource = (b: Binding): string => b.source ?? 'ledger';

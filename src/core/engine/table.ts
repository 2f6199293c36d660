/**
 * Observations in columnar form: one typed array per column, text columns dictionary-encoded.
 * This is what makes one grouped pass over a million ledger rows cheap.
 */
export interface TextColumn {
  /** Index into `dict` per row. */
  codes: Int32Array;
  dict: string[];
}

export interface ObservationTable {
  rows: number;
  /** Epoch day per row. */
  day: Int32Array;
  /** Amount columns in integer minor units at `scale` (2 = cents). Always has `amount`. */
  measures: Record<string, Float64Array>;
  scale: number;
  /** `account` and the dimension columns (department, product, customer…). */
  text: Record<string, TextColumn>;
  /** Where each row came from, when the reader knows: lets a difference be traced to source rows. */
  origin?: RowOrigin;
}

/** Source row locators, kept apart from the columns the engine scans so they cost it nothing. */
export interface RowOrigin {
  /** Put before each row's locator: `ledger.csv:`, `Ledger!A`, `erp_gl:`. */
  prefix: string;
  /** Per row: the 1-based line or sheet row (0 when unknown). */
  lines?: Int32Array;
  /** Per row: the record key (an ERP id), for keyed sources. */
  keys?: ReadonlyArray<string | undefined>;
}

/** `Ledger!A12`, `ledger.csv:57` or `erp_gl:JL-0000123` for row `r`, or undefined when the table does not say. */
export function originOf(table: ObservationTable, r: number): string | undefined {
  const o = table.origin;
  const at = o?.keys?.[r] ?? (o?.lines && o.lines[r] !== 0 ? o.lines[r] : undefined);
  return at === undefined ? undefined : `${o!.prefix}${at}`;
}

export interface ObservationRow {
  day: number;
  /** Minor units per measure. */
  measures: Record<string, number>;
  text: Record<string, string>;
}

/** Accumulates rows into a columnar table, growing its arrays geometrically. */
export class TableBuilder {
  private size = 0;
  private capacity: number;
  private day: Int32Array;
  private readonly measures = new Map<string, Float64Array>();
  private readonly text = new Map<string, { codes: Int32Array; dict: string[]; index: Map<string, number> }>();
  private lines?: Int32Array;
  private keys?: Array<string | undefined>;

  constructor(
    private readonly scale: number,
    initialCapacity = 1024,
    /** See `RowOrigin.prefix`; rows added with an origin get one. */
    private readonly originPrefix = '',
  ) {
    this.capacity = Math.max(16, initialCapacity);
    this.day = new Int32Array(this.capacity);
  }

  get rows(): number {
    return this.size;
  }

  /** `origin`: the row's line number or record key in its source (see `RowOrigin`). */
  add(row: ObservationRow, origin?: number | string): void {
    if (this.size === this.capacity) this.grow();
    const r = this.size;
    this.day[r] = row.day;
    if (origin !== undefined) this.noteOrigin(r, origin);
    for (const [name, minor] of Object.entries(row.measures)) this.measureColumn(name)[r] = minor;
    for (const [name, value] of Object.entries(row.text)) {
      const col = this.textColumn(name);
      let code = col.index.get(value);
      if (code === undefined) {
        code = col.dict.length;
        col.dict.push(value);
        col.index.set(value, code);
      }
      col.codes[r] = code;
    }
    this.size += 1;
  }

  build(): ObservationTable {
    const n = this.size;
    const measures: Record<string, Float64Array> = {};
    for (const [name, col] of this.measures) measures[name] = col.slice(0, n);
    measures['amount'] ??= new Float64Array(n);
    const text: Record<string, TextColumn> = {};
    for (const [name, col] of this.text) text[name] = { codes: col.codes.slice(0, n), dict: col.dict };
    const table: ObservationTable = { rows: n, day: this.day.slice(0, n), measures, scale: this.scale, text };
    if (this.lines || this.keys) {
      table.origin = { prefix: this.originPrefix };
      if (this.lines) table.origin.lines = this.lines.slice(0, n);
      if (this.keys) table.origin.keys = this.keys.slice(0, n);
    }
    return table;
  }

  private noteOrigin(r: number, origin: number | string): void {
    if (typeof origin === 'string') (this.keys ??= [])[r] = origin;
    else (this.lines ??= new Int32Array(this.capacity))[r] = origin;
  }

  private measureColumn(name: string): Float64Array {
    let col = this.measures.get(name);
    if (!col) {
      col = new Float64Array(this.capacity);
      this.measures.set(name, col);
    }
    return col;
  }

  private textColumn(name: string): { codes: Int32Array; dict: string[]; index: Map<string, number> } {
    let col = this.text.get(name);
    if (!col) {
      // Rows added before this column existed get the empty member.
      col = { codes: new Int32Array(this.capacity), dict: [''], index: new Map([['', 0]]) };
      this.text.set(name, col);
    }
    return col;
  }

  private grow(): void {
    this.capacity *= 2;
    const day = new Int32Array(this.capacity);
    day.set(this.day);
    this.day = day;
    if (this.lines) {
      const lines = new Int32Array(this.capacity);
      lines.set(this.lines);
      this.lines = lines;
    }
    for (const [name, col] of this.measures) {
      const next = new Float64Array(this.capacity);
      next.set(col);
      this.measures.set(name, next);
    }
    for (const col of this.text.values()) {
      const next = new Int32Array(this.capacity);
      next.set(col.codes);
      col.codes = next;
    }
  }
}

/** Builds a table from plain rows (tests, small sources). */
export function tableFromRows(rows: readonly ObservationRow[], scale = 2): ObservationTable {
  const b = new TableBuilder(scale, rows.length);
  rows.forEach((r) => b.add(r));
  return b.build();
}

/**
 * One table from several (a source fed by several bindings or sheets). Amounts are rescaled to the
 * finest scale among them, exactly (integer minor units times a power of ten).
 */
export function concatTables(tables: readonly ObservationTable[]): ObservationTable {
  if (tables.length === 1) return tables[0]!;
  const scale = Math.max(2, ...tables.map((t) => t.scale));
  // One shared prefix keeps row numbers; sheets or files that differ keep their whole locator per row.
  const prefixes = new Set(tables.map((t) => t.origin?.prefix ?? ''));
  const shared = prefixes.size === 1;
  const builder = new TableBuilder(scale, tables.reduce((n, t) => n + t.rows, 0), shared ? [...prefixes][0] : '');
  const locator = (t: ObservationTable, r: number): number | string | undefined =>
    shared ? (t.origin?.keys?.[r] ?? (t.origin?.lines?.[r] || undefined)) : originOf(t, r);
  for (const t of tables) {
    const factor = 10 ** (scale - t.scale);
    for (let r = 0; r < t.rows; r += 1) {
      const measures = Object.fromEntries(Object.entries(t.measures).map(([name, col]) => [name, col[r]! * factor]));
      const text = Object.fromEntries(Object.entries(t.text).map(([name, col]) => [name, col.dict[col.codes[r]!]!]));
      builder.add({ day: t.day[r]!, measures, text }, locator(t, r));
    }
  }
  return builder.build();
}

const bounds = new WeakMap<ObservationTable, { first: number; last: number } | undefined>();

/** First and last epoch day of a table's rows (undefined when empty), scanned once per table. */
export function dayBounds(table: ObservationTable): { first: number; last: number } | undefined {
  if (bounds.has(table)) return bounds.get(table);
  let first = Infinity;
  let last = -Infinity;
  for (let r = 0; r < table.rows; r += 1) {
    const d = table.day[r]!;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const result = table.rows > 0 ? { first, last } : undefined;
  bounds.set(table, result);
  return result;
}

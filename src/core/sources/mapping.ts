import { AppError } from '../errors';
import type { ObservationRow } from '../engine';
import { amountFromNumber, parseAmount, type ParsedAmount } from '../money';
import { parseDateValue } from '../periods';
import { factorExponent } from './checks';
import { compilePath, valueAt, type JsonPath } from './jsonpath';
import type { FieldSpec, FieldType, SourceFields } from './shape';

/** An observation with the record key it came from (incremental sync upserts by it). */
export interface KeyedRow extends ObservationRow {
  key?: string;
}

/** One page's records as observations. Nothing is applied until every page of a refresh has mapped. */
export interface MappedPage {
  rows: KeyedRow[];
  /** Keys of tombstones (records deleted since the watermark). */
  deleted: string[];
  /** Latest `modified` value seen on the page, as sent. */
  maxModified?: string;
  rounded: { count: number; first?: { location: string; value: string } };
}

export interface PageLocation {
  /** 1-based page number within the refresh. */
  page: number;
  /** JSONPath of the page's record array, e.g. `$.data.items`. */
  base: string;
}

type Role = 'date' | 'amount' | 'account' | 'dimension' | 'measure' | 'key' | 'modified' | 'deleted';

interface Reader {
  role: Role;
  /** Column name for dimensions and measures. */
  name: string;
  field: string;
  path: JsonPath;
  type: FieldType;
  optional: boolean;
  sign: 1 | -1;
  exponent: number;
  dateOrder: 'ymd' | 'dmy' | 'mdy';
}

const DEFAULT_TYPE: Record<Role, FieldType> = {
  date: 'date', amount: 'number', measure: 'number', account: 'text', dimension: 'text', key: 'text', modified: 'text', deleted: 'boolean',
};

function reader(role: Role, name: string, spec: FieldSpec): Reader {
  const o = typeof spec === 'string' ? { path: spec } : spec;
  return {
    role, name, field: o.path, path: compilePath(o.path, true),
    type: o.type ?? DEFAULT_TYPE[role],
    // A tombstone flag is absent on live records, so a missing one means "not deleted".
    optional: role === 'deleted' || (o.optional ?? false),
    sign: o.sign ?? 1,
    exponent: o.factor === undefined ? 0 : (factorExponent(o.factor) ?? 0),
    dateOrder: o.dateOrder ?? 'ymd',
  };
}

const jsonType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'string' ? 'text' : typeof v);

/**
 * Maps records to observations, exactly: amounts become integer minor units through their decimal
 * text, never through binary fractions. A field that is missing or of another type than the
 * definition says is schema drift, reported with the page, the record index and the field.
 */
export class RecordMapper {
  private readonly date: Reader;
  private readonly amount: Reader;
  private readonly texts: Reader[] = [];
  private readonly measures: Reader[] = [];
  private readonly key?: Reader;
  private readonly modified?: Reader;
  private readonly deleted?: Reader;

  constructor(
    private readonly sourceId: string,
    fields: SourceFields,
    private readonly scale: number,
  ) {
    this.date = reader('date', 'date', fields.date);
    this.amount = reader('amount', 'amount', fields.amount);
    if (fields.account) this.texts.push(reader('account', 'account', fields.account));
    for (const [name, spec] of Object.entries(fields.dimensions ?? {})) this.texts.push(reader('dimension', name, spec));
    for (const [name, spec] of Object.entries(fields.measures ?? {})) this.measures.push(reader('measure', name, spec));
    if (fields.key) this.key = reader('key', 'key', fields.key);
    if (fields.modified) this.modified = reader('modified', 'modified', fields.modified);
    if (fields.deleted) this.deleted = reader('deleted', 'deleted', fields.deleted);
  }

  mapPage(records: readonly unknown[], at: PageLocation): MappedPage {
    const out: MappedPage = { rows: [], deleted: [], rounded: { count: 0 } };
    records.forEach((record, index) => this.mapRecord(record, index, at, out));
    return out;
  }

  private mapRecord(record: unknown, index: number, at: PageLocation, out: MappedPage): void {
    const ctx = { record, index, at };
    const modified = this.modified && this.text(this.modified, ctx);
    if (modified && (out.maxModified === undefined || isLater(modified, out.maxModified))) out.maxModified = modified;
    if (this.deleted && this.flag(this.deleted, ctx)) {
      out.deleted.push(this.text(this.key!, ctx));
      return;
    }
    const row: KeyedRow = { day: this.day(ctx), measures: { amount: this.money(this.amount, ctx, out) }, text: {} };
    for (const r of this.texts) row.text[r.name] = this.text(r, ctx);
    for (const r of this.measures) row.measures[r.name] = this.money(r, ctx, out);
    if (this.key) row.key = this.text(this.key, ctx);
    out.rows.push(row);
  }

  private raw(r: Reader, ctx: Ctx): unknown {
    if (ctx.record === null || typeof ctx.record !== 'object' || Array.isArray(ctx.record)) {
      throw this.drift('source.driftType', r, ctx, { found: jsonType(ctx.record), value: '', expected: 'an object (a record)' });
    }
    const v = valueAt(ctx.record, r.path);
    if (v === undefined && !r.optional) {
      throw this.drift('source.driftMissing', r, ctx, { present: Object.keys(ctx.record).slice(0, 30).join(', ') });
    }
    return v;
  }

  private text(r: Reader, ctx: Ctx): string {
    const v = this.raw(r, ctx);
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v); // codes sent as numbers (6001) read as text
    throw this.typeDrift(r, ctx, v, 'text');
  }

  private flag(r: Reader, ctx: Ctx): boolean {
    const v = this.raw(r, ctx);
    if (v === undefined || v === null || v === false || v === 'false' || v === 0) return false;
    if (v === true || v === 'true' || v === 1) return true;
    throw this.typeDrift(r, ctx, v, 'true or false');
  }

  private day(ctx: Ctx): number {
    const r = this.date;
    const v = this.raw(r, ctx);
    if (typeof v !== 'string') throw this.typeDrift(r, ctx, v, 'a date text such as 2026-01-31');
    const parsed = parseDateValue(v, r.dateOrder);
    if (!parsed) throw this.drift('source.badValue', r, ctx, { value: v, expected: 'date' });
    return parsed.day;
  }

  private money(r: Reader, ctx: Ctx, out: MappedPage): number {
    const v = this.raw(r, ctx);
    if (v === undefined) return 0; // an optional measure the record leaves out
    const scale = this.scale + r.exponent;
    let parsed: ParsedAmount | undefined;
    if (typeof v === 'number') parsed = amountFromNumber(v, scale);
    else if (typeof v === 'string' && r.type === 'decimal') parsed = parseAmount(v, scale);
    else throw this.typeDrift(r, ctx, v, r.type === 'decimal' ? 'a number or decimal text' : 'a number');
    if (!parsed) throw this.drift('source.badValue', r, ctx, { value: String(v), expected: 'amount' });
    if (parsed.rounded && out.rounded.count++ === 0) out.rounded.first = { location: locate(r, ctx), value: String(v) };
    return r.sign === -1 && parsed.minor !== 0 ? -parsed.minor : parsed.minor;
  }

  private typeDrift(r: Reader, ctx: Ctx, v: unknown, expected: string): AppError {
    return this.drift('source.driftType', r, ctx, { found: jsonType(v), value: JSON.stringify(v)?.slice(0, 40) ?? '', expected });
  }

  private drift(code: 'source.driftMissing' | 'source.driftType' | 'source.badValue', r: Reader, ctx: Ctx, more: Record<string, string>): AppError {
    return new AppError(code, { source: this.sourceId, page: ctx.at.page, index: ctx.index, field: r.field, role: r.role, location: locate(r, ctx), ...more });
  }
}

interface Ctx {
  record: unknown;
  index: number;
  at: PageLocation;
}

const locate = (r: Reader, ctx: Ctx): string => `${ctx.at.base}[${ctx.index}]${r.path.text.slice(1)}`;

/** Watermarks compare as instants when both parse as dates (offsets differ), else as text. */
export function isLater(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isNaN(ta) || Number.isNaN(tb) ? a > b : ta > tb || (ta === tb && a > b);
}

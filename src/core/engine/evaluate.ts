import type { MetricId, PeriodKey } from '../brand';
import { calendarOf, metricExpression, type Catalog, type MetricDef } from '../catalog';
import { localize, type Localized } from '../i18n';
import { problem, type Problem } from '../errors';
import { ErrorValue, evaluate, isError, refsOf, topoOrder, type ErrorKind, type EvalContext, type Expr, type Value } from '../formula';
import { firstDayOf, formatDay, parsePeriodKey, rolling, toDate, yearAgo, type FiscalCalendar, type Grain, type Span } from '../periods';
import { aggregateSource, AggregationError, type BaseSpec } from './aggregate';
import { makeAxis, type PeriodAxis } from './axis';
import { BaseReader } from './base-value';
import { fnv1a, hex } from './fingerprint';
import { formatMinor } from '../money';
import { dayBounds, type ObservationTable } from './table';

/** A source that could not be read this time; metrics on it show the error instead of a number. */
export interface SourceFailure {
  failed: string;
}
export type SourceInput = ObservationTable | SourceFailure;

export interface EvaluateOptions {
  catalog: Catalog;
  sources: Readonly<Record<string, SourceInput>>;
  grain: Grain;
  from?: PeriodKey;
  to?: PeriodKey;
  /** Only these metrics (and what they need); all by default. */
  metrics?: readonly string[];
  /** Also evaluate every metric per member of this dimension. */
  breakdown?: string;
}

export interface MetricValue {
  metricId: MetricId;
  period: PeriodKey;
  /** Dimension member when broken down; absent for the total. */
  member?: string;
  value: number | null;
  /** Exact decimal text of sums and balances (reconciles to the cent). */
  exact?: string;
  error?: { kind: ErrorKind; detail: string; message: Localized };
  fingerprint: string;
}

export interface Evaluation {
  grain: Grain;
  periods: PeriodKey[];
  /** Metric ids in dependency order. */
  metrics: MetricId[];
  values: MetricValue[];
  problems: Problem[];
}

const DEFAULT_SOURCE = 'ledger';
const isFailure = (s: SourceInput | undefined): s is SourceFailure => !!s && 'failed' in s;

/** Evaluates every metric for every period of the grain: base metrics in one grouped pass per source, the rest in dependency order. */
export function evaluateCatalog(opts: EvaluateOptions): Evaluation {
  const cal = calendarOf(opts.catalog);
  const problems: Problem[] = [];
  const defs = new Map(opts.catalog.metrics.map((m) => [m.id, m] as const));
  const exprs = compileExpressions(opts.catalog.metrics, defs);
  const wanted = closure(opts.metrics ?? [...defs.keys()], defs, exprs);
  const order = topoOrder(wanted, (id) => depsOf(id, exprs));
  const tables = Object.entries(opts.sources).filter((e): e is [string, ObservationTable] => !isFailure(e[1]) && e[1].rows > 0);
  const range = dayRange(tables.map(([, t]) => t), opts, cal);
  if (!range) {
    problems.push(problem('$', 'ingest.empty'));
    return { grain: opts.grain, periods: [], metrics: order as MetricId[], values: [], problems };
  }
  const axis = makeAxis(opts.grain, cal, range.first, range.last);
  const members = opts.breakdown ? membersOf(opts.breakdown, tables) : [];
  const slices: Array<string | undefined> = [undefined, ...members];
  const readers = buildReaders(order, defs, opts, axis, slices, problems);
  const out = outputSpan(axis, opts, cal);
  const values: MetricValue[] = [];
  for (const member of slices) {
    const evaluator = new SliceEvaluator(defs, exprs, readers, axis, cal, member, opts.breakdown);
    for (let p = out.start; p <= out.end; p += 1) {
      for (const id of order) values.push(evaluator.value(id, p, axis.keyOf(p - axis.origin)));
    }
  }
  const periods: PeriodKey[] = [];
  for (let p = out.start; p <= out.end; p += 1) periods.push(axis.keyOf(p - axis.origin));
  return { grain: opts.grain, periods, metrics: order as MetricId[], values, problems };
}

function compileExpressions(metrics: readonly MetricDef[], defs: ReadonlyMap<string, MetricDef>): Map<string, Expr> {
  const exprs = new Map<string, Expr>();
  for (const m of metrics) {
    const { expr } = metricExpression(m, (id) => defs.has(id), m.id);
    if (expr) exprs.set(m.id, expr);
  }
  return exprs;
}

const depsOf = (id: string, exprs: ReadonlyMap<string, Expr>): string[] => {
  const e = exprs.get(id);
  return e ? refsOf(e).map((r) => r.id) : [];
};

function closure(ids: readonly string[], defs: ReadonlyMap<string, MetricDef>, exprs: ReadonlyMap<string, Expr>): string[] {
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id) || !defs.has(id)) return;
    seen.add(id);
    depsOf(id, exprs).forEach(visit);
  };
  ids.forEach(visit);
  return [...defs.keys()].filter((id) => seen.has(id));
}

function dayRange(tables: readonly ObservationTable[], opts: EvaluateOptions, cal: FiscalCalendar): { first: number; last: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const t of tables) {
    const b = dayBounds(t);
    if (!b) continue;
    first = Math.min(first, b.first);
    last = Math.max(last, b.last);
  }
  if (first === Infinity) return undefined;
  // Requested periods outside the data still get rows (showing MISSING), so widen the axis to them.
  for (const key of [opts.from, opts.to]) {
    const p = key && parsePeriodKey(key, cal);
    if (!p || p.grain !== opts.grain) continue;
    first = Math.min(first, firstDayOf(p.index, opts.grain, cal));
    last = Math.max(last, firstDayOf(p.index + 1, opts.grain, cal) - 1);
  }
  return { first, last };
}

function outputSpan(axis: PeriodAxis, opts: EvaluateOptions, cal: FiscalCalendar): Span {
  const at = (key: PeriodKey | undefined, fallback: number): number => {
    const p = key ? parsePeriodKey(key, cal) : undefined;
    return p && p.grain === opts.grain ? p.index : fallback;
  };
  return { start: at(opts.from, axis.origin), end: at(opts.to, axis.origin + axis.periods - 1) };
}

function membersOf(dimension: string, tables: ReadonlyArray<[string, ObservationTable]>): string[] {
  const members = new Set<string>();
  for (const [, t] of tables) t.text[dimension]?.dict.forEach((m) => m !== '' && members.add(m));
  return [...members].sort();
}

type Readers = Map<string, BaseReader | ErrorValue>;
const readerKey = (id: string, member: string | undefined): string => (member === undefined ? id : `${id}@${member}`);

function buildReaders(order: readonly string[], defs: ReadonlyMap<string, MetricDef>, opts: EvaluateOptions, axis: PeriodAxis, slices: ReadonlyArray<string | undefined>, problems: Problem[]): Readers {
  const readers: Readers = new Map();
  const bySource = new Map<string, Array<{ spec: BaseSpec; def: MetricDef }>>();
  for (const id of order) {
    const def = defs.get(id)!;
    if (def.kind !== 'base') continue;
    for (const member of slices) {
      const filters = Object.entries(def.filters ?? {}).map(([d, ms]) => [d, new Set(ms)] as const);
      if (member !== undefined) filters.push([opts.breakdown!, new Set([member])]);
      const aggregation = def.aggregation ?? 'sum';
      const spec: BaseSpec = {
        key: readerKey(id, member),
        measure: def.measure ?? 'amount',
        accounts: def.accounts,
        excludeAccounts: def.excludeAccounts,
        filters,
        needsExtremes: aggregation === 'min' || aggregation === 'max',
        needsLast: aggregation === 'last',
      };
      const source = def.source ?? DEFAULT_SOURCE;
      const entries = bySource.get(source) ?? [];
      entries.push({ spec, def });
      bySource.set(source, entries);
    }
  }
  for (const [source, entries] of bySource) {
    const input = opts.sources[source];
    const failure = sourceFailure(source, input, entries, problems);
    if (failure) {
      entries.forEach(({ spec }) => readers.set(spec.key, failure));
      continue;
    }
    const table = input as ObservationTable;
    let series;
    try {
      series = aggregateSource(table, entries.map((e) => e.spec), axis);
    } catch (err) {
      if (!(err instanceof AggregationError)) throw err;
      const detail = `${source}: ${err.message}`;
      entries.forEach(({ spec }) => readers.set(spec.key, new ErrorValue('SOURCE', detail)));
      continue;
    }
    const covered = coverage(table, axis);
    for (const { spec, def } of entries) {
      readers.set(spec.key, new BaseReader(series.get(spec.key)!, def.aggregation ?? 'sum', def.sign ?? 1, table.scale, covered.offsets, covered.text));
    }
  }
  return readers;
}

function sourceFailure(source: string, input: SourceInput | undefined, entries: ReadonlyArray<{ def: MetricDef }>, problems: Problem[]): ErrorValue | undefined {
  if (isFailure(input)) return new ErrorValue('SOURCE', `${source}: ${input.failed}`);
  if (!input) {
    problems.push(problem(`sources.${source}`, 'value.SOURCE', { detail: `source "${source}" was not loaded (used by ${entries.map((e) => e.def.id).join(', ')})` }, 'warning'));
    return new ErrorValue('SOURCE', `source "${source}" was not loaded`);
  }
  if (input.rows === 0) return new ErrorValue('MISSING', `source "${source}" has no rows`);
  return undefined;
}

function coverage(table: ObservationTable, axis: PeriodAxis): { offsets: { first: number; last: number }; text: string } {
  const { first, last } = dayBounds(table)!;
  return { offsets: { first: axis.offsetOfDay(first), last: axis.offsetOfDay(last) }, text: `data covers ${formatDay(first)} to ${formatDay(last)}` };
}

interface Computed {
  value: Value;
  exact?: string;
  fingerprint: number;
}

/** Evaluates metrics for one slice (the total, or one dimension member), memoising each (metric, span). */
class SliceEvaluator {
  private readonly memo = new Map<string, Computed>();
  private readonly active = new Set<string>();
  private readonly definitionHash = new Map<string, number>();
  private collecting: number[][] = [];

  constructor(
    private readonly defs: ReadonlyMap<string, MetricDef>,
    private readonly exprs: ReadonlyMap<string, Expr>,
    private readonly readers: Readers,
    private readonly axis: PeriodAxis,
    private readonly cal: FiscalCalendar,
    private readonly member: string | undefined,
    private readonly breakdown: string | undefined,
  ) {}

  value(id: string, period: number, key: PeriodKey): MetricValue {
    const c = this.compute(id, { start: period, end: period });
    const base: MetricValue = { metricId: id as MetricId, period: key, value: null, fingerprint: hex(c.fingerprint) };
    if (this.member !== undefined) base.member = this.member;
    if (isError(c.value)) {
      base.error = { kind: c.value.kind, detail: c.value.detail, message: localize(`value.${c.value.kind}`, { detail: c.value.detail }) };
      return base;
    }
    if (c.exact !== undefined) {
      base.value = c.value;
      base.exact = c.exact;
    } else if (this.defs.get(id)?.unit === 'currency') {
      // Money from a formula (revenue − cogs) is computed in doubles; its error is far below half a
      // cent, so rounding to cents gives the exact decimal result of the exact inputs.
      const cents = roundHalfAway(c.value * 100);
      base.value = cents / 100;
      base.exact = formatMinor(cents, 2);
    } else base.value = c.value;
    return base;
  }

  private compute(id: string, span: Span): Computed {
    const memoKey = `${id}:${span.start}:${span.end}`;
    const hit = this.memo.get(memoKey);
    if (hit) return hit;
    if (this.active.has(memoKey)) return { value: new ErrorValue('CYCLE', id), fingerprint: 0 };
    this.active.add(memoKey);
    const result = this.computeFresh(id, span);
    this.active.delete(memoKey);
    this.memo.set(memoKey, result);
    return result;
  }

  private computeFresh(id: string, span: Span): Computed {
    const def = this.defs.get(id);
    if (!def) return { value: new ErrorValue('REF', id), fingerprint: 0 };
    const defHash = this.hashOf(def);
    if (def.kind === 'base') {
      const reader = this.readers.get(readerKey(id, this.member));
      if (!reader || reader instanceof ErrorValue) return { value: reader ?? new ErrorValue('REF', id), fingerprint: defHash };
      const { value, exact } = reader.read(span.start - this.axis.origin, span.end - this.axis.origin);
      const fingerprint = fnv1a(`${exact ?? String(value)}`, defHash);
      return exact === undefined ? { value, fingerprint } : { value, exact, fingerprint };
    }
    const expr = this.exprs.get(id);
    if (!expr) return { value: new ErrorValue('REF', id), fingerprint: defHash };
    this.collecting.push([]);
    const value = evaluate(expr, span, this.context(def));
    const children = this.collecting.pop()!;
    return { value, fingerprint: fnv1a(children.join(','), defHash) };
  }

  private context(def: MetricDef): EvalContext {
    const grain = this.axis.grain;
    return {
      ref: (id, span) => {
        const c = this.compute(id, span);
        this.collecting[this.collecting.length - 1]?.push(c.fingerprint);
        return c.value;
      },
      prior: (s, n) => ({ start: s.start - n, end: s.end - n }),
      yearAgo: (s) => yearAgo(s, grain),
      toDate: (s, unit) => toDate(s, grain, this.cal, unit),
      rolling: (s, n) => rolling(s, n),
      days: (s) => daysOn(def.caliber?.dayBasis ?? 'actual', s, grain, this.axis),
    };
  }

  private hashOf(def: MetricDef): number {
    let h = this.definitionHash.get(def.id);
    if (h === undefined) {
      h = fnv1a(`${JSON.stringify(def)}|${this.breakdown ?? ''}=${this.member ?? ''}`);
      this.definitionHash.set(def.id, h);
    }
    return h;
  }
}

const MONTHS_PER: Partial<Record<Grain, number>> = { month: 1, quarter: 3, year: 12 };

function daysOn(basis: 360 | 365 | 'actual', s: Span, grain: Grain, axis: PeriodAxis): number {
  const months = MONTHS_PER[grain];
  if (basis === 'actual' || months === undefined) return axis.actualDays(s.start - axis.origin, s.end - axis.origin);
  return ((basis === 360 ? 360 : 365) / 12) * months * (s.end - s.start + 1);
}

const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x)) + 0;

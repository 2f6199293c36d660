import type { Catalog, MetricDef } from '../catalog';
import { concatTables, evaluateCatalog, type MetricValue, type ObservationTable, type SourceInput } from '../engine';
import type { MessageCode, MessageParams } from '../i18n';
import { parsePeriodKey, type FiscalCalendar, type Grain } from '../periods';
import type { ReconcileSide } from './rule';
import type { SideValue } from './tolerance';

/** The one source name a side's metrics read in its private evaluation. */
export const SIDE_SOURCE = 'reconcile-side';

/** Why a rule could not be checked, as a message code and its parameters. */
export interface RuleError {
  code: MessageCode;
  params: MessageParams;
}

/** A side's table: its source, or its sources read as one. */
export function sideTable(side: ReconcileSide, sources: Readonly<Record<string, SourceInput>>): { table: ObservationTable } | { error: RuleError } {
  const tables: ObservationTable[] = [];
  for (const name of [side.source, ...(side.plus ?? [])]) {
    const input = sources[name];
    if (input === undefined) return { error: { code: 'reconcile.sourceMissing', params: { source: name, known: Object.keys(sources).join(', ') || '—' } } };
    if ('failed' in input) return { error: { code: 'reconcile.sourceFailed', params: { source: name, detail: input.failed } } };
    if (input.rows === 0) return { error: { code: 'reconcile.sourceEmpty', params: { source: name } } };
    tables.push(input);
  }
  return { table: concatTables(tables) };
}

/** The catalog as one side sees it: the rule's own metrics added, and every base metric reading the side's table. */
export function sideCatalog(catalog: Catalog, own: readonly MetricDef[]): Catalog {
  const metrics = [...catalog.metrics, ...own].map((m) => (m.kind === 'base' ? { ...m, source: SIDE_SOURCE } : m));
  return { ...catalog, metrics };
}

/** Period index → value of one side, already shifted onto the periods it is compared in. */
export type SideSeries = Map<number, { value: SideValue | null; detail?: string }>;

/** member → series of one side broken down by a dimension. */
export type MemberSeries = Map<string, SideSeries>;

interface SideRun {
  catalog: Catalog;
  metric: string;
  table: ObservationTable;
  grain: Grain;
  cal: FiscalCalendar;
  shift: number;
}

/** Evaluates a side's metric over every period of its data (and per member when `breakdown` is set). */
export function evaluateSide(run: SideRun, breakdown?: string): { total: SideSeries; members: MemberSeries } {
  const ev = evaluateCatalog({ catalog: run.catalog, sources: { [SIDE_SOURCE]: run.table }, grain: run.grain, metrics: [run.metric], ...(breakdown ? { breakdown } : {}) });
  const total: SideSeries = new Map();
  const members: MemberSeries = new Map();
  for (const v of ev.values) {
    if (v.metricId !== run.metric) continue;
    const index = parsePeriodKey(v.period, run.cal)?.index;
    if (index === undefined) continue;
    // A value of period p, shifted by -1, is compared in period p + 1.
    const series = v.member === undefined ? total : seriesOf(members, v.member);
    series.set(index - run.shift, pointOf(v));
  }
  return { total, members };
}

function seriesOf(members: MemberSeries, member: string): SideSeries {
  let s = members.get(member);
  if (!s) {
    s = new Map();
    members.set(member, s);
  }
  return s;
}

function pointOf(v: MetricValue): { value: SideValue | null; detail?: string } {
  if (v.value === null) return { value: null, detail: v.error ? `#${v.error.kind} ${v.error.detail}` : '' };
  return { value: v.exact === undefined ? { value: v.value } : { value: v.value, exact: v.exact } };
}

import { metricExpression, validateCatalog, type Catalog, type MetricDef } from '../catalog';
import { locateJsonError } from '../catalog/json-error';
import { problem, type Problem } from '../errors';
import { refsOf } from '../formula';
import { CALENDAR_YEAR, parsePeriodKey, type Grain } from '../periods';
import { reconcileFileShape, type ReconcileRule } from './rule';

export interface ReconcileCheck {
  /** Present only when there are no errors. */
  rules?: ReconcileRule[];
  problems: Problem[];
}

const EXAMPLE_KEY: Readonly<Record<Grain, string>> = { day: '2026-01-31', week: '2026-W05', month: '2026-01', quarter: '2026-Q1', year: '2026' };

/**
 * Validates reconciliation rules — a list of rules, or `{ "metrics": [...], "rules": [...] }` as
 * parsed JSON or as text — and lists every problem with its path. With a catalog, metric ids are
 * checked too. Each valid rule carries the file's metrics it needs in `metrics`.
 */
export function validateReconcileRules(json: unknown, refs: { catalog?: Pick<Catalog, 'metrics' | 'fiscalYearStartMonth' | 'fiscalYearLabel'> } = {}): ReconcileCheck {
  const problems: Problem[] = [];
  const parsed = typeof json === 'string' ? parseText(json, problems) : json;
  if (problems.length > 0) return { problems };
  if (typeof parsed !== 'object' || parsed === null) return { problems: [problem('$', 'reconcile.fileShape', { found: parsed === null ? 'null' : typeof parsed })] };
  const bare = Array.isArray(parsed);
  const base = bare ? '$' : '$.rules';
  const file: unknown = bare ? { rules: parsed as unknown[] } : parsed;
  reconcileFileShape.check(file, '$', problems);
  if (problems.length > 0) {
    // Paths of a bare list are `$[0]`, not `$.rules[0]`.
    return { problems: bare ? problems.map((p) => ({ ...p, path: p.path.replace(/^\$\.rules/, '$') })) : problems };
  }
  const { rules, metrics = [] } = file as { rules: ReconcileRule[]; metrics?: MetricDef[] };
  checkMetrics(metrics, refs.catalog, problems);
  rules.forEach((rule, i) => checkRule(rule, `${base}[${i}]`, metrics, refs.catalog, problems));
  checkDuplicates(rules.map((r) => r.id), base, 'reconcile.duplicateRule', problems);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { rules: rules.map((r) => withMetrics(r, metrics)), problems };
}

function parseText(text: string, problems: Problem[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const at = locateJsonError(text);
    const detail = `${err instanceof Error ? err.message : String(err)}${at ? ` (line ${at.line}, column ${at.column})` : ''}`;
    problems.push(problem('$', 'reconcile.json', { detail }));
    return undefined;
  }
}

function checkDuplicates(ids: readonly string[], base: string, code: 'reconcile.duplicateRule' | 'reconcile.duplicateMetric', problems: Problem[], field = ''): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else problems.push(problem(`${base}[${i}]${field}.id`, code, { id, first: `${base}[${seen}]${field}` }));
  });
}

/**
 * The file's metrics are checked as a catalog would check them (fields each kind needs, formulas,
 * references, cycles), together with the catalog's own so they may build on it.
 */
function checkMetrics(metrics: readonly MetricDef[], catalog: Pick<Catalog, 'metrics'> | undefined, problems: Problem[]): void {
  if (metrics.length === 0) return;
  checkDuplicates(metrics.map((m) => m.id), '$.metrics', 'reconcile.duplicateMetric', problems);
  const inCatalog = new Set(catalog?.metrics.map((m) => m.id));
  metrics.forEach((m, i) => {
    if (inCatalog.has(m.id)) problems.push(problem(`$.metrics[${i}].id`, 'reconcile.metricInCatalog', { id: m.id }));
  });
  const own = (path: string): boolean => {
    const i = /^\$\.metrics\[(\d+)\]/.exec(path);
    return i !== null && Number(i[1]) < metrics.length;
  };
  const others = catalog?.metrics.filter((m) => !metrics.some((x) => x.id === m.id)) ?? [];
  const check = validateCatalog({ schemaVersion: 1, currency: 'CNY', metrics: [...metrics, ...others] });
  problems.push(...check.problems.filter((p) => own(p.path) && p.code !== 'catalog.duplicateId'));
}

function checkRule(rule: ReconcileRule, path: string, metrics: readonly MetricDef[], catalog: Pick<Catalog, 'metrics' | 'fiscalYearStartMonth' | 'fiscalYearLabel'> | undefined, problems: Problem[]): void {
  if (rule.tolerance.absolute === undefined && rule.tolerance.percent === undefined) problems.push(problem(`${path}.tolerance`, 'reconcile.noTolerance'));
  const grain = rule.grain ?? 'month';
  const cal = { fiscalYearStartMonth: catalog?.fiscalYearStartMonth ?? CALENDAR_YEAR.fiscalYearStartMonth, fiscalYearLabel: catalog?.fiscalYearLabel ?? CALENDAR_YEAR.fiscalYearLabel };
  const index = (field: 'from' | 'to'): number | undefined => {
    const key = rule[field];
    if (key === undefined) return undefined;
    const p = parsePeriodKey(key, cal);
    if (p && p.grain === grain) return p.index;
    problems.push(problem(`${path}.${field}`, 'reconcile.badPeriod', { value: key, grain, example: EXAMPLE_KEY[grain] }));
    return undefined;
  };
  const from = index('from');
  const to = index('to');
  if (from !== undefined && to !== undefined && from > to) problems.push(problem(`${path}.from`, 'reconcile.periodOrder', { from: rule.from!, to: rule.to! }));
  if (rule.rowKey !== undefined && rule.traceBy?.includes(rule.rowKey)) {
    problems.push(problem(`${path}.traceBy`, 'reconcile.rowKeyTraced', { column: rule.rowKey }, 'warning'));
  }
  const known = new Set([...(catalog?.metrics.map((m) => m.id) ?? []), ...metrics.map((m) => m.id)]);
  for (const side of ['left', 'right'] as const) {
    const id = rule[side].metric;
    // Without a catalog only the file's own metrics are known, so an unknown id is left to the run.
    if (catalog && !known.has(id)) problems.push(problem(`${path}.${side}.metric`, 'reconcile.unknownMetric', { id }));
  }
}

/** The rule with the file metrics its sides reach (directly or through formulas) attached. */
function withMetrics(rule: ReconcileRule, metrics: readonly MetricDef[]): ReconcileRule {
  const byId = new Map(metrics.map((m) => [m.id, m] as const));
  const needed = new Set<string>();
  const visit = (id: string): void => {
    const m = byId.get(id);
    if (!m || needed.has(id)) return;
    needed.add(id);
    const { expr } = metricExpression(m, () => true, id);
    if (expr) refsOf(expr).forEach((r) => visit(r.id));
  };
  visit(rule.left.metric);
  visit(rule.right.metric);
  return needed.size === 0 ? rule : { ...rule, metrics: metrics.filter((m) => needed.has(m.id)) };
}

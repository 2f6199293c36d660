import { problem, type Problem } from '../errors';
import { findCycles, refsOf } from '../formula';
import { parsePeriodKey, type FiscalCalendar } from '../periods';
import { fieldRefs, metricExpression } from './compile';
import { CURRENCIES } from './currencies';
import { locateJsonError } from './json-error';
import { catalogShape, KIND_FIELDS, KIND_SPECIFIC_FIELDS, type Catalog, type MetricDef } from './schema';

export interface CatalogCheck {
  /** Present only when there are no errors. */
  catalog?: Catalog;
  problems: Problem[];
}

/** Parses catalog JSON text; a syntax error is reported with its line and column. */
export function parseCatalog(text: string): CatalogCheck {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { problems: [problem('$', 'catalog.json', { detail: jsonErrorDetail(text, err) })] };
  }
  return validateCatalog(value);
}

function jsonErrorDetail(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = locateJsonError(text);
  return at ? `${message.split('\n')[0]} (line ${at.line}, column ${at.column})` : message;
}

/** Checks shape and meaning and returns every problem at once, each with its JSON path. */
export function validateCatalog(value: unknown): CatalogCheck {
  const problems: Problem[] = [];
  const shapeOk = catalogShape.check(value, '$', problems);
  const doc = value as Partial<Catalog> | null;
  if (doc && typeof doc === 'object') {
    if (typeof doc.currency === 'string' && /^[A-Z]{3}$/.test(doc.currency) && !CURRENCIES.has(doc.currency)) {
      problems.push(problem('$.currency', 'catalog.unknownCurrency', { value: doc.currency }));
    }
    if (Array.isArray(doc.metrics)) checkMetrics(doc.metrics, calendarOf(doc), problems);
  }
  const hasError = problems.some((p) => p.severity === 'error');
  return shapeOk && !hasError ? { catalog: value as Catalog, problems } : { problems };
}

export const calendarOf = (c: Partial<Catalog>): FiscalCalendar => ({
  fiscalYearStartMonth: c.fiscalYearStartMonth ?? 1,
  fiscalYearLabel: c.fiscalYearLabel ?? 'end',
});

/** Semantic checks run on whatever each entry holds, so shape errors and meaning errors are listed together. */
const asMetric = (m: unknown): Partial<MetricDef> => (m !== null && typeof m === 'object' ? m : {});

function checkMetrics(raw: unknown[], cal: FiscalCalendar, problems: Problem[]): void {
  const metrics = raw.map((m, i) => ({ m: asMetric(m), path: `$.metrics[${i}]` }));
  const firstPath = new Map<string, string>();
  for (const { m, path } of metrics) {
    if (typeof m.id !== 'string') continue;
    const first = firstPath.get(m.id);
    if (first) problems.push(problem(`${path}.id`, 'catalog.duplicateId', { id: m.id, first }));
    else firstPath.set(m.id, path);
  }
  const known = (id: string): boolean => firstPath.has(id);
  const deps = new Map<string, string[]>();
  for (const { m, path } of metrics) {
    checkKindFields(m, path, problems);
    if (m.currency && /^[A-Z]{3}$/.test(m.currency) && !CURRENCIES.has(m.currency)) {
      problems.push(problem(`${path}.currency`, 'catalog.unknownCurrency', { value: m.currency }));
    }
    m.targets?.forEach((t, i) => {
      if (typeof t?.period === 'string' && !parsePeriodKey(t.period, cal)) {
        problems.push(problem(`${path}.targets[${i}].period`, 'catalog.badPeriod', { value: t.period }));
      }
    });
    const refs = metricRefs(m, path, known, problems);
    if (typeof m.id === 'string' && firstPath.get(m.id) === path) deps.set(m.id, refs);
  }
  for (const cycle of findCycles([...deps.keys()], (id) => deps.get(id) ?? [])) {
    const at = firstPath.get(cycle[0]!) ?? '$.metrics';
    problems.push(problem(at, 'catalog.cycle', { path: cycle.join(' → ') }));
  }
}

function checkKindFields(m: Partial<MetricDef>, path: string, problems: Problem[]): void {
  const rule = typeof m.kind === 'string' ? KIND_FIELDS[m.kind] : undefined;
  if (!rule) return;
  for (const field of rule.needs) {
    if (m[field as keyof MetricDef] === undefined) problems.push(problem(path, 'catalog.required', { field }));
  }
  for (const field of Object.keys(m)) {
    if (KIND_SPECIFIC_FIELDS.has(field) && !rule.needs.includes(field) && !rule.may.includes(field)) {
      problems.push(problem(`${path}.${field}`, 'catalog.kindField', { field, kind: m.kind ?? '' }));
    }
  }
}

function metricRefs(m: Partial<MetricDef>, path: string, known: (id: string) => boolean, problems: Problem[]): string[] {
  const refs: string[] = [];
  for (const [field, id] of fieldRefs(m)) {
    if (!known(id)) problems.push(problem(`${path}.${field}`, 'catalog.unknownMetric', { id }));
    refs.push(id);
  }
  if (m.kind === 'derived' && typeof m.formula === 'string') {
    const { expr, problems: formulaProblems } = metricExpression(m as MetricDef, known, path);
    problems.push(...formulaProblems);
    if (expr) refs.push(...refsOf(expr).map((r) => r.id));
  }
  return refs;
}

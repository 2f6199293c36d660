import type { Finding, FindingKind } from '../anomaly';
import type { MetricDef } from '../catalog';
import { arr, num, obj, oneOf, optional, str, type Infer, type JsonSchema, type Shape } from '../catalog/shape';
import { problem } from '../errors';
import { SEVERITIES, severityAtLeast } from './severity';

export const FINDING_KINDS = ['threshold', 'budget', 'change', 'robust', 'seasonal', 'levelShift', 'stale', 'missing', 'reconcile'] as const satisfies readonly FindingKind[];
// A compile error here means a new FindingKind was added without listing it above.
const everyKindListed: Exclude<FindingKind, (typeof FINDING_KINDS)[number]> extends never ? true : never = true;
void everyKindListed;

const text = (): Shape<string> => str({ minLength: 1 });
const list = <T>(item: Shape<T>, doc: string): Shape<T[]> => arr(item, { minItems: 1, doc });

export function bool(doc?: string): Shape<boolean> {
  const schema: JsonSchema = doc ? { type: 'boolean', description: doc } : { type: 'boolean' };
  return {
    check(value, path, out) {
      if (typeof value === 'boolean') return true;
      out.push(problem(path, 'catalog.type', { expected: 'boolean', found: value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value }));
      return false;
    },
    schema: () => schema,
  };
}

/** The facets shared by a rule's scope and its conditions; each given facet must match, any listed value will do. */
export const scopeFields = {
  metrics: optional(list(text(), 'Metric ids')),
  tags: optional(list(text(), 'Catalog tags; a metric with any of them matches')),
  departments: optional(list(text(), "The metric's department, or the department member the finding is about")),
  categories: optional(list(text(), 'Catalog categories')),
};
export const scopeShape = obj(scopeFields, { doc: 'Which metrics a rule watches' });
export type Scope = Infer<typeof scopeShape>;

const leafShape = obj(
  {
    severityAtLeast: optional(oneOf(SEVERITIES)),
    kinds: optional(list(oneOf(FINDING_KINDS), 'Finding kinds, e.g. ["threshold", "budget"]')),
    detectors: optional(list(text(), 'Detectors, e.g. ["mad", "yoy"]')),
    scoreAtLeast: optional(num({ min: 0, max: 1 })),
    favourable: optional(bool('true: good news only; false: bad news only')),
    deviationPctAtLeast: optional(num({ min: 0, doc: '|actual − expected| as a % of |expected|' })),
    ...scopeFields,
  },
  { doc: 'Tests on one finding; every test given must hold' },
);
export type LeafCondition = Infer<typeof leafShape>;
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] };

const GROUPS = ['all', 'any'] as const;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{all: [...]}`, `{any: [...]}` or a leaf; recursive, so the JSON Schema refers to `#/$defs/condition`. */
export const conditionShape: Shape<Condition> = {
  check(value, path, out) {
    const group = isRecord(value) ? GROUPS.find((g) => g in value) : undefined;
    if (!group || !isRecord(value)) {
      if (!leafShape.check(value, path, out)) return false;
      if (Object.keys(value as object).length > 0) return true;
      out.push(problem(path, 'alerts.emptyCondition'));
      return false;
    }
    const others = Object.keys(value).filter((k) => k !== group);
    if (others.length > 0) {
      out.push(problem(path, 'alerts.conditionMixed', { group, fields: others.join(', ') }));
      return false;
    }
    return list(conditionShape, '').check(value[group], `${path}.${group}`, out);
  },
  schema: () => ({ $ref: '#/$defs/condition' }),
};

export const conditionDefs = (): JsonSchema => ({
  condition: {
    anyOf: [
      ...GROUPS.map((g) => ({ type: 'object', properties: { [g]: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } }, required: [g], additionalProperties: false })),
      { ...leafShape.schema(), minProperties: 1 },
    ],
  },
});

/** |actual − expected| as a % of |expected|; unbounded when only expected is 0, null without both numbers. */
export function deviationPct(f: Pick<Finding, 'actual' | 'expected'>): number | null {
  if (f.actual === null || f.expected === null) return null;
  const gap = Math.abs(f.actual - f.expected);
  if (f.expected === 0) return gap === 0 ? 0 : Number.POSITIVE_INFINITY;
  return (gap / Math.abs(f.expected)) * 100;
}

const anyOf = <T>(wanted: readonly T[] | undefined, have: readonly T[]): boolean => wanted === undefined || have.some((h) => wanted.includes(h));

/** A finding about one department member belongs to that department as well as to the metric's own. */
function departmentsOf(f: Finding, def: MetricDef | undefined): string[] {
  const out = def?.department ? [def.department] : [];
  if (f.member?.dimension === 'department') out.push(f.member.member);
  return out;
}

export function matchesScope(scope: Scope, f: Finding, def: MetricDef | undefined): boolean {
  return (
    anyOf(scope.metrics, [f.metricId]) &&
    anyOf(scope.tags, def?.tags ?? []) &&
    anyOf(scope.departments, departmentsOf(f, def)) &&
    anyOf(scope.categories, def ? [def.category] : [])
  );
}

function matchesLeaf(c: LeafCondition, f: Finding, def: MetricDef | undefined): boolean {
  const deviation = c.deviationPctAtLeast === undefined ? null : deviationPct(f);
  return (
    (c.severityAtLeast === undefined || severityAtLeast(f.severity, c.severityAtLeast)) &&
    anyOf(c.kinds, [f.kind]) &&
    anyOf(c.detectors, [f.detector]) &&
    (c.scoreAtLeast === undefined || f.score >= c.scoreAtLeast) &&
    (c.favourable === undefined || f.favourable === c.favourable) &&
    (c.deviationPctAtLeast === undefined || (deviation !== null && deviation >= c.deviationPctAtLeast)) &&
    matchesScope(c, f, def)
  );
}

export function matchesCondition(c: Condition, f: Finding, def: MetricDef | undefined): boolean {
  if ('all' in c) return c.all.every((x) => matchesCondition(x, f, def));
  if ('any' in c) return c.any.some((x) => matchesCondition(x, f, def));
  return matchesLeaf(c, f, def);
}

/** Every metric id a condition names, with its path, for checking against the catalog. */
export function conditionMetricRefs(c: Condition, path: string): Array<[string, string]> {
  if ('all' in c) return c.all.flatMap((x, i) => conditionMetricRefs(x, `${path}.all[${i}]`));
  if ('any' in c) return c.any.flatMap((x, i) => conditionMetricRefs(x, `${path}.any[${i}]`));
  return (c.metrics ?? []).map((id, i) => [`${path}.metrics[${i}]`, id]);
}

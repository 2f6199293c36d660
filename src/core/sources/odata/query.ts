import { AppError } from '../../errors';
import { parseFieldPath } from '../jsonpath';
import type { FieldSpec, ODataSource, SourceFields } from '../shape';
import { fillTemplate, type TemplateValues } from '../template';

const pathOf = (spec: FieldSpec): string => (typeof spec === 'string' ? spec : spec.path);

/** The property a field path starts at (`Customer/Code` style nesting reads from the `Customer` property). */
function topProperty(spec: FieldSpec): string {
  const parsed = parseFieldPath(pathOf(spec));
  const first = 'path' in parsed ? parsed.path.segments[0] : undefined;
  return first?.kind === 'name' ? first.name : pathOf(spec);
}

const LITERALS: Array<[RegExp, RegExp | undefined]> = [
  [/^Edm\.Date$/, /^\d{4}-\d{2}-\d{2}$/],
  [/^Edm\.DateTimeOffset$/, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,12})?)?(Z|[+-]\d{2}:\d{2})$/],
  [/^Edm\.(Int16|Int32|Int64|Byte|SByte)$/, /^-?\d+$/],
  [/^Edm\.(Decimal|Double|Single)$/, /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/],
  [/^Edm\.Boolean$/, /^(true|false)$/],
  [/^Edm\.Guid$/, /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/],
];

/**
 * A value as an OData literal of the property's type. Text is always quoted with quotes doubled,
 * and anything else must match its type's literal form exactly, so a value can never change the
 * expression around it. Undefined when the value is not of that type.
 */
export function odataLiteral(value: string, edmType: string): string | undefined {
  for (const [type, form] of LITERALS) if (type.test(edmType)) return form?.test(value) ? value : undefined;
  return `'${value.replace(/'/g, "''")}'`;
}

interface Context {
  def: ODataSource;
  props: ReadonlyMap<string, string>;
  values: TemplateValues;
}

function requireProperty(ctx: Context, property: string, where: string): string {
  const type = ctx.props.get(property);
  if (type === undefined) {
    throw new AppError('source.unknownProperty', { source: ctx.def.id, entitySet: ctx.def.entitySet, property, where, available: [...ctx.props.keys()].join(', ') });
  }
  return type;
}

/** The property a mapped field reads, checked against $metadata so a renamed property fails before any data moves. */
function propertyOf(ctx: Context, where: string, spec: FieldSpec): string {
  const p = topProperty(spec);
  requireProperty(ctx, p, where);
  return p;
}

/** `$filter` from the definition's conditions; a condition whose placeholder has no value this time is left out. */
export function filterExpression(ctx: Context): string | undefined {
  const parts: string[] = [];
  for (const f of ctx.def.filter ?? []) {
    const value = fillTemplate(f.value, ctx.values);
    if (value === undefined) continue;
    const type = requireProperty(ctx, f.field, 'filter');
    const literal = odataLiteral(value, type);
    if (literal === undefined) throw new AppError('source.badLiteral', { source: ctx.def.id, field: f.field, type, value });
    parts.push(f.op === 'contains' || f.op === 'startswith' ? `${f.op}(${f.field},${literal})` : `${f.field} ${f.op} ${literal}`);
  }
  return parts.length ? parts.join(' and ') : undefined;
}

function mappedFields(def: ODataSource): Array<[string, FieldSpec]> {
  const f = def.fields;
  const out: Array<[string, FieldSpec]> = [['fields.date', f.date], ['fields.amount', f.amount]];
  if (f.account) out.push(['fields.account', f.account]);
  for (const [k, v] of Object.entries(f.dimensions ?? {})) out.push([`fields.dimensions.${k}`, v]);
  for (const [k, v] of Object.entries(f.measures ?? {})) out.push([`fields.measures.${k}`, v]);
  if (f.key) out.push(['fields.key', f.key]);
  return out;
}

export interface ODataPlan {
  params: Array<[string, string]>;
  /** The fields the answer's records are mapped with (for pushdown: the month instead of the date). */
  fields: SourceFields;
}

/** Rows as stored: `$select` of the mapped properties, `$filter`, optionally `$count`. */
export function rowsQuery(def: ODataSource, props: ReadonlyMap<string, string>, values: TemplateValues): ODataPlan {
  const ctx = { def, props, values };
  const select = [...new Set(mappedFields(def).map(([where, spec]) => propertyOf(ctx, where, spec)))];
  const params: Array<[string, string]> = [['$select', select.join(',')]];
  const filter = filterExpression(ctx);
  if (filter) params.push(['$filter', filter]);
  if (def.count) params.push(['$count', 'true']);
  return { params, fields: def.fields };
}

/**
 * The same observations aggregated on the server: `$apply=filter(…)/groupby((account, dimensions,
 * month), aggregate(amount with sum as amount…))`. One row per group crosses the wire, dated the
 * first of its month, so sums at month, quarter and year grain equal those of the raw rows.
 */
export function pushdownQuery(def: ODataSource, props: ReadonlyMap<string, string>, values: TemplateValues, monthField: string): ODataPlan {
  const ctx = { def, props, values };
  const f = def.fields;
  const groups = mappedFields(def)
    .filter(([where]) => where === 'fields.account' || where.startsWith('fields.dimensions.'))
    .map(([where, spec]) => propertyOf(ctx, where, spec));
  requireProperty(ctx, monthField, 'pushdown.monthField');
  const sums = mappedFields(def)
    .filter(([where]) => where === 'fields.amount' || where.startsWith('fields.measures.'))
    .map(([where, spec]) => propertyOf(ctx, where, spec))
    .map((p) => `${p} with sum as ${p}`);
  const filter = filterExpression(ctx);
  const apply = `${filter ? `filter(${filter})/` : ''}groupby((${[...new Set([...groups, monthField])].join(',')}),aggregate(${[...new Set(sums)].join(',')}))`;
  const date: FieldSpec = { path: monthField, type: 'date' };
  return { params: [['$apply', apply]], fields: { ...f, date, key: undefined, modified: undefined, deleted: undefined } };
}

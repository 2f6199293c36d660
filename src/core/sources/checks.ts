import { arr, type JsonSchema, type Shape } from '../catalog/shape';
import { locateJsonError } from '../catalog/json-error';
import { problem, type Problem } from '../errors';
import { hasWildcard, parseFieldPath, parseJsonPath } from './jsonpath';
import { sourceStructure, type FieldSpec, type FieldType, type ODataSource, type RestSource, type SourceDefinition, type SourceFields } from './shape';
import { bodyStrings, placeholdersIn } from './template';
import { isHttpUrl } from './url';

/** Header and query names that carry credentials: those belong in auth, with the value in the secret store. */
const CREDENTIAL_NAMES = /^(authorization|proxy-authorization|cookie|x-api-key|api[-_]?key|apikey|access[-_]?token|token|client[-_]?secret|password|secret)$/i;

type Role = keyof Omit<SourceFields, 'dimensions' | 'measures'> | 'dimension' | 'measure';
const ROLE_TYPES: Record<Role, readonly FieldType[]> = {
  date: ['date'],
  amount: ['number', 'decimal'],
  measure: ['number', 'decimal'],
  account: ['text'],
  dimension: ['text'],
  key: ['text'],
  modified: ['text', 'date'],
  deleted: ['boolean'],
};
const AMOUNT_ROLES: readonly Role[] = ['amount', 'measure'];

/** Checks of meaning on a structurally valid definition: paths, templates, URLs, field options, sync. */
export function checkSource(def: SourceDefinition, path: string, out: Problem[]): void {
  checkFields(def, `${path}.fields`, out);
  if (def.auth?.type === 'oauth2') checkUrl(def.auth.tokenUrl, `${path}.auth.tokenUrl`, out);
  if (def.kind === 'rest') checkRest(def, path, out);
  else checkOData(def, path, out);
}

function checkRest(def: RestSource, path: string, out: Problem[]): void {
  const { request } = def;
  checkUrl(request.url, `${path}.request.url`, out);
  const templates: Array<[string, string]> = [[`${path}.request.url`, request.url]];
  for (const [k, v] of Object.entries(request.query ?? {})) templates.push([`${path}.request.query.${k}`, v]);
  for (const [k, v] of Object.entries(request.headers ?? {})) templates.push([`${path}.request.headers.${k}`, v]);
  if (request.body) templates.push(...bodyStrings(request.body, `${path}.request.body`));
  const used = checkTemplates(templates, out);
  checkCredentialNames(Object.keys(request.headers ?? {}), `${path}.request.headers`, out);
  checkCredentialNames(Object.keys(request.query ?? {}), `${path}.request.query`, out);
  checkPath(def.records, `${path}.records`, out, false);
  const paging = def.paging;
  if (paging && 'in' in paging && paging.in === 'body' && (request.method !== 'POST' || !request.body)) {
    out.push(problem(`${path}.paging.in`, 'source.pagingInBody'));
  }
  if (paging?.style === 'page' || paging?.style === 'offset' || paging?.style === 'cursor' || paging?.style === 'nextLink') {
    for (const key of ['totalPath', 'totalPagesPath', 'nextPath'] as const) {
      const p = (paging as Partial<Record<typeof key, string>>)[key];
      if (p !== undefined) checkPath(p, `${path}.paging.${key}`, out, false);
    }
  }
  checkSync(def, used.has('since'), path, out);
}

function checkOData(def: ODataSource, path: string, out: Problem[]): void {
  checkUrl(def.service, `${path}.service`, out);
  checkTemplates((def.filter ?? []).map((f, i) => [`${path}.filter[${i}].value`, f.value] as [string, string]), out);
  checkCredentialNames(Object.keys(def.headers ?? {}), `${path}.headers`, out);
  if (def.fields.modified || def.fields.deleted) out.push(problem(`${path}.fields`, 'source.odataFullSync', {}, 'warning'));
}

/** Incremental sync needs a key to upsert by and a watermark to ask from; `{since}` without them cannot work. */
function checkSync(def: RestSource, usesSince: boolean, path: string, out: Problem[]): void {
  const { key, modified } = def.fields;
  if (usesSince && (!key || !modified)) {
    out.push(problem(`${path}.fields`, 'source.incrementalNeeds', { missing: [!key && 'key', !modified && 'modified'].filter(Boolean).join(', ') }));
  } else if (!usesSince && key && modified) {
    out.push(problem(`${path}.request`, 'source.noSinceParam', {}, 'warning'));
  }
}

function checkTemplates(templates: ReadonlyArray<[string, string]>, out: Problem[]): Set<string> {
  const used = new Set<string>();
  for (const [at, text] of templates) {
    const found = placeholdersIn(text);
    found.used.forEach((n) => used.add(n));
    for (const name of found.unknown) out.push(problem(at, 'source.unknownPlaceholder', { name: `{${name}}` }));
  }
  return used;
}

function checkUrl(url: string, at: string, out: Problem[]): void {
  if (!isHttpUrl(url)) out.push(problem(at, 'source.badUrl', { value: url }));
}

function checkCredentialNames(names: readonly string[], at: string, out: Problem[]): void {
  for (const name of names) if (CREDENTIAL_NAMES.test(name)) out.push(problem(`${at}.${name}`, 'source.credentialInDefinition', { name }));
}

function checkPath(text: string, at: string, out: Problem[], isField: boolean): void {
  const parsed = isField ? parseFieldPath(text) : parseJsonPath(text);
  if ('error' in parsed) out.push(problem(at, 'source.badPath', { path: text, detail: parsed.error, at: parsed.at + 1 }));
  else if (isField && hasWildcard(parsed.path)) out.push(problem(at, 'source.badPath', { path: text, detail: 'a field path cannot use [*]', at: text.indexOf('[*]') + 1 }));
}

function checkFields(def: SourceDefinition, path: string, out: Problem[]): void {
  const f = def.fields;
  const roles: Array<[Role, string, FieldSpec]> = [];
  for (const role of ['date', 'amount', 'account', 'key', 'modified', 'deleted'] as const) {
    const spec = f[role];
    if (spec !== undefined) roles.push([role, `${path}.${role}`, spec]);
  }
  for (const [name, spec] of Object.entries(f.dimensions ?? {})) {
    if (name === 'account' || name === 'amount') out.push(problem(`${path}.dimensions.${name}`, 'source.reservedDimension', { name }));
    roles.push(['dimension', `${path}.dimensions.${name}`, spec]);
  }
  for (const [name, spec] of Object.entries(f.measures ?? {})) roles.push(['measure', `${path}.measures.${name}`, spec]);
  for (const [role, at, spec] of roles) checkField(role, at, spec, def.scale ?? 2, out);
  if (f.deleted && !f.key) out.push(problem(`${path}.deleted`, 'source.incrementalNeeds', { missing: 'key' }));
}

function checkField(role: Role, at: string, spec: FieldSpec, scale: number, out: Problem[]): void {
  if (typeof spec === 'string') {
    checkPath(spec, at, out, true);
    return;
  }
  checkPath(spec.path, `${at}.path`, out, true);
  if (spec.type && !ROLE_TYPES[role].includes(spec.type)) {
    out.push(problem(`${at}.type`, 'catalog.enum', { value: spec.type, allowed: ROLE_TYPES[role].join(', ') }));
  }
  const misplaced: string[] = [];
  if (!AMOUNT_ROLES.includes(role)) misplaced.push(...(['sign', 'factor'] as const).filter((k) => spec[k] !== undefined));
  if (role !== 'date' && spec.dateOrder !== undefined) misplaced.push('dateOrder');
  // A record without its date, amount or key cannot become an observation, so these cannot be optional.
  if (spec.optional && (role === 'date' || role === 'amount' || role === 'key')) misplaced.push('optional');
  for (const option of misplaced) out.push(problem(`${at}.${option}`, 'source.fieldOption', { option, role }));
  if (spec.factor !== undefined) {
    const exp = factorExponent(spec.factor);
    if (exp === undefined || scale + exp < 0 || scale + exp > 8) out.push(problem(`${at}.factor`, 'source.badFactor', { value: spec.factor, scale }));
  }
}

/** 1000 → 3, 0.01 → −2; undefined when the factor is not a power of ten (the shift must stay exact). */
export function factorExponent(factor: number): number | undefined {
  for (let e = -8; e <= 8; e += 1) if (Number(`1e${e}`) === factor) return e;
  return undefined;
}

function structureAndMeaning(value: unknown, path: string, out: Problem[]): boolean {
  const start = out.length;
  if (!sourceStructure.check(value, path, out)) return false;
  checkSource(value as SourceDefinition, path, out);
  return !out.slice(start).some((p) => p.severity === 'error');
}

/** A source definition: structure and meaning together, as one shape (the catalog embeds it). */
export const sourceShape: Shape<SourceDefinition> = {
  check: structureAndMeaning,
  schema: (): JsonSchema => sourceStructure.schema(),
};

const sourceArray = arr(sourceShape, { doc: 'ERP sources that metrics name in "source"' });

/** The catalog's `sources` list: every definition checked, and ids unique. */
export const sourcesShape: Shape<SourceDefinition[]> = {
  check(value, path, out) {
    let ok = sourceArray.check(value, path, out);
    if (!Array.isArray(value)) return ok;
    const first = new Map<string, number>();
    value.forEach((s: unknown, i) => {
      const id = s !== null && typeof s === 'object' ? (s as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      const at = first.get(id);
      if (at === undefined) first.set(id, i);
      else {
        out.push(problem(`${path}[${i}].id`, 'source.duplicateId', { id, first: `${path}[${at}]` }));
        ok = false;
      }
    });
    return ok;
  },
  schema: () => sourceArray.schema(),
};

export interface SourceCheck {
  /** Present only when there are no errors. */
  source?: SourceDefinition;
  problems: Problem[];
}

/** Validates a parsed definition; every problem is listed with its JSON path. */
export function validateSource(value: unknown): SourceCheck {
  const problems: Problem[] = [];
  return sourceShape.check(value, '$', problems) ? { source: value as SourceDefinition, problems } : { problems };
}

/** Parses and validates definition text; a JSON syntax error names its line and column. */
export function parseSource(text: string): SourceCheck {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const at = locateJsonError(text);
    const detail = `${err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err)}${at ? ` (line ${at.line}, column ${at.column})` : ''}`;
    return { problems: [problem('$', 'source.definitionJson', { detail })] };
  }
  return validateSource(value);
}

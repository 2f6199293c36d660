import { validateAlertRules } from '../../core/alerts';
import { validateCatalog } from '../../core/catalog';
import { validateSource } from '../../core/sources';
import { problem, type Problem } from '../../core/errors';
import { isJsonObject } from '../domain/canonical';
import type { EntryId, EntryKind, JsonObject } from '../domain/model';
import { throwIfProblems } from './errors';
import { isText, isTextList, type FieldCheck } from './input';

/** Fields the service owns: the lifecycle sets `status`, and the revision is the version. */
const SERVER_OWNED = ['status', 'version'];

const checkVisibility: FieldCheck = (v, path, problems) => {
  if (!isJsonObject(v)) {
    problems.push(problem(path, 'catalog.type', { expected: 'object', found: Array.isArray(v) ? 'array' : typeof v }));
    return;
  }
  for (const [key, list] of Object.entries(v)) {
    if (key === 'roles' || key === 'departments') isTextList(isText({ max: 100 }))(list, `${path}.${key}`, problems);
    else problems.push(problem(`${path}.${key}`, 'catalog.unknownField', { field: key }));
  }
};

/**
 * The body to store for a definition, or every problem with it. Metrics are checked in full by
 * `checkMetricInCatalog`; sources and alert rules are owned by their own modules, so here only
 * what the service relies on is checked: the id, the department and the visibility.
 */
export function cleanDefinition(kind: EntryKind, id: EntryId, raw: unknown): JsonObject {
  const problems: Problem[] = [];
  if (!isJsonObject(raw)) {
    problems.push(problem('$', 'catalog.type', { expected: 'object', found: raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw }));
    throwIfProblems(problems);
    return {};
  }
  const body: JsonObject = Object.fromEntries(Object.entries(raw).filter(([k]) => kind !== 'metric' || !SERVER_OWNED.includes(k)));
  if (body['id'] === undefined) body['id'] = id;
  else if (body['id'] !== id) problems.push(problem('$.id', 'server.idMismatch', { got: JSON.stringify(body['id']), expected: id }));
  if (body['department'] !== undefined) isText({ max: 100 })(body['department'], '$.department', problems);
  if (kind !== 'metric' && body['visibility'] !== undefined) checkVisibility(body['visibility'], '$.visibility', problems);
  problems.push(...ownProblems(kind, body));
  throwIfProblems(problems);
  return body;
}

/** Fields the service adds to sources and alert rules for governance; their own schemas do not know them. */
const GOVERNANCE = ['department', 'visibility'];

/** Sources and alert rules checked by their own validators, so the service stores nothing a pane cannot run. */
function ownProblems(kind: EntryKind, body: JsonObject): Problem[] {
  if (kind === 'metric') return [];
  const own = Object.fromEntries(Object.entries(body).filter(([k]) => !GOVERNANCE.includes(k)));
  if (kind === 'source') return validateSource(own).problems;
  return validateAlertRules([own]).problems.map((p) => ({ ...p, path: p.path.replace(/^\$\[0\]/, '$') }));
}

export const departmentOf = (body: JsonObject): string | null => (typeof body['department'] === 'string' ? body['department'] : null);

/**
 * A metric is valid only among the others (references, cycles, currency), so it is checked with
 * the catalog's validator inside the catalog as it would be after the change. Problems located
 * elsewhere are not this change's doing and are left out, unless they are a cycle through it.
 */
export function checkMetricInCatalog(header: JsonObject, others: JsonObject[], candidate: JsonObject): void {
  const at = others.length;
  const doc = { ...header, metrics: [...others, candidate] };
  const own = `$.metrics[${at}]`;
  const id = typeof candidate['id'] === 'string' ? candidate['id'] : '';
  const problems = validateCatalog(doc)
    .problems.filter((p) => p.path === own || p.path.startsWith(`${own}.`) || (p.code === 'catalog.cycle' && String(p.params['path']).split(' → ').includes(id)))
    .map((p) => (p.path.startsWith(own) ? problem(`$${p.path.slice(own.length)}`, p.code, p.params, p.severity) : p));
  throwIfProblems(problems);
}

import { SCHEMA_VERSION, validateCatalog } from '../../core/catalog';
import { AppError, problem } from '../../core/errors';
import { visibleEntry } from '../domain/access';
import { canonicalJson, isJsonObject } from '../domain/canonical';
import { diffJson } from '../domain/diff';
import { catalogId, entryId, ID_PATTERN, type AuditDraft, type CatalogId, type Entry, type JsonObject, type User, type View } from '../domain/model';
import type { EntryWrite } from '../storage/repository';
import type { CatalogView, ImportResult } from '../api/types';
import { entryAudit, okOrThrow } from './commit-entry';
import type { ServiceDeps } from './deps';
import { cleanDefinition, departmentOf } from './definitions';
import { InvalidInput, throwIfProblems } from './errors';
import { optionalString } from './input';
import { assertAdmin } from './permissions';
import { etagOf, requirePrecondition, staleCatalog, type Conditions } from './preconditions';
import { catalogView } from './views';

/** The catalog document minus its metrics: what the catalogs table keeps as the header. */
function splitDocument(doc: JsonObject): { header: JsonObject; metrics: JsonObject[] } {
  const { metrics, $schema: _schema, ...header } = doc;
  return { header, metrics: Array.isArray(metrics) ? metrics.filter(isJsonObject) : [] };
}

/** Validates a whole catalog document with the catalog's own validator: every problem, with its path. */
function validDocument(raw: unknown, id: string): JsonObject {
  const check = validateCatalog(raw);
  const problems = [...check.problems];
  if (isJsonObject(raw) && raw['id'] !== undefined && raw['id'] !== id) {
    problems.push(problem('$.id', 'server.idMismatch', { got: JSON.stringify(raw['id']), expected: id }));
  }
  throwIfProblems(problems);
  if (!check.catalog || !isJsonObject(raw)) throw new InvalidInput(problems);
  return raw;
}

/** Catalogs as a whole: create, read, export and all-or-nothing import. */
export function catalogOperations(deps: ServiceDeps) {
  const { repo } = deps;

  async function snapshotOr404(id: CatalogId) {
    const snap = await repo.snapshot(id, 'metric');
    if (!snap) throw new AppError('server.notFound.catalog', { id });
    return snap;
  }

  /** What an import writes for one metric of the file, or nothing when it is unchanged. */
  function importWrite(user: User, current: Entry | undefined, body: JsonObject, at: string): EntryWrite | undefined {
    if (current && current.status !== 'deprecated' && canonicalJson(current.body) === canonicalJson(body)) return undefined;
    return {
      kind: 'metric',
      id: entryId(optionalString(body, 'id') ?? ''),
      expectRev: current?.rev ?? null,
      // An import can propose but not publish: each definition waits for a reviewer (maker-checker).
      next: {
        status: 'inReview',
        department: departmentOf(body),
        body,
        publishedBody: current?.publishedBody ?? null,
        publishedStatus: current?.publishedStatus ?? null,
        publishedRev: current?.publishedRev ?? null,
        editors: [user.id],
        updatedAt: at,
        updatedBy: user.id,
      },
      version: { action: 'import', diff: diffJson(current?.body, body), note: null },
    };
  }

  /** A definition left out of an imported catalog is deprecated, never deleted: its history stays. */
  function retireWrite(user: User, entry: Entry, at: string): EntryWrite {
    return {
      kind: 'metric',
      id: entry.id,
      expectRev: entry.rev,
      next: { ...entry, status: 'deprecated', publishedStatus: entry.publishedBody ? 'deprecated' : null, publishedRev: entry.rev + 1, updatedAt: at, updatedBy: user.id },
      version: { action: 'deprecate', diff: [], note: 'not in the imported catalog' },
    };
  }

  return {
    async list(): Promise<CatalogView[]> {
      return (await repo.listCatalogs()).map(catalogView);
    },

    async get(id: CatalogId): Promise<CatalogView> {
      const catalog = await repo.getCatalog(id);
      if (!catalog) throw new AppError('server.notFound.catalog', { id });
      return catalogView(catalog);
    },

    async create(user: User, raw: unknown): Promise<CatalogView> {
      assertAdmin(user, 'catalogs.create');
      const body = isJsonObject(raw) ? raw : {};
      const id = typeof body['id'] === 'string' ? body['id'] : '';
      if (!ID_PATTERN.test(id)) throw new InvalidInput([problem('$.id', 'catalog.pattern', { value: id, hint: 'lower_snake_case, starting with a letter' })]);
      const doc = validDocument({ schemaVersion: SCHEMA_VERSION, ...body, metrics: [] }, id);
      const { header } = splitDocument(doc);
      const at = deps.now();
      const audit: AuditDraft = { at, actor: user.id, action: 'catalog.create', catalogId: catalogId(id), target: id, detail: { header } };
      const result = await repo.commit({ catalogId: catalogId(id), create: { header, at, by: user.id }, entries: [], audit: [audit] });
      okOrThrow(result, catalogId(id), '*');
      deps.changed(catalogId(id));
      return { id, header, seq: 1, createdAt: at, createdBy: user.id };
    },

    /** The catalog document as this user may see it: hidden metrics are absent, not blanked. */
    async exportDocument(user: User, id: CatalogId, view: View): Promise<{ document: JsonObject; seq: number }> {
      const snap = await snapshotOr404(id);
      const metrics = snap.entries.flatMap((e) => {
        const shown = visibleEntry(user, e, view);
        return shown ? [{ ...shown.body, status: shown.status, version: e.rev }] : [];
      });
      return { document: { ...snap.catalog.header, id, metrics }, seq: snap.catalog.seq };
    },

    /** Replaces the catalog's metrics with a validated document in one transaction, or changes nothing. */
    async importDocument(user: User, id: CatalogId, conditions: Conditions, raw: unknown): Promise<ImportResult> {
      assertAdmin(user, 'catalogs.import');
      const pre = requirePrecondition(conditions, false);
      const snap = await snapshotOr404(id);
      const sent = pre.create ? '*' : pre.sent;
      if (pre.create || !pre.revs.includes(snap.catalog.seq)) throw staleCatalog(id, sent, snap.catalog.seq);
      const { header, metrics } = splitDocument(validDocument(raw, id));
      const at = deps.now();
      const current = new Map(snap.entries.map((e) => [e.id as string, e]));
      // The validator has checked every id: each is a lower_snake_case string.
      const bodies = metrics.map((m) => cleanDefinition('metric', entryId(optionalString(m, 'id') ?? ''), m));
      const writes = bodies.flatMap((body) => importWrite(user, current.get(optionalString(body, 'id') ?? ''), body, at) ?? []);
      const listed = new Set(bodies.map((b) => optionalString(b, 'id')));
      const retired = snap.entries.filter((e) => !listed.has(e.id) && e.status !== 'deprecated').map((e) => retireWrite(user, e, at));
      const entries = [...writes, ...retired];
      const audit: AuditDraft[] = [
        { at, actor: user.id, action: 'catalog.import', catalogId: id, target: id, detail: { metrics: bodies.length, changed: writes.length, deprecated: retired.length } },
        ...entries.map((w) => entryAudit(user, { catalogId: id, kind: w.kind, id: w.id }, w.version.action, (w.expectRev ?? 0) + 1, w.next, w.version)),
      ];
      const result = await repo.commit({ catalogId: id, expectSeq: snap.catalog.seq, header: { ...header, id }, entries, audit });
      const { seq } = okOrThrow(result, id, etagOf(snap.catalog.seq));
      deps.changed(id);
      return { catalogId: id, seq, changed: writes.length, deprecated: retired.length, unchanged: bodies.length - writes.length };
    },
  };
}

export type CatalogOperations = ReturnType<typeof catalogOperations>;

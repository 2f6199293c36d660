import { AppError } from '../../core/errors';
import { canSee, departmentDenial, visibleEntry, type Visible } from '../domain/access';
import { canonicalJson } from '../domain/canonical';
import { diffJson } from '../domain/diff';
import { canTransition, TRANSITIONS, type TransitionAction } from '../domain/lifecycle';
import { refText, type CatalogId, type CatalogRecord, type Entry, type EntryKind, type EntryRef, type EntryState, type JsonObject, type User, type UserId, type View } from '../domain/model';
import type { EntryList, EntryView, VersionView } from '../api/types';
import { commitEntry, entryNotFound } from './commit-entry';
import type { ServiceDeps } from './deps';
import { checkMetricInCatalog, cleanDefinition, departmentOf } from './definitions';
import { checkObject, isInteger, isText, optionalString } from './input';
import { assertRight } from './permissions';
import { matchRev, requirePrecondition, type Conditions, type Precondition } from './preconditions';
import { entryView, versionView } from './views';

const withEditor = (editors: readonly UserId[], user: UserId): UserId[] => (editors.includes(user) ? [...editors] : [...editors, user]);

/** Reading, editing and moving definitions (metrics, sources, alert rules) through their lifecycle. */
export function entryOperations(deps: ServiceDeps) {
  const { repo } = deps;

  async function catalogOr404(id: CatalogId): Promise<CatalogRecord> {
    const catalog = await repo.getCatalog(id);
    if (!catalog) throw new AppError('server.notFound.catalog', { id });
    return catalog;
  }

  /** The entry as this user may see it; absent and hidden look the same (404), so hidden ids do not leak. */
  async function visibleOr404(user: User, ref: EntryRef, view: View): Promise<{ entry: Entry; shown: Visible }> {
    const entry = await repo.getEntry(ref);
    const shown = entry && visibleEntry(user, entry, view);
    if (!entry || !shown) {
      await catalogOr404(ref.catalogId);
      throw entryNotFound(ref);
    }
    return { entry, shown };
  }

  const update = (pre: Precondition): Extract<Precondition, { create: false }> => {
    if (pre.create) throw new AppError('server.ifMatch.required');
    return pre;
  };

  /** The next working state after an edit or rollback: a draft, with the editor remembered for maker-checker. */
  function edited(user: User, current: Entry | undefined, body: JsonObject): EntryState {
    const reviewed = !current || current.status === 'published' || current.status === 'deprecated';
    return {
      status: 'draft',
      department: departmentOf(body),
      body,
      publishedBody: current?.publishedBody ?? null,
      publishedStatus: current?.publishedStatus ?? null,
      publishedRev: current?.publishedRev ?? null,
      editors: withEditor(reviewed ? [] : current.editors, user.id),
      updatedAt: deps.now(),
      updatedBy: user.id,
    };
  }

  async function checkMetric(ref: EntryRef, body: JsonObject): Promise<void> {
    const snap = await repo.snapshot(ref.catalogId, 'metric');
    if (!snap) throw new AppError('server.notFound.catalog', { id: ref.catalogId });
    const others = snap.entries.filter((e) => e.id !== ref.id && e.status !== 'deprecated').map((e) => e.body);
    checkMetricInCatalog(snap.catalog.header, others, body);
  }

  /** The whole history to those who may edit; to everyone else only the publications they may see. */
  async function versions(user: User, ref: EntryRef): Promise<VersionView[]> {
    const { entry } = await visibleOr404(user, ref, 'working');
    const editor = departmentDenial(user, 'edit', entry.department) === undefined;
    const all = await repo.listVersions(ref);
    return all.filter((v) => editor || ((v.action === 'publish' || v.action === 'deprecate') && canSee(user, v.body, entry.department))).map(versionView);
  }

  return {
    async list(user: User, catalogId: CatalogId, kind: EntryKind, view: View): Promise<EntryList> {
      const snap = await repo.snapshot(catalogId, kind);
      if (!snap) throw new AppError('server.notFound.catalog', { id: catalogId });
      const entries = snap.entries.flatMap((e) => {
        const shown = visibleEntry(user, e, view);
        return shown ? [entryView(e, shown)] : [];
      });
      return { catalogId, kind, seq: snap.catalog.seq, entries };
    },

    async get(user: User, ref: EntryRef, view: View): Promise<EntryView> {
      const { entry, shown } = await visibleOr404(user, ref, view);
      return entryView(entry, shown);
    },

    /** Creates (If-None-Match: *) or edits (If-Match) a definition; the result is a draft. */
    async put(user: User, ref: EntryRef, conditions: Conditions, raw: unknown): Promise<EntryView> {
      const pre = requirePrecondition(conditions, true);
      const current = await repo.getEntry(ref);
      if (!current) await catalogOr404(ref.catalogId);
      if (pre.create && current) throw new AppError('server.ifMatch.exists', { ref: refText(ref) });
      if (!pre.create && (!current || !visibleEntry(user, current, 'working'))) throw entryNotFound(ref);
      const body = cleanDefinition(ref.kind, ref.id, raw);
      if (current) assertRight(user, 'edit', ref, current.department, 'edit');
      assertRight(user, 'edit', ref, departmentOf(body), 'edit');
      if (!pre.create && current) matchRev(pre, ref, current.rev);
      if (ref.kind === 'metric') await checkMetric(ref, body);
      if (current && current.status === 'draft' && canonicalJson(current.body) === canonicalJson(body)) {
        return entryView(current, { view: 'working', status: current.status, body: current.body });
      }
      const next = edited(user, current, body);
      const action = current ? 'update' : 'create';
      const saved = await commitEntry(deps, user, ref, current, next, { action, diff: diffJson(current?.body, body), note: null });
      return entryView(saved, { view: 'working', status: saved.status, body: saved.body });
    },

    /** submit, publish, reject, deprecate: who may, from which status, and maker-checker for publish. */
    async transition(user: User, ref: EntryRef, action: TransitionAction, conditions: Conditions, raw: unknown): Promise<EntryView> {
      const pre = update(requirePrecondition(conditions, false));
      const note = raw === undefined ? null : optionalString(checkObject(raw, { note: { check: isText({ max: 2000 }) } }), 'note');
      const { entry } = await visibleOr404(user, ref, 'working');
      assertRight(user, action === 'submit' ? 'edit' : 'review', ref, entry.department, action);
      if (action === 'publish' && entry.editors.includes(user.id)) throw new AppError('server.forbidden.makerChecker', { ref: refText(ref) });
      matchRev(pre, ref, entry.rev);
      if (!canTransition(action, entry.status)) {
        throw new AppError('server.transition', { action, ref: refText(ref), status: entry.status, from: TRANSITIONS[action].from.join(', ') });
      }
      const to = TRANSITIONS[action].to;
      const rev = entry.rev + 1;
      const next: EntryState = {
        ...entry,
        status: to,
        editors: to === 'published' ? [] : entry.editors,
        publishedBody: to === 'published' ? entry.body : entry.publishedBody,
        publishedStatus: to === 'published' || to === 'deprecated' ? to : entry.publishedStatus,
        publishedRev: to === 'published' || to === 'deprecated' ? rev : entry.publishedRev,
        updatedAt: deps.now(),
        updatedBy: user.id,
      };
      const saved = await commitEntry(deps, user, ref, entry, next, { action, diff: [], note });
      return entryView(saved, { view: 'working', status: saved.status, body: saved.body });
    },

    /** Brings back an earlier version's definition as a new draft; it is reviewed again before panes see it. */
    async rollback(user: User, ref: EntryRef, conditions: Conditions, raw: unknown): Promise<EntryView> {
      const pre = update(requirePrecondition(conditions, false));
      const to = Number(checkObject(raw, { toRev: { check: isInteger(1, Number.MAX_SAFE_INTEGER), required: true } })['toRev']);
      const { entry } = await visibleOr404(user, ref, 'working');
      assertRight(user, 'edit', ref, entry.department, 'rollback');
      matchRev(pre, ref, entry.rev);
      const old = await repo.getVersion(ref, to);
      if (!old) throw new AppError('server.notFound.version', { ref: refText(ref), rev: to, last: `1–${entry.rev}` });
      assertRight(user, 'edit', ref, departmentOf(old.body), 'rollback');
      const next = edited(user, entry, old.body);
      const saved = await commitEntry(deps, user, ref, entry, next, { action: 'rollback', diff: diffJson(entry.body, old.body), note: `version ${to}` });
      return entryView(saved, { view: 'working', status: saved.status, body: saved.body });
    },

    versions,

    async version(user: User, ref: EntryRef, rev: number): Promise<VersionView> {
      const all = await versions(user, ref);
      const found = all.find((v) => v.rev === rev);
      if (!found) throw new AppError('server.notFound.version', { ref: refText(ref), rev, last: all.map((v) => v.rev).join(', ') || '—' });
      return found;
    },
  };
}

export type EntryOperations = ReturnType<typeof entryOperations>;

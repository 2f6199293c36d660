import { AppError } from '../../core/errors';
import { refText, type AuditDraft, type CatalogId, type DiffOp, type Entry, type EntryAction, type EntryRef, type EntryState, type User } from '../domain/model';
import type { CommitResult, Conflict, EntryWrite } from '../storage/repository';
import type { ServiceDeps } from './deps';
import { etagOf, staleCatalog } from './preconditions';

export const entryNotFound = (ref: EntryRef): AppError => new AppError('server.notFound.entry', { ref: refText(ref), catalog: ref.catalogId });

/** A storage conflict as the caller should hear it: someone else's change got there first. */
export function conflictError(conflict: Conflict, catalog: CatalogId, sent: string): AppError {
  if (conflict.on === 'catalog') {
    if (conflict.reason === 'missing') return new AppError('server.notFound.catalog', { id: catalog });
    if (conflict.reason === 'exists') return new AppError('server.catalog.exists', { id: catalog });
    return staleCatalog(catalog, sent, conflict.current);
  }
  const ref = { catalogId: catalog, kind: conflict.kind, id: conflict.id };
  if (conflict.reason === 'missing') return entryNotFound(ref);
  if (conflict.reason === 'exists') return new AppError('server.ifMatch.exists', { ref: refText(ref) });
  return new AppError('server.ifMatch.stale', { ref: refText(ref), yours: sent, current: conflict.current === null ? '—' : etagOf(conflict.current) });
}

export function okOrThrow(result: CommitResult, catalog: CatalogId, sent: string): { seq: number; revs: number[] } {
  if (!result.ok) throw conflictError(result.conflict, catalog, sent);
  return result;
}

export function entryAudit(actor: User, ref: EntryRef, action: EntryAction, rev: number, state: EntryState, extra: { note?: string | null; diff?: DiffOp[] }): AuditDraft {
  return {
    at: state.updatedAt,
    actor: actor.id,
    action: `entry.${action}`,
    catalogId: ref.catalogId,
    target: refText(ref),
    detail: { rev, status: state.status, note: extra.note ?? null, changedFields: (extra.diff ?? []).map((d) => d.path) },
  };
}

/**
 * Writes one definition's next state with compare-and-set on the rev it was computed from, with
 * its version and audit entry in the same transaction; returns the stored entry.
 */
export async function commitEntry(
  deps: ServiceDeps,
  actor: User,
  ref: EntryRef,
  current: Entry | undefined,
  next: EntryState,
  version: EntryWrite['version'],
): Promise<Entry> {
  const rev = (current?.rev ?? 0) + 1;
  const result = await deps.repo.commit({
    catalogId: ref.catalogId,
    entries: [{ kind: ref.kind, id: ref.id, expectRev: current?.rev ?? null, next, version }],
    audit: [entryAudit(actor, ref, version.action, rev, next, version)],
  });
  okOrThrow(result, ref.catalogId, current ? etagOf(current.rev) : '*');
  deps.changed(ref.catalogId);
  return { ...ref, ...next, rev, createdAt: current?.createdAt ?? next.updatedAt, createdBy: current?.createdBy ?? actor.id };
}

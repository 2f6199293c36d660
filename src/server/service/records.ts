import { AppError } from '../../core/errors';
import { visibleEntry } from '../domain/access';
import { entryId, type CatalogId, type User, type View } from '../domain/model';
import type { AuditView, ChangeList } from '../api/types';
import type { ServiceDeps } from './deps';
import { checkObject, isText, optionalString } from './input';
import { assertAdmin } from './permissions';
import { changeView, changeVisible } from './feed';
import { verifyStorage, type StorageReport } from './verify';
import { auditView } from './views';

const FEED_PAGE = 500;

/** The change feed, acknowledgements and the audit log. */
export function recordOperations(deps: ServiceDeps) {
  const { repo } = deps;

  return {
    /** Changes after `since` that this user may see; `seq` is where to continue (and the ETag). */
    async changes(user: User, catalog: CatalogId, since: number, view: View): Promise<ChangeList> {
      const record = await repo.getCatalog(catalog);
      if (!record) throw new AppError('server.notFound.catalog', { id: catalog });
      const versions = await repo.versionsSince(catalog, since, FEED_PAGE);
      const last = versions[versions.length - 1]?.seq ?? since;
      // A full page continues from its last commit; otherwise the feed is read up to the catalog's head.
      const seq = versions.length >= FEED_PAGE ? last : Math.max(record.seq, last, since);
      return { catalogId: catalog, seq, changes: versions.filter((v) => changeVisible(user, v, view)).map(changeView) };
    },

    /** A reviewer's note on a metric's value, kept in the audit log like every change. */
    async acknowledge(user: User, catalog: CatalogId, raw: unknown): Promise<AuditView> {
      const body = checkObject(raw, {
        metric: { check: isText({ max: 64 }), required: true },
        period: { check: isText({ max: 32 }), required: true },
        note: { check: isText({ max: 2000 }), required: true },
        finding: { check: isText({ max: 200 }) },
      });
      const ref = { catalogId: catalog, kind: 'metric' as const, id: entryId(optionalString(body, 'metric') ?? '') };
      const entry = await repo.getEntry(ref);
      if (!entry || !visibleEntry(user, entry, 'published')) {
        throw new AppError('server.notFound.entry', { ref: `metrics/${ref.id}`, catalog });
      }
      const [saved] = await repo.appendAudit([
        { at: deps.now(), actor: user.id, action: 'ack.create', catalogId: catalog, target: `metrics/${ref.id}`, detail: body },
      ]);
      return auditView(saved!);
    },

    async acknowledgements(user: User, catalog: CatalogId, limit: number): Promise<AuditView[]> {
      const acks = await repo.auditOf(catalog, 'ack.create', limit);
      const entries = new Map<string, boolean>();
      const visible = async (target: string | null): Promise<boolean> => {
        const id = target?.replace(/^metrics\//, '') ?? '';
        if (!entries.has(id)) {
          const entry = await repo.getEntry({ catalogId: catalog, kind: 'metric', id: entryId(id) });
          entries.set(id, entry !== undefined && visibleEntry(user, entry, 'published') !== undefined);
        }
        return entries.get(id)!;
      };
      const shown: AuditView[] = [];
      for (const a of acks) if (await visible(a.target)) shown.push(auditView(a));
      return shown;
    },

    async audit(user: User, from: number, limit: number): Promise<AuditView[]> {
      assertAdmin(user, 'audit.read');
      return (await repo.auditFrom(from, limit)).map(auditView);
    },

    async verify(user: User): Promise<StorageReport> {
      assertAdmin(user, 'audit.verify');
      return verifyStorage(repo);
    },
  };
}

export type RecordOperations = ReturnType<typeof recordOperations>;

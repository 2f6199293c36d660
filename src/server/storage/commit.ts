import { AppError } from '../../core/errors';
import { sealAudit } from '../domain/audit-chain';
import { canonicalJson } from '../domain/canonical';
import type { AuditDraft, AuditRecord, CatalogId } from '../domain/model';
import type { CommitRequest, CommitResult, Conflict, EntryWrite } from './repository';
import { int, text } from './rows';
import type { Sql, SqlDatabase } from './sql';

/** Thrown inside a transaction to roll it back and report the conflict, never seen outside this module. */
class ConflictSignal extends Error {
  constructor(readonly conflict: Conflict) {
    super(`conflict on ${conflict.on}: ${conflict.reason}`);
  }
}

/**
 * One change in one transaction. Lock order is always catalog row → entry rows → audit head, so
 * concurrent commits (from any number of service instances) queue up and never deadlock. A
 * conflict rolls the whole transaction back and comes back as a result, not an exception.
 */
export async function commitTo(db: SqlDatabase, req: CommitRequest): Promise<CommitResult> {
  try {
    return await db.write(async (sql) => {
      const seq = await bumpCatalog(sql, req);
      const revs: number[] = [];
      for (const write of req.entries) revs.push(await writeEntry(sql, req.catalogId, write, seq));
      await appendAuditIn(sql, req.audit);
      return { ok: true, seq, revs } as const;
    });
  } catch (err) {
    if (err instanceof ConflictSignal) return { ok: false, conflict: err.conflict };
    throw err;
  }
}

async function bumpCatalog(sql: Sql, req: CommitRequest): Promise<number> {
  if (req.create) {
    const inserted = await sql.run(
      'INSERT INTO catalogs (id, header, seq, created_at, created_by) VALUES (?, ?, 1, ?, ?) ON CONFLICT (id) DO NOTHING',
      [req.catalogId, canonicalJson(req.create.header), req.create.at, req.create.by],
    );
    if (inserted === 0) throw new ConflictSignal({ on: 'catalog', reason: 'exists', current: await catalogSeq(sql, req.catalogId) });
    return 1;
  }
  const sets = req.header ? 'seq = seq + 1, header = ?' : 'seq = seq + 1';
  const params = [...(req.header ? [canonicalJson(req.header)] : []), req.catalogId, ...(req.expectSeq === undefined ? [] : [req.expectSeq])];
  const cas = req.expectSeq === undefined ? '' : ' AND seq = ?';
  const [row] = await sql.rows(`UPDATE catalogs SET ${sets} WHERE id = ?${cas} RETURNING seq`, params);
  if (row) return int(row, 'seq');
  const current = await catalogSeq(sql, req.catalogId);
  throw new ConflictSignal({ on: 'catalog', reason: current === null ? 'missing' : 'stale', current });
}

async function catalogSeq(sql: Sql, id: CatalogId): Promise<number | null> {
  const [row] = await sql.rows('SELECT seq FROM catalogs WHERE id = ?', [id]);
  return row ? int(row, 'seq') : null;
}

async function writeEntry(sql: Sql, catalog: CatalogId, w: EntryWrite, seq: number): Promise<number> {
  const n = w.next;
  const state = [
    n.status,
    n.department,
    canonicalJson(n.body),
    n.publishedBody === null ? null : canonicalJson(n.publishedBody),
    n.publishedStatus,
    n.publishedRev,
    canonicalJson(n.editors),
    n.updatedAt,
    n.updatedBy,
  ];
  const changed =
    w.expectRev === null
      ? await sql.run(
          `INSERT INTO entries (rev, status, department, body, published_body, published_status, published_rev, editors, updated_at,
             updated_by, created_at, created_by, catalog_id, kind, id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (catalog_id, kind, id) DO NOTHING`,
          [...state, n.updatedAt, n.updatedBy, catalog, w.kind, w.id],
        )
      : await sql.run(
          `UPDATE entries SET rev = rev + 1, status = ?, department = ?, body = ?, published_body = ?, published_status = ?,
             published_rev = ?, editors = ?, updated_at = ?, updated_by = ? WHERE catalog_id = ? AND kind = ? AND id = ? AND rev = ?`,
          [...state, catalog, w.kind, w.id, w.expectRev],
        );
  if (changed === 0) {
    const [row] = await sql.rows('SELECT rev FROM entries WHERE catalog_id = ? AND kind = ? AND id = ?', [catalog, w.kind, w.id]);
    const current = row ? int(row, 'rev') : null;
    const reason = w.expectRev === null ? 'exists' : current === null ? 'missing' : 'stale';
    throw new ConflictSignal({ on: 'entry', kind: w.kind, id: w.id, reason, current });
  }
  const rev = (w.expectRev ?? 0) + 1;
  await sql.run(
    `INSERT INTO versions (catalog_id, kind, entry_id, rev, seq, status, body, action, author, at, diff, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [catalog, w.kind, w.id, rev, seq, n.status, canonicalJson(n.body), w.version.action, n.updatedBy, n.updatedAt, JSON.stringify(w.version.diff), w.version.note],
  );
  return rev;
}

/** Chains entries onto the head, which is locked for the rest of the transaction (PostgreSQL: FOR UPDATE). */
export async function appendAuditIn(sql: Sql, drafts: readonly AuditDraft[]): Promise<AuditRecord[]> {
  if (drafts.length === 0) return [];
  const lock = sql.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const [head] = await sql.rows(`SELECT seq, hash FROM audit_head WHERE id = 1${lock}`);
  if (!head) throw new AppError('internal', { detail: 'the audit_head row is missing; the database was altered by hand' });
  let prev = { seq: int(head, 'seq'), hash: text(head, 'hash') };
  const sealed: AuditRecord[] = [];
  for (const draft of drafts) {
    const entry = sealAudit(prev, draft);
    await sql.run(
      'INSERT INTO audit (seq, at, actor, action, catalog_id, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [entry.seq, entry.at, entry.actor, entry.action, entry.catalogId, entry.target, canonicalJson(entry.detail), entry.prevHash, entry.hash],
    );
    sealed.push(entry);
    prev = entry;
  }
  await sql.run('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [prev.seq, prev.hash]);
  return sealed;
}

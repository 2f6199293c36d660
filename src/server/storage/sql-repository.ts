import { AppError } from '../../core/errors';
import { canonicalJson } from '../domain/canonical';
import { catalogId, ENTRY_KINDS, entryId, type CatalogId, type EntryKind, type EntryRef } from '../domain/model';
import { appendAuditIn, commitTo } from './commit';
import { migrate } from './migrations';
import { AUDIT_COLUMNS, ENTRY_COLUMNS, VERSION_COLUMNS, auditFrom, catalogFrom, entryFrom, tokenFrom, userFrom, versionFrom } from './records';
import type { CatalogRepository, VersionMismatch } from './repository';
import { int, oneOf, optInt, text } from './rows';
import type { Row, Sql, SqlDatabase, SqlValue } from './sql';

/** Database failures become one AppError at this edge; our own AppErrors pass through. */
async function mapped<T>(label: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('server.db.failed', { db: label, detail: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
}

const ENTRY_KEY = 'catalog_id = ? AND kind = ? AND id = ?';
const refParams = (ref: EntryRef): string[] => [ref.catalogId, ref.kind, ref.id];

/** The one repository, over either engine: the SQL is common, the adapters differ only in how they connect. */
export async function createSqlRepository(db: SqlDatabase): Promise<CatalogRepository> {
  try {
    await mapped(db.label, () => migrate(db));
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  const read = <T>(work: (sql: Sql) => Promise<T>): Promise<T> => mapped(db.label, () => db.read(work));
  const write = <T>(work: (sql: Sql) => Promise<T>): Promise<T> => mapped(db.label, () => db.write(work));
  const rows = (text: string, params: readonly SqlValue[] = []): Promise<Row[]> => mapped(db.label, () => db.query(text, params));

  return {
    backend: db.dialect,
    label: db.label,

    listCatalogs: async () => (await rows('SELECT * FROM catalogs ORDER BY id')).map(catalogFrom),
    getCatalog: async (id) => (await rows('SELECT * FROM catalogs WHERE id = ?', [id])).map(catalogFrom)[0],
    getEntry: async (ref) => (await rows(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE ${ENTRY_KEY}`, refParams(ref))).map(entryFrom)[0],
    snapshot: (id: CatalogId, kind?: EntryKind) =>
      read(async (sql) => {
        const [catalog] = (await sql.rows('SELECT * FROM catalogs WHERE id = ?', [id])).map(catalogFrom);
        if (!catalog) return undefined;
        const byKind = kind ? ' AND kind = ?' : '';
        const rows = await sql.rows(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE catalog_id = ?${byKind} ORDER BY kind, id`, kind ? [id, kind] : [id]);
        return { catalog, entries: rows.map(entryFrom) };
      }),
    listVersions: async (ref) =>
      (await rows(`SELECT ${VERSION_COLUMNS} FROM versions WHERE catalog_id = ? AND kind = ? AND entry_id = ? ORDER BY rev`, refParams(ref))).map(versionFrom),
    getVersion: async (ref, rev) =>
      (await rows(`SELECT ${VERSION_COLUMNS} FROM versions WHERE catalog_id = ? AND kind = ? AND entry_id = ? AND rev = ?`, [...refParams(ref), rev])).map(versionFrom)[0],
    // The page ends at a commit boundary: all versions of the last commit are included even past
    // the limit, so a cursor set to the last seq never skips part of a large import.
    versionsSince: async (id, seq, limit) =>
      (
        await rows(
          `SELECT ${VERSION_COLUMNS} FROM versions WHERE catalog_id = ? AND seq > ? AND seq <= COALESCE(
             (SELECT MAX(seq) FROM (SELECT seq FROM versions WHERE catalog_id = ? AND seq > ? ORDER BY seq LIMIT ?) page), ?)
           ORDER BY seq, kind, entry_id`,
          [id, seq, id, seq, limit, seq],
        )
      ).map(versionFrom),
    commit: (req) => mapped(db.label, () => commitTo(db, req)),

    getUser: async (id) => (await rows('SELECT * FROM users WHERE id = ?', [id])).map(userFrom)[0],
    listUsers: async () => (await rows('SELECT * FROM users ORDER BY id')).map(userFrom),
    createUser: (user, audit) =>
      write(async (sql) => {
        const inserted = await sql.run('INSERT INTO users (id, name, role, departments, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING', [
          user.id,
          user.name,
          user.role,
          canonicalJson(user.departments),
          user.createdAt,
        ]);
        if (inserted > 0) await appendAuditIn(sql, [audit]);
        return inserted > 0;
      }),
    getToken: async (id) => (await rows('SELECT * FROM tokens WHERE token_id = ?', [id])).map(tokenFrom)[0],
    listTokens: async (user) => (await rows('SELECT * FROM tokens WHERE user_id = ? ORDER BY created_at', [user])).map(tokenFrom),
    createToken: (t, audit) =>
      write(async (sql) => {
        await sql.run(
          'INSERT INTO tokens (token_id, user_id, salt, hash, label, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [t.tokenId, t.userId, t.salt, t.hash, t.label, t.createdAt, t.expiresAt, t.revokedAt],
        );
        await appendAuditIn(sql, [audit]);
      }),
    revokeToken: (id, at, audit) =>
      write(async (sql) => {
        const revoked = await sql.run('UPDATE tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL', [at, id]);
        if (revoked > 0) await appendAuditIn(sql, [audit]);
        return revoked > 0;
      }),

    appendAudit: (entries) => write((sql) => appendAuditIn(sql, entries)),
    auditFrom: async (from, limit) => (await rows(`SELECT ${AUDIT_COLUMNS} FROM audit WHERE seq >= ? ORDER BY seq LIMIT ?`, [from, limit])).map(auditFrom),
    auditOf: async (catalog, action, limit) =>
      (await rows(`SELECT ${AUDIT_COLUMNS} FROM audit WHERE catalog_id = ? AND action = ? ORDER BY seq DESC LIMIT ?`, [catalog, action, limit])).map(auditFrom),
    auditHead: async () => {
      const [row] = await rows('SELECT seq, hash FROM audit_head WHERE id = 1');
      if (!row) throw new AppError('internal', { detail: 'the audit_head row is missing; the database was altered by hand' });
      return { seq: int(row, 'seq'), hash: text(row, 'hash') };
    },
    checkVersions: () => read((sql) => checkVersionsIn(sql)),

    close: () => db.close(),
  };
}

/** Every entry must have versions 1..rev, the last holding exactly its current body and status. */
async function checkVersionsIn(sql: Sql): Promise<{ entries: number; versions: number; mismatches: VersionMismatch[] }> {
  const rows = await sql.rows(
    `SELECT e.catalog_id, e.kind, e.id, e.rev, e.status, e.body, v.status AS v_status, v.body AS v_body,
       (SELECT COUNT(*) FROM versions c WHERE c.catalog_id = e.catalog_id AND c.kind = e.kind AND c.entry_id = e.id) AS n,
       (SELECT MIN(rev) FROM versions c WHERE c.catalog_id = e.catalog_id AND c.kind = e.kind AND c.entry_id = e.id) AS lo,
       (SELECT MAX(rev) FROM versions c WHERE c.catalog_id = e.catalog_id AND c.kind = e.kind AND c.entry_id = e.id) AS hi
     FROM entries e LEFT JOIN versions v ON v.catalog_id = e.catalog_id AND v.kind = e.kind AND v.entry_id = e.id AND v.rev = e.rev
     ORDER BY e.catalog_id, e.kind, e.id`,
  );
  const [total] = await sql.rows('SELECT COUNT(*) AS n FROM versions');
  const mismatches: VersionMismatch[] = [];
  for (const row of rows) {
    const rev = int(row, 'rev');
    const [n, lo, hi] = [int(row, 'n'), optInt(row, 'lo') ?? 0, optInt(row, 'hi') ?? 0];
    const found = n === 0 ? '—' : n === hi - lo + 1 ? `${lo}–${hi}` : `${n} of ${lo}–${hi}`;
    const ref = { catalogId: catalogId(text(row, 'catalog_id')), kind: oneOf(row, 'kind', ENTRY_KINDS), id: entryId(text(row, 'id')), rev, found };
    if (n !== rev || lo !== 1 || hi !== rev) mismatches.push({ ...ref, issue: 'missing' });
    else if (row['v_body'] !== row['body'] || row['v_status'] !== row['status']) mismatches.push({ ...ref, issue: 'mismatch' });
  }
  return { entries: rows.length, versions: total ? int(total, 'n') : 0, mismatches };
}

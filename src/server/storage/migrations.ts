import { AppError } from '../../core/errors';
import { GENESIS_HASH } from '../domain/audit-chain';
import type { Dialect, SqlDatabase } from './sql';

/**
 * Schema changes, applied in order inside one transaction; `schema_migrations` remembers how far a
 * database got. Both engines share the tables; only the append-only triggers differ in syntax.
 * Timestamps are ISO-8601 text and JSON is text, so both engines store and hash the same bytes.
 */
const appendOnlySqlite = (table: string): string[] =>
  ['UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  );

const appendOnlyPostgres = (table: string): string[] => [
  `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION finpulse_append_only()`,
  `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION finpulse_append_only()`,
];

const MIGRATIONS: ReadonlyArray<(dialect: Dialect) => string[]> = [
  (dialect) => [
    `CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, departments TEXT NOT NULL, created_at TEXT NOT NULL)`,
    `CREATE TABLE tokens (token_id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), salt TEXT NOT NULL, hash TEXT NOT NULL,
       label TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT)`,
    `CREATE TABLE catalogs (id TEXT PRIMARY KEY, header TEXT NOT NULL, seq INTEGER NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL)`,
    `CREATE TABLE entries (catalog_id TEXT NOT NULL REFERENCES catalogs(id), kind TEXT NOT NULL, id TEXT NOT NULL, rev INTEGER NOT NULL,
       status TEXT NOT NULL, department TEXT, body TEXT NOT NULL, published_body TEXT, published_status TEXT, published_rev INTEGER,
       editors TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
       PRIMARY KEY (catalog_id, kind, id))`,
    `CREATE TABLE versions (catalog_id TEXT NOT NULL, kind TEXT NOT NULL, entry_id TEXT NOT NULL, rev INTEGER NOT NULL, seq INTEGER NOT NULL,
       status TEXT NOT NULL, body TEXT NOT NULL, action TEXT NOT NULL, author TEXT NOT NULL, at TEXT NOT NULL, diff TEXT NOT NULL, note TEXT,
       PRIMARY KEY (catalog_id, kind, entry_id, rev))`,
    `CREATE INDEX versions_by_seq ON versions (catalog_id, seq)`,
    `CREATE TABLE audit (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, catalog_id TEXT,
       target TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`,
    // One row that every audit append locks and moves: it orders appends across service instances
    // and lets `audit verify` notice entries cut from the end.
    `CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL)`,
    `INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${GENESIS_HASH}')`,
    ...(dialect === 'sqlite'
      ? [...appendOnlySqlite('audit'), ...appendOnlySqlite('versions')]
      : [
          `CREATE FUNCTION finpulse_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
          ...appendOnlyPostgres('audit'),
          ...appendOnlyPostgres('versions'),
        ]),
  ],
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to the current schema; several instances starting together take turns. */
export async function migrate(db: SqlDatabase): Promise<void> {
  await db.write(async (sql) => {
    if (sql.dialect === 'postgres') await sql.rows('SELECT pg_advisory_xact_lock(770700)');
    await sql.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const [row] = await sql.rows('SELECT MAX(version) AS v FROM schema_migrations');
    const done = Number(row?.['v'] ?? 0);
    if (done > SCHEMA_VERSION) throw new AppError('server.db.newer', { db: db.label, found: done, known: SCHEMA_VERSION });
    for (let v = done + 1; v <= SCHEMA_VERSION; v += 1) {
      for (const statement of MIGRATIONS[v - 1]!(sql.dialect)) await sql.run(statement);
      await sql.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [v, new Date().toISOString()]);
    }
  });
}

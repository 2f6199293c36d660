import pg from 'pg';
import { numberedPlaceholders, type Row, type Sql, type SqlDatabase } from './sql';

export interface PostgresOptions {
  /** Connections per service instance; several instances share one database. */
  maxConnections?: number;
}

/** `postgres://user:secret@host:5432/db` → `host:5432/db`, for messages and logs. */
export function postgresLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}

function wrap(client: pg.PoolClient): Sql {
  return {
    dialect: 'postgres',
    rows: async (text, params = []) => (await client.query<Row>(numberedPlaceholders(text), [...params])).rows,
    run: async (text, params = []) => (await client.query(numberedPlaceholders(text), [...params])).rowCount ?? 0,
  };
}

/** PostgreSQL for teams: every instance is stateless, and row locks in one transaction keep them honest. */
export function openPostgres(url: string, opts: PostgresOptions = {}): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max: opts.maxConnections ?? 10 });
  // An idle connection dropped by the server must not take the service down; the next query reconnects.
  pool.on('error', () => undefined);
  const inTransaction = async <T>(begin: string, work: (sql: Sql) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await work(wrap(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  return {
    dialect: 'postgres',
    label: postgresLabel(url),
    write: (work) => inTransaction('BEGIN', work),
    read: (work) => inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work),
    query: async (text, params = []) => (await pool.query<Row>(numberedPlaceholders(text), [...params])).rows,
    close: () => pool.end(),
  };
}

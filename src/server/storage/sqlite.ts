import Database from 'better-sqlite3';
import { AppError } from '../../core/errors';
import { SerialQueue } from './serial-queue';
import type { Row, Sql, SqlDatabase, SqlValue } from './sql';

interface Connection {
  db: Database.Database;
  queue: SerialQueue;
  statements: Map<string, Database.Statement<SqlValue[]>>;
  users: number;
}

/**
 * One connection per file per process. better-sqlite3 waits for a lock synchronously, so a second
 * connection in the same process would block the very event loop the lock holder needs to finish:
 * repositories opened on the same file share the connection and its queue instead.
 */
const connections = new Map<string, Connection>();

function connect(file: string): Connection {
  const shared = file === ':memory:' ? undefined : connections.get(file);
  if (shared) {
    shared.users += 1;
    return shared;
  }
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    throw new AppError('server.db.open', { db: file, detail: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
  const connection: Connection = { db, queue: new SerialQueue(), statements: new Map(), users: 1 };
  if (file !== ':memory:') connections.set(file, connection);
  return connection;
}

/**
 * The embedded default: one SQLite file in WAL mode, so `finpulse audit verify` can read while the
 * service writes, and synchronous=FULL so an acknowledged change survives a power cut too. The
 * queue keeps each transaction's statements together while its caller awaits between them.
 */
export function openSqlite(file: string): SqlDatabase {
  const conn = connect(file);
  const { db, queue } = conn;
  const prepared = (text: string): Database.Statement<SqlValue[]> => {
    let stmt = conn.statements.get(text);
    if (!stmt) {
      stmt = db.prepare<SqlValue[]>(text);
      conn.statements.set(text, stmt);
    }
    return stmt;
  };
  const sql: Sql = {
    dialect: 'sqlite',
    rows: (text, params = []) => Promise.resolve(prepared(text).all(...params) as Row[]),
    run: (text, params = []) => Promise.resolve(prepared(text).run(...params).changes),
  };
  const inTransaction = <T>(begin: string, work: (sql: Sql) => Promise<T>): Promise<T> =>
    queue.run(async () => {
      db.exec(begin);
      try {
        const result = await work(sql);
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    });
  let closed = false;
  return {
    dialect: 'sqlite',
    label: file,
    // IMMEDIATE takes the write lock up front, so two processes on one file wait instead of failing mid-way.
    write: (work) => inTransaction('BEGIN IMMEDIATE', work),
    read: (work) => inTransaction('BEGIN', work),
    query: (text, params = []) => queue.run(() => sql.rows(text, params)),
    close: () =>
      queue.run(() => {
        if (closed) return Promise.resolve();
        closed = true;
        conn.users -= 1;
        if (conn.users === 0) {
          connections.delete(file);
          db.close();
        }
        return Promise.resolve();
      }),
  };
}

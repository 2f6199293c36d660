/** The few things the repository needs from a SQL database; one adapter per engine implements it. */
export type SqlValue = string | number | null;
export type Row = Readonly<Record<string, unknown>>;
export type Dialect = 'sqlite' | 'postgres';

export interface Sql {
  readonly dialect: Dialect;
  /** Rows of a SELECT, or of a statement with RETURNING. Placeholders are `?`. */
  rows(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement and resolves to the number of rows it changed. */
  run(text: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDatabase {
  readonly dialect: Dialect;
  /** Where the data is, for messages: a file path, or host and database (never a password). */
  readonly label: string;
  /** One read-write transaction: committed when `work` resolves, rolled back when it throws. */
  write<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /** Several reads that see one consistent state. */
  read<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /** One statement on its own (autocommit): a single read needs no transaction around it. */
  query(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** `?` → `$1, $2, …` for PostgreSQL. Our statements never hold a literal `?`. */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${(n += 1)}`);
}

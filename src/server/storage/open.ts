import { resolve } from 'node:path';
import { AppError } from '../../core/errors';
import { openPostgres, type PostgresOptions } from './postgres';
import type { CatalogRepository } from './repository';
import { createSqlRepository } from './sql-repository';
import { openSqlite } from './sqlite';

/** The embedded default: a file next to the service. */
export const DEFAULT_DB = 'sqlite:finpulse-catalog.db';

/** `sqlite:FILE` or `postgres://…` (also `postgresql://…`) → a migrated repository. */
export async function openRepository(url: string = DEFAULT_DB, opts: PostgresOptions = {}): Promise<CatalogRepository> {
  if (/^postgres(ql)?:\/\//.test(url)) return createSqlRepository(openPostgres(url, opts));
  const file = /^sqlite:(.+)$/.exec(url)?.[1];
  if (!file) throw new AppError('server.db.url', { value: url });
  return createSqlRepository(openSqlite(file === ':memory:' ? file : resolve(file)));
}

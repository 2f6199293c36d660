import { AppError } from '../../core/errors';
import { isJson, isJsonObject } from '../domain/canonical';
import type { Json, JsonObject } from '../domain/model';
import type { Row } from './sql';

/** Column readers: a row that does not hold what the schema promises is a damaged database, said loudly. */
const damaged = (column: string, value: unknown): AppError =>
  new AppError('internal', { detail: `column ${column} holds ${JSON.stringify(value)}, which the schema does not allow` });

export function text(row: Row, column: string): string {
  const v = row[column];
  if (typeof v !== 'string') throw damaged(column, v);
  return v;
}

export function optText(row: Row, column: string): string | null {
  return row[column] === null || row[column] === undefined ? null : text(row, column);
}

/** PostgreSQL returns 64-bit aggregates (COUNT, MAX of bigint) as strings. */
export function int(row: Row, column: string): number {
  const v = row[column];
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  throw damaged(column, v);
}

export function optInt(row: Row, column: string): number | null {
  return row[column] === null || row[column] === undefined ? null : int(row, column);
}

export function json(row: Row, column: string): Json {
  const raw = text(row, column);
  const value: unknown = JSON.parse(raw);
  if (!isJson(value)) throw damaged(column, raw);
  return value;
}

export function jsonObject(row: Row, column: string): JsonObject {
  const value = json(row, column);
  if (!isJsonObject(value)) throw damaged(column, value);
  return value;
}

export function optJsonObject(row: Row, column: string): JsonObject | null {
  return row[column] === null || row[column] === undefined ? null : jsonObject(row, column);
}

export function stringArray(row: Row, column: string): string[] {
  const value = json(row, column);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw damaged(column, value);
  return value;
}

export function oneOf<T extends string>(row: Row, column: string, allowed: readonly T[]): T {
  const v = text(row, column);
  if (!(allowed as readonly string[]).includes(v)) throw damaged(column, v);
  return v as T;
}

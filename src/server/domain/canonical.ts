import type { Json } from './model';

/**
 * JSON with object keys sorted at every level and no spaces, so the same value always gives the
 * same text: the audit chain hashes this, and diffs compare with it.
 */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}

/** Narrows parsed JSON (or anything else) to the Json type, rejecting functions, undefined, NaN and cycles. */
export function isJson(value: unknown, seen: Set<object> = new Set()): value is Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  const ok = Array.isArray(value)
    ? value.every((v) => isJson(v, seen))
    : Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every((v) => isJson(v, seen));
  seen.delete(value);
  return ok;
}

export const isJsonObject = (value: unknown): value is { [key: string]: Json } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && isJson(value);

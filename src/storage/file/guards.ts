import type { AuditEntry, ValueRecord } from '../types';

/*
 * Shape checks for lines read back from disk: a hand-edited or damaged file must be reported,
 * not let through to crash the engine later with a missing field.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

export function isValueRecord(v: unknown): v is ValueRecord {
  return (
    isObject(v) &&
    typeof v.metricId === 'string' &&
    typeof v.period === 'string' &&
    (v.value === null || (typeof v.value === 'number' && Number.isFinite(v.value))) &&
    isOptionalString(v.error) &&
    typeof v.fingerprint === 'string' &&
    typeof v.computedAt === 'string'
  );
}

export function isAuditEntry(v: unknown): v is AuditEntry {
  return (
    isObject(v) &&
    typeof v.seq === 'number' &&
    Number.isSafeInteger(v.seq) &&
    v.seq > 0 &&
    typeof v.at === 'string' &&
    typeof v.actor === 'string' &&
    typeof v.action === 'string' &&
    typeof v.target === 'string' &&
    isOptionalString(v.note)
  );
}

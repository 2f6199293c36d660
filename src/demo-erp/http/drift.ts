import type { ErpRecord, Scalar } from '../data';
import type { Faults } from './faults';

export const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

export const hasDrift = (f: Faults): boolean => f.renameField !== null || f.retypeField !== null;

/**
 * Serves a row as the drifted schema would: a field renamed or sent as another JSON type. The
 * fault names REST fields (camelCase); on OData the PascalCase property of the same name drifts.
 */
export function drift(row: ErpRecord, f: Faults): ErpRecord {
  const out: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(row)) {
    const renamed = f.renameField && sameField(key, f.renameField.from) ? renameLike(key, f.renameField.to) : key;
    out[renamed] = f.retypeField && sameField(key, f.retypeField.field) ? retype(value, f.retypeField.as) : value;
  }
  return out;
}

const sameField = (key: string, field: string): boolean => key === field || key === pascal(field);
const renameLike = (key: string, to: string): string => (key.charAt(0) === key.charAt(0).toUpperCase() ? pascal(to) : to);

function retype(value: Scalar, as: 'string' | 'number'): Scalar {
  if (value === null) return null;
  if (as === 'string') return String(value);
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The malformed-page fault: the JSON cut in half, as a connection dropped mid-body would leave it. */
export const truncated = (body: string): string => body.slice(0, Math.max(1, Math.floor(body.length / 2)));

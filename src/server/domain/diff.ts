import { canonicalJson } from './canonical';
import type { DiffOp, Json } from './model';

const isObject = (v: Json | undefined): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Field-level differences between two versions of a definition, with JSON paths (`$.caliber.vat`).
 * Arrays are compared whole: a reordered list of accounts is one readable change, not a cascade.
 */
export function diffJson(before: Json | undefined, after: Json | undefined, path = '$'): DiffOp[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffJson(before[k], after[k], `${path}.${k}`));
  }
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [{ path, op: 'add', after: after! }];
  if (after === undefined) return [{ path, op: 'remove', before }];
  return canonicalJson(before) === canonicalJson(after) ? [] : [{ path, op: 'replace', before, after }];
}

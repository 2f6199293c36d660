import { AppError } from '../../core/errors';
import { refText, type EntryRef } from '../domain/model';

/** Every resource's ETag is its revision (definitions) or change sequence number (catalogs, feeds). */
export const etagOf = (n: number): string => `"${n}"`;

/** The conditional headers of a write, as sent. */
export interface Conditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

/** A write either creates (If-None-Match: *) or updates the revisions named in If-Match. */
export type Precondition = { create: true } | { create: false; revs: number[]; sent: string };

/** Splits an ETag list; a tag that is not one of ours matches nothing (and so ends in 412). */
function revsIn(header: string): number[] {
  return header
    .split(',')
    .map((tag) => /^\s*"(\d{1,15})"\s*$/.exec(tag)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
}

/** Writes must say which version they were computed from: no condition is 428, `*` is refused too. */
export function requirePrecondition(conditions: Conditions, allowCreate: boolean): Precondition {
  const ifMatch = conditions.ifMatch?.trim();
  if (ifMatch) {
    if (ifMatch === '*') throw new AppError('server.ifMatch.wildcard');
    return { create: false, revs: revsIn(ifMatch), sent: ifMatch };
  }
  if (allowCreate && conditions.ifNoneMatch?.trim() === '*') return { create: true };
  throw new AppError('server.ifMatch.required');
}

/** The single expected rev of an update after checking it against the current one (412 when stale). */
export function matchRev(pre: Precondition & { create: false }, ref: EntryRef, current: number): number {
  if (!pre.revs.includes(current)) throw new AppError('server.ifMatch.stale', { ref: refText(ref), yours: pre.sent, current: etagOf(current) });
  return current;
}

export const staleCatalog = (id: string, sent: string, current: number | null): AppError =>
  new AppError('server.catalog.stale', { id, yours: sent, current: current === null ? '—' : etagOf(current) });

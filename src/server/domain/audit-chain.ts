import { createHash } from 'node:crypto';
import { problem, type Problem } from '../../core/errors';
import { canonicalJson } from './canonical';
import type { AuditDraft, AuditRecord } from './model';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The text an entry's hash covers: every field but the hashes, in canonical JSON. */
export function auditContent(seq: number, draft: AuditDraft): string {
  return canonicalJson({
    seq,
    at: draft.at,
    actor: draft.actor,
    action: draft.action,
    catalogId: draft.catalogId,
    target: draft.target,
    detail: draft.detail,
  });
}

/** Each entry's hash is sha256(previous hash + canonical JSON of the entry): change one, and every later link breaks. */
export function chainHash(prevHash: string, seq: number, draft: AuditDraft): string {
  return createHash('sha256').update(prevHash).update(auditContent(seq, draft)).digest('hex');
}

export function sealAudit(prev: { seq: number; hash: string }, draft: AuditDraft): AuditRecord {
  const seq = prev.seq + 1;
  return { ...draft, seq, prevHash: prev.hash, hash: chainHash(prev.hash, seq, draft) };
}

/** Walks the log in pages; remembers only the last entry, so a large log verifies in constant memory. */
export class AuditChainVerifier {
  private last = { seq: 0, hash: GENESIS_HASH };
  readonly problems: Problem[] = [];
  count = 0;

  add(entry: AuditRecord): void {
    const at = `audit[${entry.seq}]`;
    if (entry.seq !== this.last.seq + 1) {
      this.problems.push(problem(at, 'server.audit.gap', { prev: this.last.seq, seq: entry.seq }));
    }
    if (entry.prevHash !== this.last.hash) {
      this.problems.push(problem(at, 'server.audit.link', { seq: entry.seq, prev: this.last.seq }));
    }
    if (chainHash(entry.prevHash, entry.seq, entry) !== entry.hash) {
      this.problems.push(problem(at, 'server.audit.hash', { seq: entry.seq }));
    }
    this.last = { seq: entry.seq, hash: entry.hash };
    this.count += 1;
  }

  /** The head row is written in the same transaction as each entry: a mismatch means the tail was cut or forged. */
  finish(head: { seq: number; hash: string }): { count: number; head: string; problems: Problem[] } {
    if (head.seq !== this.last.seq || head.hash !== this.last.hash) {
      this.problems.push(problem('audit.head', 'server.audit.head', { expected: head.seq, hash: head.hash.slice(0, 12), found: this.last.seq }));
    }
    return { count: this.count, head: this.last.hash, problems: this.problems };
  }
}

import { problem, type Problem } from '../../core/errors';
import { AuditChainVerifier } from '../domain/audit-chain';
import { refText } from '../domain/model';
import type { CatalogRepository } from '../storage/repository';

export interface StorageReport {
  ok: boolean;
  audit: { count: number; head: string };
  versions: { entries: number; versions: number };
  problems: Problem[];
}

const PAGE = 1000;

/**
 * Recomputes the audit hash chain from the first entry and checks that every definition's history
 * is whole (versions 1..rev, the last matching the current state). Used by `finpulse audit verify`
 * and by the admin API; after a crash this is what proves nothing was half-written.
 */
export async function verifyStorage(repo: CatalogRepository): Promise<StorageReport> {
  const head = await repo.auditHead();
  const chain = new AuditChainVerifier();
  for (let from = 1; ; ) {
    const page = await repo.auditFrom(from, PAGE);
    page.forEach((entry) => chain.add(entry));
    if (page.length < PAGE) break;
    from = page[page.length - 1]!.seq + 1;
  }
  const audit = chain.finish(head);
  const versions = await repo.checkVersions();
  const versionProblems: Problem[] = versions.mismatches.map((m) =>
    problem(`${m.catalogId}/${refText(m)}`, m.issue === 'missing' ? 'server.versions.missing' : 'server.versions.mismatch', {
      ref: refText(m),
      catalog: m.catalogId,
      rev: m.rev,
      found: m.found,
    }),
  );
  const problems = [...audit.problems, ...versionProblems];
  return {
    ok: problems.length === 0,
    audit: { count: audit.count, head: audit.head },
    versions: { entries: versions.entries, versions: versions.versions },
    problems,
  };
}

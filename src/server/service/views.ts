import type { Visible } from '../domain/access';
import type { AuditRecord, CatalogRecord, Entry, TokenRecord, User, Version } from '../domain/model';
import type { AuditView, CatalogView, EntryView, TokenView, UserView, VersionView } from '../api/types';
import { etagOf } from './preconditions';

/** Domain records → wire shapes. Only what the caller may see is ever passed in. */
export const entryView = (entry: Entry, shown: Visible): EntryView => ({
  catalogId: entry.catalogId,
  kind: entry.kind,
  id: entry.id,
  rev: entry.rev,
  etag: etagOf(entry.rev),
  view: shown.view,
  status: shown.status,
  department: entry.department,
  definition: shown.body,
  publishedRev: entry.publishedRev,
  updatedAt: entry.updatedAt,
  updatedBy: entry.updatedBy,
});

export const versionView = (v: Version): VersionView => ({
  rev: v.rev,
  seq: v.seq,
  status: v.status,
  action: v.action,
  author: v.author,
  at: v.at,
  diff: v.diff,
  note: v.note,
  definition: v.body,
});

export const catalogView = (c: CatalogRecord): CatalogView => ({ id: c.id, header: c.header, seq: c.seq, createdAt: c.createdAt, createdBy: c.createdBy });

export const userView = (u: User): UserView => ({ id: u.id, name: u.name, role: u.role, departments: u.departments, createdAt: u.createdAt });

export const tokenView = (t: TokenRecord): TokenView => ({
  tokenId: t.tokenId,
  userId: t.userId,
  label: t.label,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
});

export const auditView = (a: AuditRecord): AuditView => ({ ...a });

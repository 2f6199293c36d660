import type { Brand } from '../../core/brand';

/** A catalog's id in the service, e.g. `group_finance` (same pattern as metric ids). */
export type CatalogId = Brand<string, 'CatalogId'>;
/** A definition's id within its catalog and kind: a metric id, a source id or an alert rule id. */
export type EntryId = Brand<string, 'EntryId'>;
export type UserId = Brand<string, 'UserId'>;
/** The public half of an API token, used to look its record up; the secret half is never stored. */
export type TokenId = Brand<string, 'TokenId'>;

export const catalogId = (s: string): CatalogId => s as CatalogId;
export const entryId = (s: string): EntryId => s as EntryId;
export const userId = (s: string): UserId => s as UserId;
export const tokenId = (s: string): TokenId => s as TokenId;

/** Ids in URLs and bodies: lower snake case, as the catalog schema requires of metric ids. */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const ENTRY_KINDS = ['metric', 'source', 'alertRule'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
/** The URL collection of each kind: `/catalogs/:catalog/metrics/:id`. */
export const KIND_COLLECTIONS: Readonly<Record<EntryKind, string>> = { metric: 'metrics', source: 'sources', alertRule: 'alert-rules' };

export const ENTRY_STATUSES = ['draft', 'inReview', 'published', 'deprecated'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export type PublishedStatus = Extract<EntryStatus, 'published' | 'deprecated'>;

export const ROLES = ['admin', 'owner', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Published is what panes see; working is the latest edit, shown only to those who may edit it. */
export const VIEWS = ['published', 'working'] as const;
export type View = (typeof VIEWS)[number];

export interface User {
  id: UserId;
  name: string;
  role: Role;
  /** Departments the role applies to; an admin's role applies everywhere. */
  departments: string[];
  createdAt: string;
}

export interface EntryRef {
  catalogId: CatalogId;
  kind: EntryKind;
  id: EntryId;
}

/** What a change writes for one definition; the storage adds rev, created* and the version row. */
export interface EntryState {
  status: EntryStatus;
  /** Copied from the working body so permission checks and queries need not parse it. */
  department: string | null;
  body: JsonObject;
  publishedBody: JsonObject | null;
  publishedStatus: PublishedStatus | null;
  publishedRev: number | null;
  /** Everyone who edited since the last publication: none of them may approve it. */
  editors: UserId[];
  updatedAt: string;
  updatedBy: UserId;
}

export interface Entry extends EntryRef, EntryState {
  /** Bumped by every change, the compare-and-set token behind the ETag. */
  rev: number;
  createdAt: string;
  createdBy: UserId;
}

export type EntryAction = 'create' | 'update' | 'submit' | 'publish' | 'reject' | 'deprecate' | 'rollback' | 'import';

/** One field-level change between two versions of a body. */
export interface DiffOp {
  path: string;
  op: 'add' | 'remove' | 'replace';
  before?: Json;
  after?: Json;
}

export interface Version extends EntryRef {
  rev: number;
  /** The catalog's change sequence number of the commit that wrote it: the change feed's cursor. */
  seq: number;
  status: EntryStatus;
  body: JsonObject;
  action: EntryAction;
  author: UserId;
  at: string;
  diff: DiffOp[];
  note: string | null;
}

export interface CatalogRecord {
  id: CatalogId;
  /** The catalog document without its metrics: currency, fiscal year, names. */
  header: JsonObject;
  /** Bumped by every commit that touches the catalog; its ETag and the change feed's position. */
  seq: number;
  createdAt: string;
  createdBy: UserId;
}

export interface TokenRecord {
  tokenId: TokenId;
  userId: UserId;
  salt: string;
  /** sha256(salt + secret), hex. */
  hash: string;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface AuditDraft {
  at: string;
  actor: UserId;
  action: string;
  catalogId: CatalogId | null;
  target: string | null;
  detail: JsonObject;
}

export interface AuditRecord extends AuditDraft {
  seq: number;
  prevHash: string;
  hash: string;
}

/** A change-feed item: which definition moved, not its body (panes refetch what they may see). */
export interface Change extends EntryRef {
  seq: number;
  rev: number;
  status: EntryStatus;
  action: EntryAction;
  author: UserId;
  at: string;
}

export const refText = (ref: Pick<EntryRef, 'kind' | 'id'>): string => `${KIND_COLLECTIONS[ref.kind]}/${ref.id}`;

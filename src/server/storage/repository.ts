import type {
  AuditDraft,
  AuditRecord,
  CatalogId,
  CatalogRecord,
  DiffOp,
  Entry,
  EntryAction,
  EntryKind,
  EntryId,
  EntryRef,
  EntryState,
  JsonObject,
  TokenId,
  TokenRecord,
  User,
  UserId,
  Version,
} from '../domain/model';

/** One definition written by a commit: compare-and-set on its rev, plus the version row it adds. */
export interface EntryWrite {
  kind: EntryKind;
  id: EntryId;
  /** The rev the change was computed from; null when the definition must not exist yet. */
  expectRev: number | null;
  next: EntryState;
  version: { action: EntryAction; diff: DiffOp[]; note: string | null };
}

/** Everything one change writes, all or nothing. */
export interface CommitRequest {
  catalogId: CatalogId;
  /** Compare-and-set on the whole catalog (import); otherwise any catalog state will do. */
  expectSeq?: number;
  /** Creates the catalog; the commit fails with `exists` if it is already there. */
  create?: { header: JsonObject; at: string; by: UserId };
  /** Replaces the catalog header (import). */
  header?: JsonObject;
  entries: EntryWrite[];
  audit: AuditDraft[];
}

export type ConflictReason = 'missing' | 'stale' | 'exists';
export type Conflict =
  | { on: 'catalog'; reason: ConflictReason; current: number | null }
  | { on: 'entry'; kind: EntryKind; id: EntryId; reason: ConflictReason; current: number | null };

export type CommitResult = { ok: true; seq: number; revs: number[] } | { ok: false; conflict: Conflict };

/** Entries and versions that disagree, found by `checkVersions` (e.g. after a crash). */
export interface VersionMismatch extends EntryRef {
  rev: number;
  /** The revs the history holds for it, e.g. "1–3" or "1, 2, 4". */
  found: string;
  issue: 'missing' | 'mismatch';
}

/**
 * The catalog service's storage. SQLite and PostgreSQL implement it identically (one contract
 * suite runs against both). Every write is one transaction; `commit` is the only way definitions
 * change, and it appends their versions and audit entries in the same transaction.
 */
export interface CatalogRepository {
  readonly backend: 'sqlite' | 'postgres';
  readonly label: string;

  listCatalogs(): Promise<CatalogRecord[]>;
  getCatalog(id: CatalogId): Promise<CatalogRecord | undefined>;
  getEntry(ref: EntryRef): Promise<Entry | undefined>;
  /** The catalog and its entries as of one moment, so a list and its ETag agree. */
  snapshot(id: CatalogId, kind?: EntryKind): Promise<{ catalog: CatalogRecord; entries: Entry[] } | undefined>;
  listVersions(ref: EntryRef): Promise<Version[]>;
  getVersion(ref: EntryRef, rev: number): Promise<Version | undefined>;
  /** Versions written after `seq`, oldest first, about `limit` of them but always whole commits: the change feed. */
  versionsSince(id: CatalogId, seq: number, limit: number): Promise<Version[]>;
  commit(req: CommitRequest): Promise<CommitResult>;

  getUser(id: UserId): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  /** False when the id is taken. */
  createUser(user: User, audit: AuditDraft): Promise<boolean>;
  getToken(id: TokenId): Promise<TokenRecord | undefined>;
  listTokens(user: UserId): Promise<TokenRecord[]>;
  createToken(token: TokenRecord, audit: AuditDraft): Promise<void>;
  /** False when there is no such token or it was already revoked. */
  revokeToken(id: TokenId, at: string, audit: AuditDraft): Promise<boolean>;

  /** Appends entries that change nothing else, such as acknowledgements. */
  appendAudit(entries: AuditDraft[]): Promise<AuditRecord[]>;
  /** Entries with seq ≥ from, oldest first. */
  auditFrom(from: number, limit: number): Promise<AuditRecord[]>;
  /** The latest entries of one action in one catalog, newest first (e.g. acknowledgements). */
  auditOf(catalog: CatalogId, action: string, limit: number): Promise<AuditRecord[]>;
  auditHead(): Promise<{ seq: number; hash: string }>;
  /** Every entry whose rev has no matching version row; empty when the history is whole. */
  checkVersions(): Promise<{ entries: number; versions: number; mismatches: VersionMismatch[] }>;

  close(): Promise<void>;
}

import type { Localized } from '../../core/i18n';
import type { DiffOp, EntryKind, EntryStatus, JsonObject, Role, View } from '../domain/model';

/**
 * What goes over the wire, shared by the service and the pane's client. Plain data only: the
 * client imports this file's types and nothing that touches Node.
 */
export type { DiffOp, EntryKind, EntryStatus, Json, JsonObject, Role, View } from '../domain/model';
export { KIND_COLLECTIONS, ENTRY_KINDS, VIEWS } from '../domain/model';

export const API_PREFIX = '/api/v1';

export interface ProblemView {
  path: string;
  code: string;
  message: Localized;
}

/** Every refusal: a code, the message in the caller's language and in both, and any located problems. */
export interface ErrorBody {
  error: {
    code: string;
    status: number;
    message: string;
    text: Localized;
    params: Readonly<Record<string, string | number>>;
    problems?: ProblemView[];
  };
}

export interface UserView {
  id: string;
  name: string;
  role: Role;
  departments: string[];
  createdAt: string;
}

export interface TokenView {
  tokenId: string;
  userId: string;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Returned once when a token is issued; only its hash is kept. */
export interface IssuedToken extends TokenView {
  token: string;
}

export interface CatalogView {
  id: string;
  header: JsonObject;
  /** The catalog's change sequence number; its ETag is `"<seq>"`. */
  seq: number;
  createdAt: string;
  createdBy: string;
}

export interface EntryView {
  catalogId: string;
  kind: EntryKind;
  id: string;
  /** The working copy's revision: send `"<rev>"` in If-Match to change it (whatever view you read). */
  rev: number;
  etag: string;
  view: View;
  status: EntryStatus;
  department: string | null;
  definition: JsonObject;
  publishedRev: number | null;
  updatedAt: string;
  updatedBy: string;
}

export interface EntryList {
  catalogId: string;
  kind: EntryKind;
  seq: number;
  entries: EntryView[];
}

export interface VersionView {
  rev: number;
  seq: number;
  status: EntryStatus;
  action: string;
  author: string;
  at: string;
  diff: DiffOp[];
  note: string | null;
  definition: JsonObject;
}

export interface ChangeView {
  seq: number;
  kind: EntryKind;
  id: string;
  rev: number;
  status: EntryStatus;
  action: string;
  author: string;
  at: string;
}

export interface ChangeList {
  catalogId: string;
  /** Pass as `since` next time; the ETag of the feed is `"<seq>"`. */
  seq: number;
  changes: ChangeView[];
}

export interface ImportResult {
  catalogId: string;
  seq: number;
  changed: number;
  deprecated: number;
  unchanged: number;
}

export interface AuditView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  catalogId: string | null;
  target: string | null;
  detail: JsonObject;
  prevHash: string;
  hash: string;
}

export interface VerifyReport {
  ok: boolean;
  audit: { count: number; head: string };
  versions: { entries: number; versions: number };
  problems: ProblemView[];
}

export interface GatewayRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface GatewayResponse {
  status: number;
  url: string;
  headers: Record<string, string>;
  body: string;
}

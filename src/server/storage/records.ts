import { AppError } from '../../core/errors';
import { isJsonObject } from '../domain/canonical';
import {
  catalogId,
  ENTRY_KINDS,
  ENTRY_STATUSES,
  entryId,
  ROLES,
  tokenId,
  userId,
  type AuditRecord,
  type CatalogRecord,
  type DiffOp,
  type Entry,
  type EntryAction,
  type Json,
  type TokenRecord,
  type User,
  type Version,
} from '../domain/model';
import { int, json, jsonObject, oneOf, optInt, optJsonObject, optText, stringArray, text } from './rows';
import type { Row } from './sql';

/** Rows → domain records. The column lists below and these readers are the one mapping between them. */
export const ENTRY_COLUMNS =
  'catalog_id, kind, id, rev, status, department, body, published_body, published_status, published_rev, editors, created_at, created_by, updated_at, updated_by';
export const VERSION_COLUMNS = 'catalog_id, kind, entry_id, rev, seq, status, body, action, author, at, diff, note';
export const AUDIT_COLUMNS = 'seq, at, actor, action, catalog_id, target, detail, prev_hash, hash';

const ACTIONS: readonly EntryAction[] = ['create', 'update', 'submit', 'publish', 'reject', 'deprecate', 'rollback', 'import'];

export const catalogFrom = (row: Row): CatalogRecord => ({
  id: catalogId(text(row, 'id')),
  header: jsonObject(row, 'header'),
  seq: int(row, 'seq'),
  createdAt: text(row, 'created_at'),
  createdBy: userId(text(row, 'created_by')),
});

export function entryFrom(row: Row): Entry {
  const publishedStatus = optText(row, 'published_status');
  return {
    catalogId: catalogId(text(row, 'catalog_id')),
    kind: oneOf(row, 'kind', ENTRY_KINDS),
    id: entryId(text(row, 'id')),
    rev: int(row, 'rev'),
    status: oneOf(row, 'status', ENTRY_STATUSES),
    department: optText(row, 'department'),
    body: jsonObject(row, 'body'),
    publishedBody: optJsonObject(row, 'published_body'),
    publishedStatus: publishedStatus === null ? null : oneOf(row, 'published_status', ['published', 'deprecated'] as const),
    publishedRev: optInt(row, 'published_rev'),
    editors: stringArray(row, 'editors').map(userId),
    createdAt: text(row, 'created_at'),
    createdBy: userId(text(row, 'created_by')),
    updatedAt: text(row, 'updated_at'),
    updatedBy: userId(text(row, 'updated_by')),
  };
}

export const versionFrom = (row: Row): Version => ({
  catalogId: catalogId(text(row, 'catalog_id')),
  kind: oneOf(row, 'kind', ENTRY_KINDS),
  id: entryId(text(row, 'entry_id')),
  rev: int(row, 'rev'),
  seq: int(row, 'seq'),
  status: oneOf(row, 'status', ENTRY_STATUSES),
  body: jsonObject(row, 'body'),
  action: oneOf(row, 'action', ACTIONS),
  author: userId(text(row, 'author')),
  at: text(row, 'at'),
  diff: diffFrom(json(row, 'diff')),
  note: optText(row, 'note'),
});

const DIFF_OPS: readonly string[] = ['add', 'remove', 'replace'];

function diffFrom(value: Json): DiffOp[] {
  if (!Array.isArray(value)) throw new AppError('internal', { detail: 'a version diff is not a list' });
  return value.map((item) => {
    if (!isJsonObject(item) || typeof item['path'] !== 'string' || typeof item['op'] !== 'string' || !DIFF_OPS.includes(item['op'])) {
      throw new AppError('internal', { detail: `a version diff holds ${JSON.stringify(item)}` });
    }
    const op: DiffOp = { path: item['path'], op: item['op'] as DiffOp['op'] };
    if ('before' in item) op.before = item['before']!;
    if ('after' in item) op.after = item['after']!;
    return op;
  });
}

export const userFrom = (row: Row): User => ({
  id: userId(text(row, 'id')),
  name: text(row, 'name'),
  role: oneOf(row, 'role', ROLES),
  departments: stringArray(row, 'departments'),
  createdAt: text(row, 'created_at'),
});

export const tokenFrom = (row: Row): TokenRecord => ({
  tokenId: tokenId(text(row, 'token_id')),
  userId: userId(text(row, 'user_id')),
  salt: text(row, 'salt'),
  hash: text(row, 'hash'),
  label: text(row, 'label'),
  createdAt: text(row, 'created_at'),
  expiresAt: optText(row, 'expires_at'),
  revokedAt: optText(row, 'revoked_at'),
});

export const auditFrom = (row: Row): AuditRecord => {
  const catalog = optText(row, 'catalog_id');
  return {
    seq: int(row, 'seq'),
    at: text(row, 'at'),
    actor: userId(text(row, 'actor')),
    action: text(row, 'action'),
    catalogId: catalog === null ? null : catalogId(catalog),
    target: optText(row, 'target'),
    detail: jsonObject(row, 'detail'),
    prevHash: text(row, 'prev_hash'),
    hash: text(row, 'hash'),
  };
};

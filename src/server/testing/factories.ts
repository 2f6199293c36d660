import { catalogId, entryId, userId, type AuditDraft, type EntryState, type JsonObject, type User } from '../domain/model';
import type { CommitRequest, EntryWrite } from '../storage/repository';

export const T0 = '2026-01-05T09:00:00.000Z';
export const CATALOG = catalogId('group');

/** A valid metric definition body; override what the test is about. */
export function metricBody(id: string, overrides: JsonObject = {}): JsonObject {
  return {
    id,
    name: { 'zh-CN': id, 'en-US': id },
    category: 'test',
    unit: 'currency',
    direction: 'higherIsBetter',
    kind: 'base',
    accounts: ['6001*'],
    department: 'sales',
    ...overrides,
  };
}

export function makeUser(id: string, role: User['role'] = 'analyst', departments: string[] = ['sales']): User {
  return { id: userId(id), name: id, role, departments, createdAt: T0 };
}

export function draftState(body: JsonObject, by = 'alice', at = T0): EntryState {
  return {
    status: 'draft',
    department: typeof body['department'] === 'string' ? body['department'] : null,
    body,
    publishedBody: null,
    publishedStatus: null,
    publishedRev: null,
    editors: [userId(by)],
    updatedAt: at,
    updatedBy: userId(by),
  };
}

export const audit = (action: string, target: string, by = 'alice', at = T0): AuditDraft => ({
  at,
  actor: userId(by),
  action,
  catalogId: CATALOG,
  target,
  detail: { target },
});

export function metricWrite(id: string, expectRev: number | null, body: JsonObject = metricBody(id), by = 'alice'): EntryWrite {
  return { kind: 'metric', id: entryId(id), expectRev, next: draftState(body, by), version: { action: expectRev === null ? 'create' : 'update', diff: [], note: null } };
}

export const createCatalog = (by = 'admin'): CommitRequest => ({
  catalogId: CATALOG,
  create: { header: { schemaVersion: 1, currency: 'CNY' }, at: T0, by: userId(by) },
  entries: [],
  audit: [audit('catalog.create', 'group', by)],
});

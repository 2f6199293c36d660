import { canSee, visibleEntry } from './access';
import { AuditChainVerifier, GENESIS_HASH, sealAudit } from './audit-chain';
import { canonicalJson, isJson } from './canonical';
import { diffJson } from './diff';
import { canTransition } from './lifecycle';
import { catalogId, entryId, userId, type AuditDraft, type Entry, type User } from './model';

const user = (role: User['role'], departments: string[]): User => ({ id: userId('u'), name: 'u', role, departments, createdAt: '' });
const entry = (over: Partial<Entry> = {}): Entry => ({
  catalogId: catalogId('group'),
  kind: 'metric',
  id: entryId('revenue'),
  rev: 4,
  status: 'draft',
  department: 'sales',
  body: { id: 'revenue', decimals: 2 },
  publishedBody: { id: 'revenue' },
  publishedStatus: 'published',
  publishedRev: 3,
  editors: [],
  createdAt: '',
  createdBy: userId('a'),
  updatedAt: '',
  updatedBy: userId('a'),
  ...over,
});

describe('canonical JSON and diffs', () => {
  it('sorts keys at every level, so equal values give equal text', () => {
    expect(canonicalJson({ b: [{ y: 1, x: 2 }], a: 'é' })).toBe('{"a":"é","b":[{"x":2,"y":1}]}');
    expect(isJson({ a: [1, 'x', null, true] })).toBe(true);
    expect(isJson({ a: NaN })).toBe(false);
    expect(isJson(new Date())).toBe(false);
  });

  it('lists field-level changes with JSON paths, arrays compared whole', () => {
    expect(diffJson({ a: 1, c: { d: 1 }, l: [1, 2] }, { a: 1, b: 2, c: { d: 2 }, l: [2, 1] })).toStrictEqual([
      { path: '$.b', op: 'add', after: 2 },
      { path: '$.c.d', op: 'replace', before: 1, after: 2 },
      { path: '$.l', op: 'replace', before: [1, 2], after: [2, 1] },
    ]);
    expect(diffJson({ a: 1 }, {})).toStrictEqual([{ path: '$.a', op: 'remove', before: 1 }]);
  });
});

describe('who sees what', () => {
  it('gives editors the working copy and everyone else the published one', () => {
    expect(visibleEntry(user('analyst', ['sales']), entry(), 'working')?.body).toStrictEqual({ id: 'revenue', decimals: 2 });
    expect(visibleEntry(user('viewer', ['sales']), entry(), 'working')).toMatchObject({ view: 'published', body: { id: 'revenue' } });
    expect(visibleEntry(user('analyst', ['ops']), entry(), 'working')?.view).toBe('published');
    expect(visibleEntry(user('viewer', ['sales']), entry({ publishedBody: null, publishedStatus: null }), 'published')).toBeUndefined();
  });

  it('hides a definition from roles and departments outside its visibility, except admins and its editors', () => {
    const body = { visibility: { roles: ['owner'], departments: ['finance'] } };
    expect(canSee(user('viewer', ['finance']), body, 'sales')).toBe(false);
    expect(canSee(user('owner', ['hr']), body, 'sales')).toBe(false);
    expect(canSee(user('owner', ['finance']), body, 'sales')).toBe(true);
    expect(canSee(user('admin', []), body, 'sales')).toBe(true);
    expect(canSee(user('analyst', ['sales']), body, 'sales')).toBe(true);
  });

  it('moves through the lifecycle only from the allowed statuses', () => {
    expect(canTransition('publish', 'inReview')).toBe(true);
    expect(canTransition('publish', 'draft')).toBe(false);
    expect(canTransition('deprecate', 'published')).toBe(true);
    expect(canTransition('submit', 'published')).toBe(false);
  });
});

describe('audit hash chain', () => {
  const draft = (n: number): AuditDraft => ({ at: `2026-01-0${n}T00:00:00Z`, actor: userId('a'), action: 'x', catalogId: null, target: null, detail: { n } });

  it('links each entry to the previous hash and verifies a clean chain', () => {
    const first = sealAudit({ seq: 0, hash: GENESIS_HASH }, draft(1));
    const second = sealAudit(first, draft(2));
    expect(second.prevHash).toBe(first.hash);
    const verifier = new AuditChainVerifier();
    [first, second].forEach((e) => verifier.add(e));
    expect(verifier.finish({ seq: 2, hash: second.hash })).toStrictEqual({ count: 2, head: second.hash, problems: [] });
  });

  it('notices an edited detail even when the hash field is left alone', () => {
    const first = sealAudit({ seq: 0, hash: GENESIS_HASH }, draft(1));
    const verifier = new AuditChainVerifier();
    verifier.add({ ...first, detail: { n: 9 } });
    expect(verifier.finish({ seq: 1, hash: first.hash }).problems.map((p) => p.code)).toStrictEqual(['server.audit.hash']);
  });
});

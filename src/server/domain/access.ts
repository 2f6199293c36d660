import type { Entry, EntryStatus, JsonObject, Role, User, View } from './model';

/** What a role may do inside the departments it is scoped to (an admin: everywhere). */
const RIGHTS: Readonly<Record<Role, { edit: boolean; review: boolean }>> = {
  admin: { edit: true, review: true },
  owner: { edit: true, review: true },
  analyst: { edit: true, review: false },
  viewer: { edit: false, review: false },
};

export type Right = 'edit' | 'review';

/** The roles that hold a right, for messages that say what is needed. */
export const rolesWith = (right: Right): Role[] => (Object.keys(RIGHTS) as Role[]).filter((r) => RIGHTS[r][right]);

export const roleHas = (user: User, right: Right): boolean => RIGHTS[user.role][right];

/** Why a user may not exercise a right on a department, or undefined when they may. */
export function departmentDenial(user: User, right: Right, department: string | null): 'role' | 'shared' | 'department' | undefined {
  if (!roleHas(user, right)) return 'role';
  if (user.role === 'admin') return undefined;
  if (department === null) return 'shared';
  return user.departments.includes(department) ? undefined : 'department';
}

const stringList = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

/**
 * A definition's own `visibility` (roles and/or departments) decides who may see it at all.
 * Admins see everything; anyone who may edit it sees it too, or they could not maintain it.
 */
export function canSee(user: User, body: JsonObject, department: string | null): boolean {
  if (user.role === 'admin' || departmentDenial(user, 'edit', department) === undefined) return true;
  const vis = body['visibility'];
  if (vis === null || typeof vis !== 'object' || Array.isArray(vis)) return true;
  const roles = stringList(vis['roles']);
  const departments = stringList(vis['departments']);
  if (roles && !roles.includes(user.role)) return false;
  if (departments && !departments.some((d) => user.departments.includes(d))) return false;
  return true;
}

/** The representation of one definition a user gets, or undefined when it must be absent. */
export interface Visible {
  view: View;
  status: EntryStatus;
  body: JsonObject;
}

/**
 * Panes get the published definition; the working copy only when asked for and the user may edit
 * it. A definition never published is absent for everyone else, and so is one hidden by visibility.
 */
export function visibleEntry(user: User, entry: Entry, wanted: View): Visible | undefined {
  const editor = departmentDenial(user, 'edit', entry.department) === undefined;
  if (wanted === 'working' && editor) return { view: 'working', status: entry.status, body: entry.body };
  if (!entry.publishedBody || !entry.publishedStatus) return undefined;
  if (!canSee(user, entry.publishedBody, entry.department)) return undefined;
  return { view: 'published', status: entry.publishedStatus, body: entry.publishedBody };
}

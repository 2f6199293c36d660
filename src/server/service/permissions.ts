import { AppError } from '../../core/errors';
import { departmentDenial, rolesWith, type Right } from '../domain/access';
import { refText, type EntryRef, type User } from '../domain/model';

/** Throws the precise 403 for a right the user lacks on a department: role, shared entry or other department. */
export function assertRight(user: User, right: Right, ref: EntryRef, department: string | null, action: string): void {
  const denial = departmentDenial(user, right, department);
  if (denial === 'role') throw new AppError('server.forbidden.role', { role: user.role, action, need: rolesWith(right).join(' / ') });
  if (denial === 'shared') throw new AppError('server.forbidden.shared', { ref: refText(ref) });
  if (denial === 'department') {
    const departments = user.departments.length > 0 ? user.departments.map((d) => `"${d}"`).join(', ') : '—';
    throw new AppError('server.forbidden.department', { ref: refText(ref), department: department ?? '—', departments });
  }
}

export function assertAdmin(user: User, action: string): void {
  if (user.role !== 'admin') throw new AppError('server.forbidden.admin', { action });
}

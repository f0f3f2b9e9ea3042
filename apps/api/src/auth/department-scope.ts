import { AppError } from '../common/app-error';
import type { CurrentUser } from './current-user';

/**
 * The department a request may act on: a department user only ever their own (asking for another is
 * refused, not silently redirected); leaders and admins must name one.
 */
export function departmentInScope(user: CurrentUser, requested: number | undefined): number {
  if (user.role === 'department') {
    if (requested !== undefined && requested !== user.departmentId) throw forbiddenDepartment();
    return user.departmentId!;
  }
  if (requested === undefined)
    throw new AppError('INVALID_INPUT', '请指定单位 departmentId', 'Name a department (departmentId)');
  return requested;
}

export function forbiddenDepartment(): AppError {
  return new AppError(
    'FORBIDDEN',
    '只能查看和报送本单位的数据',
    'You may only see and report your own department’s figures',
  );
}

/** Refuses a department user acting on another department's data. */
export function assertOwnDepartment(user: CurrentUser, departmentId: number): void {
  if (user.role === 'department' && user.departmentId !== departmentId) throw forbiddenDepartment();
}

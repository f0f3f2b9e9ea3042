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

/**
 * The department to filter by, where naming none means every department: a department user always their own
 * (asking for another is refused), leaders and admins the one they name, if any.
 */
export function departmentFilter(user: CurrentUser, requested: number | undefined): number | undefined {
  if (user.role !== 'department') return requested;
  if (requested !== undefined && requested !== user.departmentId) throw forbiddenDepartment();
  return user.departmentId!;
}

/** Whether the user may see a department's own rows: leaders and admins every department's, a department user its own. */
export function seesDepartment(user: CurrentUser, departmentId: number): boolean {
  return user.role !== 'department' || departmentId === user.departmentId;
}

/** Refuses a department user a metric their department is not among the reporters of. */
export function assertReporter(
  user: CurrentUser,
  reporters: readonly { id: number }[],
  refusal: () => AppError = forbiddenDepartment,
): void {
  if (user.role === 'department' && !reporters.some((d) => d.id === user.departmentId)) throw refusal();
}

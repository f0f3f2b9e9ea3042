/** Every error a user can cause, with the code the global filter maps to an HTTP status. */
export type AppErrorCode = 'NOT_FOUND' | 'INVALID_INPUT' | 'PERIOD_OUTSIDE_PLAN';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

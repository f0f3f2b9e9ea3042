/** Every error a user can cause, with the code the global filter maps to an HTTP status. */
export const APP_ERROR_CODES = [
  'NOT_FOUND',
  'INVALID_INPUT',
  'INVALID_DATE',
  'INVALID_FIGURE',
  'PERIOD_OUTSIDE_PLAN',
  'DATE_OUTSIDE_CALENDAR',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CONFLICT',
  'TOO_MANY_ATTEMPTS',
  'FILE_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'EXPLANATION_REQUIRED',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** The shape shared by AppError and the domain's own errors (CalendarRangeError, InvalidDateError). */
export interface CodedError {
  code: AppErrorCode;
  messageZh: string;
  messageEn: string;
}

export interface ErrorDetail {
  sheet: string;
  row: number;
  messageZh: string;
  messageEn: string;
}

export class AppError extends Error implements CodedError {
  constructor(
    readonly code: AppErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: ErrorDetail[],
  ) {
    super(messageEn);
  }
}

export function isCodedError(error: unknown): error is CodedError {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Partial<CodedError>;
  return (
    typeof e.code === 'string' &&
    (APP_ERROR_CODES as readonly string[]).includes(e.code) &&
    typeof e.messageZh === 'string' &&
    typeof e.messageEn === 'string'
  );
}

/** Refuses an edit that names no field, listing the fields that can be changed (in the order the form shows them). */
export function assertSomethingToChange(input: object, fields: readonly string[]): void {
  if (Object.keys(input).length > 0) return;
  const last = fields[fields.length - 1];
  throw new AppError(
    'INVALID_INPUT',
    `没有要修改的内容：可修改 ${fields.join('、')}`,
    `Nothing to change: give ${fields.length > 1 ? `${fields.slice(0, -1).join(', ')} or ${last}` : last}`,
  );
}

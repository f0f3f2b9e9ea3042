import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorResponse } from '@taizhang/contracts';
import type { Response } from 'express';
import { isCodedError, type AppErrorCode, type CodedError } from './app-error';

function statusOf(code: AppErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'INVALID_INPUT':
    case 'INVALID_DATE':
    case 'INVALID_FIGURE':
    case 'PERIOD_OUTSIDE_PLAN':
    case 'DATE_OUTSIDE_CALENDAR':
      return HttpStatus.BAD_REQUEST;
    case 'UNAUTHORIZED':
      return HttpStatus.UNAUTHORIZED;
    case 'FORBIDDEN':
      return HttpStatus.FORBIDDEN;
    case 'CONFLICT':
      return HttpStatus.CONFLICT;
    case 'TOO_MANY_ATTEMPTS':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'FILE_TOO_LARGE':
    case 'PAYLOAD_TOO_LARGE':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'UNSUPPORTED_FILE':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case 'EXPLANATION_REQUIRED':
      return HttpStatus.UNPROCESSABLE_ENTITY;
  }
}

/** The answer to a coded error: its status, code and the two messages (and the rows at fault, when it names them). */
export function codedErrorResponse(error: CodedError): ErrorResponse {
  const { details, rules, fields } = error as unknown as Pick<ErrorResponse, 'details' | 'rules' | 'fields'>;
  return {
    statusCode: statusOf(error.code),
    code: error.code,
    messageZh: error.messageZh,
    messageEn: error.messageEn,
    ...(details ? { details } : {}),
    ...(rules ? { rules } : {}),
    ...(fields ? { fields } : {}),
  };
}

/** class-validator's own message for a field no DTO declares ("property foo should not exist"), in both languages. */
function bilingual(message: string): string {
  const unknown = /^(?:(.+)\.)?property (.+) should not exist$/.exec(message);
  if (!unknown) return message;
  const field = unknown[1] ? `${unknown[1]}.${unknown[2]}` : unknown[2];
  return `不接受字段 ${field}，请删除 / ${message}`;
}

/** One place turns errors into answers: a code, and a message in Chinese and English; never a stack trace. */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ErrorResponse {
    if (isCodedError(error)) return codedErrorResponse(error);
    if (error instanceof HttpException) {
      const statusCode = error.getStatus();
      const raw = error.getResponse();
      const messages =
        typeof raw === 'object' && raw && 'message' in raw
          ? ([] as unknown[]).concat((raw as { message: unknown }).message)
          : [error.message];
      const text = messages.map(String).join('; ');
      if (statusCode === 413)
        return {
          statusCode,
          code: 'FILE_TOO_LARGE',
          messageZh: '文件超过大小上限',
          messageEn: 'The file exceeds the size limit',
        };
      if (statusCode === 404)
        return { statusCode, code: 'NOT_FOUND', messageZh: '找不到请求的地址', messageEn: `Not found: ${text}` };
      // Validation messages are written "中文 / English" in the DTOs; split them for the two fields.
      const zh = messages.map((m) => bilingual(String(m)).split(' / ')[0]).join('；');
      const en = messages.map((m) => bilingual(String(m)).split(' / ').slice(-1)[0]).join('; ');
      return { statusCode, code: statusCode < 500 ? 'INVALID_INPUT' : 'INTERNAL', messageZh: zh, messageEn: en };
    }
    if (isStorageFault(error)) {
      this.logger.error(`Storage unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return {
        statusCode: 503,
        code: 'STORAGE_UNAVAILABLE',
        messageZh: '数据存储暂时不可用（磁盘已满、只读或数据库连接中断），本次操作未保存，请稍后重试',
        messageEn:
          'Storage is unavailable (disk full, read-only or the database connection is down); nothing was saved — please retry later',
      };
    }
    this.logger.error(error instanceof Error ? error.stack : String(error));
    return {
      statusCode: 500,
      code: 'INTERNAL',
      messageZh: '服务器内部错误，请稍后重试或联系管理员',
      messageEn: 'Internal error; please retry later or contact the administrator',
    };
  }
}

// Faults of the storage rather than of the request: SQLite's full/read-only/I/O errors (SQLITE_READONLY* when the
// connection is read-only, SQLITE_IOERR_WRITE when the filesystem refuses writes to the open files), PostgreSQL's
// read-only database (25006 read_only_sql_transaction: a hot standby, default_transaction_read_only), disk-full and
// connection classes, and the OS's own. They get 503 so that clients retry instead of giving up.
const STORAGE_CODES =
  /^(SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED)|25006|53100|53200|57P0[123]|08\d{3}|ECONNREFUSED|ECONNRESET|ENOSPC|EROFS|EIO)/;

function isStorageFault(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  return STORAGE_CODES.test(code) || /Connection terminated|connect ECONNREFUSED/.test(String(e?.message ?? ''));
}

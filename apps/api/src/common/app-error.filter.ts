import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorResponse } from '@taizhang/contracts';
import type { Response } from 'express';
import { isCodedError, type AppErrorCode } from './app-error';

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
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'UNSUPPORTED_FILE':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
  }
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
    if (isCodedError(error)) {
      const details = (error as { details?: ErrorResponse['details'] }).details;
      return { statusCode: statusOf(error.code), code: error.code, messageZh: error.messageZh, messageEn: error.messageEn, ...(details ? { details } : {}) };
    }
    if (error instanceof HttpException) {
      const statusCode = error.getStatus();
      const raw = error.getResponse();
      const messages = typeof raw === 'object' && raw && 'message' in raw ? ([] as unknown[]).concat((raw as { message: unknown }).message) : [error.message];
      const text = messages.map(String).join('; ');
      if (statusCode === 413) return { statusCode, code: 'FILE_TOO_LARGE', messageZh: '文件超过大小上限', messageEn: 'The file exceeds the size limit' };
      if (statusCode === 404) return { statusCode, code: 'NOT_FOUND', messageZh: '找不到请求的地址', messageEn: `Not found: ${text}` };
      // Validation messages are written "中文 / English" in the DTOs; split them for the two fields.
      const zh = messages.map((m) => bilingual(String(m)).split(' / ')[0]).join('；');
      const en = messages.map((m) => bilingual(String(m)).split(' / ').slice(-1)[0]).join('; ');
      return { statusCode, code: statusCode < 500 ? 'INVALID_INPUT' : 'INTERNAL', messageZh: zh, messageEn: en };
    }
    this.logger.error(error instanceof Error ? error.stack : String(error));
    return { statusCode: 500, code: 'INTERNAL', messageZh: '服务器内部错误，请稍后重试或联系管理员', messageEn: 'Internal error; please retry later or contact the administrator' };
  }
}

import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { AppError } from './app-error';
import { codedErrorResponse } from './app-error.filter';

/** A reviewed plan import (94 tasks with their text) is larger than body-parser's default 100 kB. */
export const JSON_BODY_LIMIT_MB = 5;
/** No request of ours nests deeper than a handful of levels; validation and serialisation recurse over what gets past. */
export const JSON_MAX_DEPTH = 32;

/** A NUL or a lone surrogate: PostgreSQL refuses such text (500 there, stored on SQLite), and no clerk types one. */
// eslint-disable-next-line no-control-regex -- finding the NUL control character is the point
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What is wrong with a parsed JSON value, walked with a stack of its own (a deep value must not overflow ours):
 * 'deep' when it nests deeper than `max` levels, 'text' when a string or key holds unstorable characters.
 */
export function bodyProblem(value: unknown, max: number): 'deep' | 'text' | null {
  const stack: Array<[object, number]> = typeof value === 'object' && value !== null ? [[value, 1]] : [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return 'deep';
    for (const [key, child] of Object.entries(node)) {
      if (UNSTORABLE_TEXT.test(key) || (typeof child === 'string' && UNSTORABLE_TEXT.test(child))) return 'text';
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return null;
}

/** What is wrong with a request body that body-parser read (or failed to read), as a coded error; null when nothing is. */
function refusalOf(error: unknown, body: unknown): AppError | null {
  if (error) {
    switch ((error as { type?: unknown }).type) {
      case 'entity.too.large':
        return new AppError(
          'PAYLOAD_TOO_LARGE',
          `请求内容超过 ${JSON_BODY_LIMIT_MB} MB 上限，请分批提交`,
          `The request body exceeds the ${JSON_BODY_LIMIT_MB} MB limit; send it in smaller parts`,
        );
      case 'entity.parse.failed':
        return new AppError(
          'INVALID_INPUT',
          '请求内容不是有效的 JSON（请检查括号、引号和逗号；NaN、Infinity 不是 JSON 数值）',
          'The request body is not valid JSON (check brackets, quotes and commas; NaN and Infinity are not JSON numbers)',
        );
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return new AppError(
          'INVALID_INPUT',
          '请求内容的字符集或压缩方式不受支持，请以 UTF-8 发送',
          'The character set or compression of the request body is not supported; send UTF-8',
        );
      default:
        // An aborted or garbled upload (a broken gzip stream, a wrong Content-Length): the client's fault, still a 4xx.
        return Number((error as { status?: unknown }).status) < 500
          ? new AppError(
              'INVALID_INPUT',
              '请求内容无法读取，请重新提交',
              'The request body could not be read; please send it again',
            )
          : null;
    }
  }
  if (body === undefined) return null;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return new AppError(
      'INVALID_INPUT',
      '请求内容应为 JSON 对象（以 { 开头）',
      'The request body must be a JSON object (starting with {)',
    );
  }
  switch (bodyProblem(body, JSON_MAX_DEPTH)) {
    case 'deep':
      return new AppError(
        'INVALID_INPUT',
        `请求内容嵌套超过 ${JSON_MAX_DEPTH} 层，已拒绝`,
        `The request body nests deeper than ${JSON_MAX_DEPTH} levels; refused`,
      );
    case 'text':
      return new AppError(
        'INVALID_INPUT',
        '请求内容含有无法保存的字符（空字符或不成对的代理字符），请删除后重新提交',
        'The request body holds characters that cannot be stored (a NUL or an unpaired surrogate); remove them and send it again',
      );
    case null:
      return null;
  }
}

/**
 * The JSON body parser of every route: body-parser with a size limit, then a top-level object no deeper than
 * JSON_MAX_DEPTH, or a 400/413 in both languages. The refusal is answered here rather than passed on with next(error):
 * the web app's static serving turns any error on an /api path into 404 "Cannot POST". Named `jsonParser` so that Nest
 * does not add its own parser in front of it.
 */
export function jsonBody(): RequestHandler {
  const parse = json({ limit: `${JSON_BODY_LIMIT_MB}mb`, strict: false });
  return function jsonParser(req: Request, res: Response, next: NextFunction): void {
    parse(req, res, (error?: unknown) => {
      const refusal = refusalOf(error, req.body);
      if (refusal) {
        const answer = codedErrorResponse(refusal);
        res.status(answer.statusCode).json(answer);
      } else next(error);
    });
  };
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppValidationPipe } from '../common/app-validation.pipe';
import { AppError } from '../common/app-error';
import { bodyProblem, JSON_MAX_DEPTH } from '../common/json-body';

/**
 * The body of POST /api/submissions: the JSON body, or — in a multipart request, which carries the evidence file too —
 * the JSON in its field `submission`. Either way it is then validated exactly as every other body is.
 */
export const SubmissionBody = createParamDecorator((_: unknown, ctx: ExecutionContext): unknown => {
  const request = ctx.switchToHttp().getRequest<Request>();
  return request.is('multipart/form-data')
    ? fromMultipart(request.body as Record<string, unknown> | undefined)
    : request.body;
});

/** The global pipe's rules, applied to the decorator above (global pipes pass custom decorators by). */
export const submissionBodyPipe = new AppValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  validateCustomDecorators: true,
});

function fromMultipart(fields: Record<string, unknown> | undefined): unknown {
  const extra = Object.keys(fields ?? {}).filter((k) => k !== 'submission');
  if (extra.length)
    throw new AppError(
      'INVALID_INPUT',
      `不接受字段 ${extra.join('、')}：数据请以 JSON 放在字段 submission 中，文件放在字段 file 中`,
      `Unexpected field ${extra.join(', ')}: send the figures as JSON in the field "submission" and the file in the field "file"`,
    );
  const text = fields?.submission;
  if (typeof text !== 'string')
    throw new AppError(
      'INVALID_INPUT',
      '请在字段 submission 中以 JSON 填写报送数据',
      'Send the figures as JSON in the field "submission"',
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_INPUT', '字段 submission 不是有效的 JSON', 'The field "submission" is not valid JSON');
  }
  const problem = bodyProblem(value, JSON_MAX_DEPTH);
  if (problem === 'deep')
    throw new AppError('INVALID_INPUT', '字段 submission 嵌套过深', 'The field "submission" nests too deeply');
  if (problem === 'text')
    throw new AppError(
      'INVALID_INPUT',
      '字段 submission 含有无法保存的字符（NUL 或不成对的代理项）',
      'The field "submission" holds characters that cannot be stored (NUL or an unpaired surrogate)',
    );
  return value;
}

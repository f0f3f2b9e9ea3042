import type { SoftRuleFinding } from '@taizhang/domain';
import { AppError, type AppErrorCode } from '../common/app-error';

/** A refusal that names the fields to fill in (and, for soft rules, what to explain), for a form to show them. */
export class FieldsRequiredError extends AppError {
  constructor(
    code: AppErrorCode,
    messageZh: string,
    messageEn: string,
    readonly fields: string[],
    readonly rules?: SoftRuleFinding[],
  ) {
    super(code, messageZh, messageEn);
  }
}

/** A correction (a second revision or later) without its reason. */
export function reasonRequired(previousRevision: number): FieldsRequiredError {
  return new FieldsRequiredError(
    'INVALID_INPUT',
    `已报送过第 ${previousRevision} 版，更正须填写更正理由 reason`,
    `Revision ${previousRevision} exists; a correction needs a reason`,
    ['reason'],
  );
}

/** A figure that trips soft rules without an explanation: which rules, and what to explain, in both languages. */
export function explanationRequired(findings: SoftRuleFinding[]): FieldsRequiredError {
  const zh = findings.map((f, i) => `${i + 1}. ${f.messageZh}`).join('；');
  const en = findings.map((f, i) => `${i + 1}. ${f.messageEn}`).join('; ');
  return new FieldsRequiredError(
    'EXPLANATION_REQUIRED',
    `该数据触发 ${findings.length} 条需说明的校验规则，请填写说明（explanation）后再提交：${zh}`,
    `This figure trips ${findings.length} soft rule${findings.length > 1 ? 's' : ''}; add an explanation (explanation) and submit again: ${en}`,
    ['explanation'],
    findings,
  );
}

export function submissionNotFound(id: number): AppError {
  return new AppError('NOT_FOUND', `找不到编号为 ${id} 的报送`, `No submission with id ${id}`);
}

/** A leader's act (accept, return) on a revision that a later one corrected: only the latest may be acted on. */
export function notLatestRevision(revision: number, latest: number, act: { zh: string; en: string }): AppError {
  return new AppError(
    'CONFLICT',
    `第 ${revision} 版已被第 ${latest} 版更正，只能${act.zh}最新版本`,
    `Revision ${revision} was superseded by revision ${latest}; only the latest can be ${act.en}`,
  );
}

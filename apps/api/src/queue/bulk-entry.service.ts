import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import ExcelJS from 'exceljs';
import type { CurrentUser } from '../auth/current-user';
import { AppError, isCodedError, type ErrorDetail } from '../common/app-error';
import { Transactions } from '../database/transactions';
import { withPlanLock } from '../database/with-plan-lock';
import { EvaluationService } from '../evaluation/evaluation.service';
import { CreateSubmissionDto } from '../submissions/submissions.dto';
import { SubmissionsService, type PreparedSubmission } from '../submissions/submissions.service';
import { QueueService } from './queue.service';
import { retryOnClash } from '../common/transaction-clash';
import { openZipWithinLimits } from '../common/zip-limits';

const FIGURES = '填报 Figures';
const CASES = '案件 Cases';
const INSTRUCTIONS = '填表说明 Instructions';
// Columns are read by their header, so a template downloaded before a column was added still reads as it was filled.
const FIGURE_COLUMNS = [
  '指标编号 metricId',
  '指标 metric',
  '报送期 period',
  '单位编号 departmentId',
  '目标 target',
  '数值 value',
  '分子 numerator',
  '分母 denominator',
  '完成日期 completedOn',
  '备注 note',
  '更正理由 reason',
  '说明 explanation',
] as const;
const CASE_COLUMNS = [
  '指标编号 metricId',
  '指标 metric',
  '报送期 period',
  '单位编号 departmentId',
  '案件编号 reference',
  '开始日期 startDate',
  '办结日期 completedOn',
  '数值 value',
  '说明 explanation',
] as const;

/** The instructions sheet: Chinese first, then English, one paragraph a row. */
const INSTRUCTION_ROWS: Array<[string, string]> = [
  ['填表说明', 'How to fill in this template'],
  [
    '本模板列出本单位待报送的指标（或所选月份的全部指标）。只填写数据列，不要修改指标编号、报送期和单位编号。',
    'The template lists what your department still has to report (or every item of the chosen month). Fill in the figure columns only; do not change metricId, period or departmentId.',
  ],
  [
    '「填报 Figures」表：比率类指标填写分子和分母（各行分子、分母的含义见单元格批注）；数值类指标填写「数值」；期限类指标填写「完成日期」（YYYY-MM-DD）。',
    'Sheet "填报 Figures": for a rate, fill in the numerator and denominator (what each stands for is in the cell\'s note); for a figure, "value"; for a deadline, "completedOn" (YYYY-MM-DD).',
  ],
  [
    '「案件 Cases」表：每个案件一行，填写案件编号、开始日期、办结日期（未办结可空）；同一指标同一报送期可复制多行。',
    'Sheet "案件 Cases": one row per case with its reference, start date and completion date (blank while open); copy the row for more cases of the same metric and period.',
  ],
  [
    '已报送过的数据再次填写即为更正，须在「更正理由」中写明原因。',
    'Filling in a figure already reported corrects it: give the reason in "reason".',
  ],
  [
    '逾期报送、与上期相比变动过大、恰好 100% 或恰好达到目标而无佐证材料、逾期后报送 0/0 等情况须在「说明」列写明原因，否则该行不能保存；说明随数据报送，由领导审阅。',
    'A figure reported late, one that jumps against your previous figure, exactly 100% or exactly the target without evidence, or 0/0 for an overdue period needs an explanation in the "explanation" column, or the row is refused; the explanation is stored with the figure for leaders to review.',
  ],
  [
    '上传后全部行一并保存；任何一行有误则全部不保存，并逐行列出问题。',
    'On upload all rows are saved together; if any row is wrong nothing is saved, and each problem is listed by row.',
  ],
];

/** A department's period in one Excel file: download the template, fill it, upload it; all rows or none. */
@Injectable()
export class BulkEntryService {
  constructor(
    private readonly transactions: Transactions,
    private readonly queue: QueueService,
    private readonly submissions: SubmissionsService,
    private readonly evaluation: EvaluationService,
  ) {}

  /** Every item still to report (or only those of one month), one row each; case metrics on their own sheet. */
  async template(planId: number, departmentId: number, month?: string): Promise<Buffer> {
    const { items } = await this.queue.forDepartment(planId, departmentId);
    const wanted = items.filter((i) => (month ? i.periodEnd.startsWith(month) : i.state !== 'submitted'));
    const book = new ExcelJS.Workbook();
    const figures = book.addWorksheet(FIGURES, { views: [{ state: 'frozen', ySplit: 1 }] });
    figures.addRow([...FIGURE_COLUMNS]).font = { bold: true };
    const cases = book.addWorksheet(CASES, { views: [{ state: 'frozen', ySplit: 1 }] });
    cases.addRow([...CASE_COLUMNS]).font = { bold: true };
    const instructions = book.addWorksheet(INSTRUCTIONS);
    for (const [zh, en] of INSTRUCTION_ROWS)
      instructions.addRow([zh, en]).alignment = { wrapText: true, vertical: 'top' };
    instructions.getRow(1).font = { bold: true };
    instructions.getColumn(1).width = 70;
    instructions.getColumn(2).width = 90;
    for (const i of wanted) {
      const name = `${i.metricCode} ${i.metricName}`;
      if (i.accepts.includes('cases')) {
        cases.addRow([i.metricId, name, i.period, departmentId]);
        continue;
      }
      const row = figures.addRow([i.metricId, name, i.period, departmentId, i.targetLabelZh]);
      if (i.ratioLabels) {
        row.getCell(FIGURE_COLUMNS.indexOf('分子 numerator') + 1).note =
          `${i.ratioLabels.numeratorZh}\n${i.ratioLabels.numeratorEn}`;
        row.getCell(FIGURE_COLUMNS.indexOf('分母 denominator') + 1).note =
          `${i.ratioLabels.denominatorZh}\n${i.ratioLabels.denominatorEn}`;
      }
    }
    for (const sheet of [figures, cases]) {
      sheet.columns.forEach((c) => (c.width = 16));
      sheet.getColumn(2).width = 40;
      sheet.getColumn(sheet.columnCount).width = 40;
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  async upload(
    user: CurrentUser,
    file: { buffer: Buffer } | undefined,
  ): Promise<{ created: number; submissions: Array<{ sheet: string; row: number; id: number; revision: number }> }> {
    if (!file)
      throw new AppError(
        'INVALID_INPUT',
        '请选择要上传的 Excel 文件（字段 file）',
        'Choose the Excel file to upload (field "file")',
      );
    const book = new ExcelJS.Workbook();
    try {
      await openZipWithinLimits(file.buffer);
      await book.xlsx.load(file.buffer as unknown as ArrayBuffer);
    } catch (error) {
      if (isCodedError(error)) throw error;
      throw new AppError(
        'UNSUPPORTED_FILE',
        '无法读取该文件，请上传从本系统下载的 Excel 模板（.xlsx）',
        'Cannot read this file; upload the Excel template (.xlsx) downloaded from Taizhang',
      );
    }
    const requests = this.read(book);
    if (requests.length === 0)
      throw new AppError('INVALID_INPUT', '模板中没有填写任何数据', 'The template has no figures filled in');
    const errors: ErrorDetail[] = [];
    const prepared: Array<{ sheet: string; row: number; p: PreparedSubmission }> = [];
    for (const r of requests) {
      try {
        const dto = plainToInstance(CreateSubmissionDto, r.body);
        const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
        if (invalid.length) {
          const messages = constraintMessages(invalid, r.caseRows ?? []);
          errors.push({
            sheet: r.sheet,
            row: r.row,
            messageZh: messages.map((m) => m.split(' / ')[0]).join('；'),
            messageEn: messages.map((m) => m.split(' / ').at(-1)).join('; '),
          });
          continue;
        }
        prepared.push({ sheet: r.sheet, row: r.row, p: await this.submissions.prepare(user, dto) });
      } catch (error) {
        if (!isCodedError(error)) throw error;
        errors.push({ sheet: r.sheet, row: r.row, messageZh: error.messageZh, messageEn: error.messageEn });
      }
    }
    if (errors.length) {
      throw new AppError(
        'INVALID_INPUT',
        `共 ${errors.length} 行有误，全部未保存，请修改后重新上传`,
        `${errors.length} rows have problems; nothing was saved. Correct them and upload again`,
        errors,
      );
    }
    // All rows in one transaction, their plans' rows locked first: a failure on the last row leaves the first unwritten. A revision number taken by
    // a concurrent submission (PostgreSQL) refuses the whole batch, which is then written again.
    const saved = await retryOnClash(() =>
      withPlanLock(
        this.transactions,
        prepared.map((x) => x.p.plan.id),
        async (m) => {
          const out = [];
          for (const x of prepared) {
            try {
              const row = await this.submissions.persist(m, user, x.p);
              out.push({ sheet: x.sheet, row: x.row, id: row.id, revision: row.revision });
            } catch (error) {
              if (!isCodedError(error)) throw error;
              throw new AppError(
                error.code,
                `${x.sheet} 第 ${x.row} 行：${error.messageZh}；全部未保存`,
                `${x.sheet} row ${x.row}: ${error.messageEn}; nothing was saved`,
                [{ sheet: x.sheet, row: x.row, messageZh: error.messageZh, messageEn: error.messageEn }],
              );
            }
          }
          return out;
        },
      ),
    );
    const plans = new Map(prepared.map((x) => [x.p.plan.id, x.p.plan]));
    for (const plan of plans.values())
      await this.evaluation.evaluateMetrics(plan, [
        ...new Set(prepared.filter((x) => x.p.plan.id === plan.id).map((x) => x.p.metric.id)),
      ]);
    return { created: saved.length, submissions: saved };
  }

  /** Rows with something filled in, as request bodies; case rows are grouped per metric, period and department (caseRows: each case's row). */
  private read(
    book: ExcelJS.Workbook,
  ): Array<{ sheet: string; row: number; body: Record<string, unknown>; caseRows?: number[] }> {
    const out: Array<{ sheet: string; row: number; body: Record<string, unknown>; caseRows?: number[] }> = [];
    const figures = book.getWorksheet(FIGURES);
    const f = figures ? columnsOf(figures, FIGURE_COLUMNS) : null;
    figures?.eachRow((row, n) => {
      if (n === 1 || !f) return;
      const at = (name: (typeof FIGURE_COLUMNS)[number]) => (f[name] ? cell(row.getCell(f[name]!).value) : undefined);
      const [value, numerator, denominator, completedOn] = [
        at('数值 value'),
        at('分子 numerator'),
        at('分母 denominator'),
        at('完成日期 completedOn'),
      ];
      if ([value, numerator, denominator, completedOn].every((v) => v === undefined)) return;
      out.push({
        sheet: FIGURES,
        row: n,
        body: strip({
          metricId: at('指标编号 metricId'),
          period: at('报送期 period'),
          departmentId: at('单位编号 departmentId'),
          value,
          numerator,
          denominator,
          completedOn,
          note: at('备注 note'),
          reason: at('更正理由 reason'),
          explanation: at('说明 explanation'),
        }),
      });
    });
    const groups = new Map<
      string,
      { row: number; rows: number[]; body: Record<string, unknown> & { cases: unknown[] } }
    >();
    const casesSheet = book.getWorksheet(CASES);
    const c = casesSheet ? columnsOf(casesSheet, CASE_COLUMNS) : null;
    casesSheet?.eachRow((row, n) => {
      if (n === 1 || !c) return;
      const at = (name: (typeof CASE_COLUMNS)[number]) => (c[name] ? cell(row.getCell(c[name]!).value) : undefined);
      const [metricId, period, departmentId, reference] = [
        at('指标编号 metricId'),
        at('报送期 period'),
        at('单位编号 departmentId'),
        at('案件编号 reference'),
      ];
      if (reference === undefined) return;
      const key = `${metricId}|${period}|${departmentId}`;
      const group = groups.get(key) ?? { row: n, rows: [], body: { metricId, period, departmentId, cases: [] } };
      // One explanation for the metric and period: the first case row that gives one.
      const explanation = at('说明 explanation');
      if (explanation !== undefined && group.body.explanation === undefined) group.body.explanation = explanation;
      group.body.cases.push(
        strip({
          reference: String(reference),
          startDate: at('开始日期 startDate'),
          completedOn: at('办结日期 completedOn') ?? null,
          value: at('数值 value'),
        }),
      );
      group.rows.push(n);
      groups.set(key, group);
    });
    for (const g of groups.values()) out.push({ sheet: CASES, row: g.row, body: g.body, caseRows: g.rows });
    return out;
  }
}

/**
 * Where each known column is, by its header. A template from before the metric name and explanation columns (the
 * Cases sheet without them) finds its columns all the same; an unknown header is ignored.
 */
function columnsOf<T extends string>(sheet: ExcelJS.Worksheet, names: readonly T[]): Partial<Record<T, number>> {
  const out: Partial<Record<T, number>> = {};
  sheet.getRow(1).eachCell((c, col) => {
    const header = cell(c.value);
    const name = names.find((x) => x === header);
    if (name && out[name] === undefined) out[name] = col;
  });
  return out;
}

/** A cell as JSON would carry it: dates as YYYY-MM-DD, numbers as numbers, blanks as undefined. */
function cell(value: ExcelJS.CellValue): string | number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  // A date cell holding a number beyond any calendar (1e20) reads as an Invalid Date: the row's date check names it.
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '(无效日期 invalid date)' : value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'result' in value) return cell(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'number') return value;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/**
 * Every message of a row's validation. A case's own (nested under cases.N, where class-validator leaves the row's
 * constraints empty) names the row of the Cases sheet it came from.
 */
function constraintMessages(errors: ValidationError[], caseRows: number[], row?: number): string[] {
  return errors.flatMap((e) => {
    const at = row ?? (/^\d+$/.test(e.property) ? caseRows[Number(e.property)] : undefined);
    const own = Object.values(e.constraints ?? {}).map((m) =>
      at === undefined ? m : m.replace(/^(.*?) \/ (.*)$/, `第 ${at} 行：$1 / row ${at}: $2`),
    );
    return [...own, ...constraintMessages(e.children ?? [], caseRows, at)];
  });
}

function strip<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/current-user';
import { AppError, isCodedError, type ErrorDetail } from '../common/app-error';
import { EvaluationService } from '../evaluation/evaluation.service';
import { CreateSubmissionDto } from '../submissions/submissions.dto';
import { SubmissionsService, type PreparedSubmission } from '../submissions/submissions.service';
import { QueueService } from './queue.service';
import { retryOnClash } from '../common/transaction-clash';
import { openZipWithinLimits } from '../common/zip-limits';

const FIGURES = '填报 Figures';
const CASES = '案件 Cases';
const FIGURE_COLUMNS = ['指标编号 metricId', '指标 metric', '报送期 period', '单位编号 departmentId', '目标 target', '数值 value', '分子 numerator', '分母 denominator', '完成日期 completedOn', '备注 note', '更正理由 reason'];
const CASE_COLUMNS = ['指标编号 metricId', '报送期 period', '单位编号 departmentId', '案件编号 reference', '开始日期 startDate', '办结日期 completedOn', '数值 value'];

/** A department's period in one Excel file: download the template, fill it, upload it; all rows or none. */
@Injectable()
export class BulkEntryService {
  constructor(
    private readonly dataSource: DataSource,
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
    figures.addRow(FIGURE_COLUMNS).font = { bold: true };
    const cases = book.addWorksheet(CASES, { views: [{ state: 'frozen', ySplit: 1 }] });
    cases.addRow(CASE_COLUMNS).font = { bold: true };
    for (const i of wanted) {
      if (i.accepts.includes('cases')) cases.addRow([i.metricId, i.period, departmentId, '', '', '', '']);
      else figures.addRow([i.metricId, `${i.metricCode} ${i.metricName}`, i.period, departmentId, i.targetLabelZh]);
    }
    for (const sheet of [figures, cases]) sheet.columns.forEach((c) => (c.width = 16));
    figures.getColumn(2).width = 40;
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  async upload(user: CurrentUser, file: { buffer: Buffer } | undefined): Promise<{ created: number; submissions: Array<{ sheet: string; row: number; id: number; revision: number }> }> {
    if (!file) throw new AppError('INVALID_INPUT', '请选择要上传的 Excel 文件（字段 file）', 'Choose the Excel file to upload (field "file")');
    const book = new ExcelJS.Workbook();
    try {
      await openZipWithinLimits(file.buffer);
      await book.xlsx.load(file.buffer as unknown as ArrayBuffer);
    } catch (error) {
      if (isCodedError(error)) throw error;
      throw new AppError('UNSUPPORTED_FILE', '无法读取该文件，请上传从本系统下载的 Excel 模板（.xlsx）', 'Cannot read this file; upload the Excel template (.xlsx) downloaded from Taizhang');
    }
    const requests = this.read(book);
    if (requests.length === 0) throw new AppError('INVALID_INPUT', '模板中没有填写任何数据', 'The template has no figures filled in');
    const errors: ErrorDetail[] = [];
    const prepared: Array<{ sheet: string; row: number; p: PreparedSubmission }> = [];
    for (const r of requests) {
      try {
        const dto = plainToInstance(CreateSubmissionDto, r.body);
        const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
        if (invalid.length) {
          const messages = constraintMessages(invalid, r.caseRows ?? []);
          errors.push({ sheet: r.sheet, row: r.row, messageZh: messages.map((m) => m.split(' / ')[0]).join('；'), messageEn: messages.map((m) => m.split(' / ').at(-1)).join('; ') });
          continue;
        }
        prepared.push({ sheet: r.sheet, row: r.row, p: await this.submissions.prepare(user, dto) });
      } catch (error) {
        if (!isCodedError(error)) throw error;
        errors.push({ sheet: r.sheet, row: r.row, messageZh: error.messageZh, messageEn: error.messageEn });
      }
    }
    if (errors.length) {
      throw new AppError('INVALID_INPUT', `共 ${errors.length} 行有误，全部未保存，请修改后重新上传`, `${errors.length} rows have problems; nothing was saved. Correct them and upload again`, errors);
    }
    // All rows in one transaction: a failure on the last row leaves the first unwritten. A revision number taken by
    // a concurrent submission (PostgreSQL) refuses the whole batch, which is then written again.
    const saved = await retryOnClash(() => this.dataSource.transaction(async (m) => {
      const out = [];
      for (const x of prepared) {
        try {
          const row = await this.submissions.persist(m, user, x.p);
          out.push({ sheet: x.sheet, row: x.row, id: row.id, revision: row.revision });
        } catch (error) {
          if (!isCodedError(error)) throw error;
          throw new AppError(error.code, `${x.sheet} 第 ${x.row} 行：${error.messageZh}；全部未保存`, `${x.sheet} row ${x.row}: ${error.messageEn}; nothing was saved`, [{ sheet: x.sheet, row: x.row, messageZh: error.messageZh, messageEn: error.messageEn }]);
        }
      }
      return out;
    }));
    const plans = new Map(prepared.map((x) => [x.p.plan.id, x.p.plan]));
    for (const plan of plans.values()) await this.evaluation.evaluateMetrics(plan, [...new Set(prepared.filter((x) => x.p.plan.id === plan.id).map((x) => x.p.metric.id))]);
    return { created: saved.length, submissions: saved };
  }

  /** Rows with something filled in, as request bodies; case rows are grouped per metric, period and department (caseRows: each case's row). */
  private read(book: ExcelJS.Workbook): Array<{ sheet: string; row: number; body: Record<string, unknown>; caseRows?: number[] }> {
    const out: Array<{ sheet: string; row: number; body: Record<string, unknown>; caseRows?: number[] }> = [];
    const figures = book.getWorksheet(FIGURES);
    figures?.eachRow((row, n) => {
      if (n === 1) return;
      const [metricId, , period, departmentId, , value, numerator, denominator, completedOn, note, reason] = FIGURE_COLUMNS.map((_, i) => cell(row.getCell(i + 1).value));
      if ([value, numerator, denominator, completedOn].every((v) => v === undefined)) return;
      out.push({ sheet: FIGURES, row: n, body: strip({ metricId, period, departmentId, value, numerator, denominator, completedOn, note, reason }) });
    });
    const groups = new Map<string, { row: number; rows: number[]; body: Record<string, unknown> & { cases: unknown[] } }>();
    book.getWorksheet(CASES)?.eachRow((row, n) => {
      if (n === 1) return;
      const [metricId, period, departmentId, reference, startDate, completedOn, value] = CASE_COLUMNS.map((_, i) => cell(row.getCell(i + 1).value));
      if (reference === undefined) return;
      const key = `${metricId}|${period}|${departmentId}`;
      const group = groups.get(key) ?? { row: n, rows: [], body: { metricId, period, departmentId, cases: [] } };
      group.body.cases.push(strip({ reference: String(reference), startDate, completedOn: completedOn ?? null, value }));
      group.rows.push(n);
      groups.set(key, group);
    });
    for (const g of groups.values()) out.push({ sheet: CASES, row: g.row, body: g.body, caseRows: g.rows });
    return out;
  }
}

/** A cell as JSON would carry it: dates as YYYY-MM-DD, numbers as numbers, blanks as undefined. */
function cell(value: ExcelJS.CellValue): string | number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  // A date cell holding a number beyond any calendar (1e20) reads as an Invalid Date: the row's date check names it.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '(无效日期 invalid date)' : value.toISOString().slice(0, 10);
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
    const own = Object.values(e.constraints ?? {}).map((m) => (at === undefined ? m : m.replace(/^(.*?) \/ (.*)$/, `第 ${at} 行：$1 / row ${at}: $2`)));
    return [...own, ...constraintMessages(e.children ?? [], caseRows, at)];
  });
}

function strip<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

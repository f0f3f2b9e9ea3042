import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ReportListItem } from '@taizhang/contracts';
import { isMonthKey, markRevisions, parseMonthKey, reportDue, type ReportSnapshot } from '@taizhang/domain';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { PlansRepository } from '../plans/plans.repository';
import { renderCsv } from './renderers/csv-renderer';
import { renderPdf } from './renderers/pdf-renderer';
import type { ReportLanguage } from './renderers/report-labels';
import { renderXlsx } from './renderers/xlsx-renderer';
import { ReportBuilderService } from './report-builder.service';
import { ReportsRepository } from './reports.repository';

export type ReportFormat = 'xlsx' | 'pdf' | 'csv';
export type { ReportListItem };

const MIME: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

/** Generates, archives and renders the monthly reports (情况通报). */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly reports: ReportsRepository,
    private readonly plans: PlansRepository,
    private readonly transactions: Transactions,
    private readonly builder: ReportBuilderService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Freezes a month into a new version (the old ones stay); marks figures revised since the previous version. */
  async generate(
    planId: number,
    month: string,
    trigger: 'schedule' | 'manual',
    user: CurrentUser | null,
  ): Promise<{ id: number }> {
    const plan = await this.plans.findById(planId);
    if (!plan) throw new AppError('NOT_FOUND', `找不到编号为 ${planId} 的计划`, `No plan with id ${planId}`);
    const today = this.clock.today();
    if (!isMonthKey(month) || parseMonthKey(month).year !== plan.year) {
      throw new AppError(
        'PERIOD_OUTSIDE_PLAN',
        `月份 ${month} 不在 ${plan.year} 年计划内，请选择 ${plan.year}-01 至 ${plan.year}-12`,
        `Month ${month} is not in the ${plan.year} plan; choose ${plan.year}-01 to ${plan.year}-12`,
      );
    }
    if (month > today.slice(0, 7))
      throw new AppError(
        'INVALID_INPUT',
        `月份 ${month} 尚未到来，不能生成报告`,
        `Month ${month} is in the future; no report can be made for it`,
      );
    return this.transactions.run(async (m) => {
      const previous = await this.reports.latestVersion(m, planId, month);
      const version = (previous?.version ?? 0) + 1;
      const built = await this.builder.build(planId, month, version, this.clock.now().toISOString());
      const before = previous ? (JSON.parse(previous.snapshot) as ReportSnapshot).appendix : null;
      const snapshot: ReportSnapshot = { ...built, appendix: markRevisions(built.appendix, before) };
      const json = JSON.stringify(snapshot);
      const saved = await this.reports.insert(m, {
        planId,
        month,
        version,
        trigger,
        generatedBy: user?.id ?? null,
        generatedAt: snapshot.generatedAt,
        snapshot: json,
        checksum: sha256(json),
      });
      await this.audit.record(
        user,
        {
          kind: 'write',
          action: 'generate report',
          entity: 'report',
          entityId: saved.id,
          after: { planId, month, version, trigger, checksum: saved.checksum },
        },
        m,
      );
      return { id: saved.id };
    });
  }

  async list(planId?: number): Promise<ReportListItem[]> {
    const rows = await this.reports.list(planId);
    return rows.map((r) => ({
      id: r.id,
      planId: r.planId,
      month: r.month,
      version: r.version,
      trigger: r.trigger,
      generatedAt: r.generatedAt,
      checksum: r.checksum,
      revisedCount: (JSON.parse(r.snapshot) as ReportSnapshot).appendix.filter((a) => a.revised).length,
    }));
  }

  /** Renders a stored snapshot; the checksum is verified first, so a tampered archive is refused, not printed. */
  async file(
    id: number,
    format: ReportFormat,
    lang: ReportLanguage,
  ): Promise<{ body: Buffer; mime: string; filename: string }> {
    const report = await this.reports.findById(id);
    if (!report) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的报告`, `No report with id ${id}`);
    if (sha256(report.snapshot) !== report.checksum)
      throw new AppError(
        'CONFLICT',
        `报告 ${id} 的校验和不符，存档可能已被改动`,
        `Report ${id} fails its checksum; the archive may have been altered`,
      );
    const snapshot = JSON.parse(report.snapshot) as ReportSnapshot;
    const body =
      format === 'xlsx'
        ? await renderXlsx(snapshot, lang)
        : format === 'pdf'
          ? await renderPdf(snapshot, lang, this.config.reportFont)
          : renderCsv(snapshot, lang);
    return {
      body,
      mime: MIME[format],
      filename: `taizhang-report-${report.month}-v${report.version}-${lang}.${format}`,
    };
  }

  /** The monthly job: on the first working day of a month, last month's report for every plan it belongs to. */
  async runMonthly(): Promise<number[]> {
    const today = this.clock.today();
    const { due, month } = reportDue(today, await this.calendar.calendar());
    if (!due) return [];
    const made: number[] = [];
    for (const plan of await this.plans.findAll()) {
      if (parseMonthKey(month).year !== plan.year) continue;
      if (await this.reports.scheduledExists(plan.id, month)) continue;
      made.push((await this.generate(plan.id, month, 'schedule', null)).id);
      this.logger.log(`Monthly report ${month} generated for plan ${plan.code}`);
    }
    return made;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

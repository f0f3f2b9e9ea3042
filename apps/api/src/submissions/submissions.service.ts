import { Inject, Injectable } from '@nestjs/common';
import type { RevisionResponse } from '@taizhang/contracts';
import {
  checkSoftRules,
  dueDate,
  evaluatePeriod,
  validateFigure,
  type Figure,
  type ReportingPeriod,
  type SoftRuleFinding,
} from '@taizhang/domain';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../database/transactions';
import { withPlanLock } from '../database/with-plan-lock';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { assertOwnDepartment, departmentFilter } from '../auth/department-scope';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { hasVisibleText, isRealDate } from '../common/field-validators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { retryOnClash } from '../common/transaction-clash';
import { outcomeOf } from '../evaluation/evaluation-outcome';
import { EvaluationRepository, toFigure } from '../evaluation/evaluation.repository';
import { EvaluationService } from '../evaluation/evaluation.service';
import { toRuledMetric } from '../metrics/ruled-metric';
import { MetricEntity } from '../metrics/metric.entity';
import { DeliveryService, reminderSubject } from '../supervision/delivery.service';
import { PlanEntity } from '../plans/plan.entity';
import { EvidenceService, type UploadedEvidence } from './evidence.service';
import { explanationRequired, notLatestRevision, reasonRequired, submissionNotFound } from './submission-errors';
import { SubmissionEntity } from './submission.entity';
import { figureOf, type CreateSubmissionDto, type CreateSubmissionResponse } from './submissions.dto';
import { SubmissionsRepository } from './submissions.repository';
import { MetricsRepository, type AssignedDepartment } from '../metrics/metrics.repository';
import { periodOfPlan } from '../plans/plan-period';
import { PlansRepository } from '../plans/plans.repository';
import { groupBy } from '../common/group-by';

/** A submission that passed every check and is ready to be written. */
export interface PreparedSubmission {
  plan: PlanEntity;
  metric: MetricEntity;
  department: AssignedDepartment;
  period: ReportingPeriod;
  figure: Figure;
  note: string | null;
  reason: string | null;
  /** The clerk's 说明, kept when a soft rule asked for it. */
  explanation: string | null;
  /** The soft rules the figure trips: the revision is flagged for leaders. */
  findings: SoftRuleFinding[];
}

@Injectable()
export class SubmissionsService {
  constructor(
    private readonly metrics: MetricsRepository,
    private readonly plans: PlansRepository,
    private readonly transactions: Transactions,
    private readonly submissions: SubmissionsRepository,
    private readonly evaluationRepository: EvaluationRepository,
    private readonly evaluation: EvaluationService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly evidence: EvidenceService,
    private readonly delivery: DeliveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The figure and its evidence are one act. Validates everything first — the figure, the soft rules, the file's type
   * by its bytes — so a rejection writes nothing; then appends the new revision, its flags, its evidence and their
   * audit rows in one transaction (never overwrites), then evaluates the metric at once.
   */
  async create(
    user: CurrentUser,
    dto: CreateSubmissionDto,
    file?: UploadedEvidence,
  ): Promise<CreateSubmissionResponse> {
    const p = await this.prepare(user, dto, { hasEvidence: file !== undefined });
    const checked = file ? await this.evidence.check(file) : null;
    // Two corrections of the same figure at once (PostgreSQL runs them side by side) may both take the same next
    // revision number: the second is refused by the unique key and simply written again as the one after.
    const { saved, evidence } = await retryOnClash(() =>
      withPlanLock(this.transactions, p.plan.id, async (m) => {
        const row = await this.persist(m, user, p);
        return { saved: row, evidence: checked ? [await this.evidence.record(m, user, row.id, checked)] : [] };
      }),
    );
    await this.evaluation.evaluateMetrics(p.plan, [p.metric.id]);
    const current = await this.evaluationRepository.current([p.metric.id]);
    const pick = (departmentId: number | null) =>
      current.find((e) => e.departmentId === departmentId && e.periodKey === p.period.key)!;
    return {
      submission: {
        id: saved.id,
        metricId: p.metric.id,
        departmentId: p.department.id,
        period: p.period.key,
        revision: saved.revision,
        figure: toFigure(saved, p.figure.type === 'cases' ? p.figure.cases : []),
        note: saved.note,
        reason: saved.reason,
        explanation: p.explanation,
        flags: p.findings,
        submittedBy: user.username,
        createdAt: saved.createdAt,
      },
      evidence,
      evaluation: { department: outcomeOf(pick(p.department.id)), overall: outcomeOf(pick(null)) },
    };
  }

  /**
   * Every check a submission must pass before anything is written; throws an AppError naming what is wrong. Hard rules
   * refuse; soft rules (SOFT_RULES) refuse only a figure without an explanation, and flag it with one.
   */
  async prepare(
    user: CurrentUser,
    dto: CreateSubmissionDto,
    options: { hasEvidence?: boolean } = {},
  ): Promise<PreparedSubmission> {
    assertOwnDepartment(user, dto.departmentId);
    const metric = await this.metrics.findById(dto.metricId);
    if (!metric)
      throw new AppError('NOT_FOUND', `找不到编号为 ${dto.metricId} 的指标`, `No metric with id ${dto.metricId}`);
    if (metric.retiredAt)
      throw new AppError(
        'CONFLICT',
        `指标「${metric.name}」已停用，不再报送数据`,
        `The metric "${metric.nameEn || metric.name}" is retired and takes no more figures`,
      );
    const plan = (await this.plans.findById(metric.planId))!;
    const inputs = await this.metrics.loadAssignments(plan.id, [metric.id]);
    const department = (inputs.assigned.get(metric.id) ?? []).find((d) => d.id === dto.departmentId);
    if (!department) {
      throw new AppError(
        'INVALID_INPUT',
        `单位 ${dto.departmentId} 不是指标「${metric.name}」的牵头或责任单位`,
        `Department ${dto.departmentId} is neither lead nor responsible for the metric "${metric.nameEn}"`,
      );
    }
    const ruled = toRuledMetric(metric);
    const today = this.clock.today();
    const period = periodOfPlan(ruled, plan.year, dto.period);
    if (period.start > today)
      throw new AppError(
        'INVALID_INPUT',
        `报送期 ${dto.period} 尚未开始，不能提前报送`,
        `The period ${dto.period} has not begun; figures cannot be reported ahead of it`,
      );
    const figure = figureOf(dto);
    const problems = validateFigure(ruled, figure);
    const future = datesOf(figure).find((d) => d > today);
    if (future)
      problems.push({
        field: 'date',
        messageZh: `日期 ${future} 晚于今天（${today}）`,
        messageEn: `The date ${future} is after today (${today})`,
      });
    if (problems.length)
      throw new AppError(
        'INVALID_FIGURE',
        problems.map((p) => p.messageZh).join('；'),
        problems.map((p) => p.messageEn).join('; '),
      );
    // Evaluating before writing surfaces what the rules cannot judge (a date beyond the calendar) as a 400, with nothing saved.
    // The due date too: the period's overall status needs it for the departments that have not reported yet.
    const ctx = { today, calendar: await this.calendar.calendar() };
    evaluatePeriod(ruled, period, figure, ctx);
    const due = dueDate(ruled, period, ctx);
    const reason = dto.reason?.trim() || null;
    const latest = await this.submissions.latest(metric.id, department.id, period.key);
    // Checked again in the transaction; here so that a missing reason is named before a file is stored.
    if (latest && !reason) throw reasonRequired(latest.row.revision);
    const explanation = hasVisibleText(dto.explanation) ? dto.explanation!.trim() : null;
    const findings = this.config.softRules
      ? checkSoftRules({
          metric: ruled,
          period,
          figure,
          today,
          dueDate: due,
          calendar: ctx.calendar,
          awaitingFigure: !latest || latest.returned,
          hasEvidence: options.hasEvidence ?? false,
          previous:
            ruled.kind === 'value'
              ? await this.submissions.previousFigure(metric.id, department.id, period.start)
              : null,
        })
      : [];
    if (findings.length && !explanation) throw explanationRequired(findings);
    return {
      plan,
      metric,
      department,
      period,
      figure,
      note: dto.note ?? null,
      reason,
      explanation: findings.length ? explanation : null,
      findings,
    };
  }

  /**
   * Appends the prepared revision and its audit row inside the caller's transaction, which holds the plan's lock
   * (withPlanLock): marked changed there, if this process dies before evaluating, the next cycle still does.
   */
  async persist(m: EntityManager, user: CurrentUser, p: PreparedSubmission): Promise<SubmissionEntity> {
    const previous = await this.submissions.latestRevision(
      { metricId: p.metric.id, departmentId: p.department.id, periodKey: p.period.key },
      m,
    );
    if (previous && !p.reason) throw reasonRequired(previous.revision);
    await EvaluationRepository.markStale(m, p.metric.id, [p.period.key]);
    const row = await this.submissions.append(m, {
      metricId: p.metric.id,
      departmentId: p.department.id,
      periodKey: p.period.key,
      periodEnd: p.period.end,
      figure: p.figure,
      note: p.note,
      reason: p.reason,
      submittedBy: user.id,
      origin: 'department',
      createdAt: this.clock.now().toISOString(),
    });
    await this.submissions.saveFlags(m, row.id, p.explanation, p.findings);
    // The reminders to report this period (即将到期, 逾期未报送) are done with: they leave the department's bell.
    await this.delivery.clear(m, p.department.id, reminderSubject(p.metric.id, p.period.key));
    const flagged = p.findings.length ? { flags: p.findings.map((f) => f.rule), explanation: p.explanation } : {};
    await this.audit.record(
      user,
      {
        kind: 'write',
        action: 'submit figures',
        entity: 'submission',
        entityId: row.id,
        before: previous ? { id: previous.id, revision: previous.revision } : null,
        after: {
          metric: p.metric.code,
          period: p.period.key,
          revision: row.revision,
          figure: p.figure,
          note: row.note,
          reason: row.reason,
          ...flagged,
        },
      },
      m,
    );
    return row;
  }

  /** Every revision of a metric's figures (one department's for a department user), with returns and evidence. */
  async revisions(user: CurrentUser, metricId: number, departmentId?: number): Promise<RevisionResponse[]> {
    const rows = await this.submissions.revisions(metricId, departmentFilter(user, departmentId));
    const ids = rows.map((r) => r.id);
    const [{ returns, evidence }, nameOf, flagged] = await Promise.all([
      this.submissions.returnsAndEvidence(ids),
      this.submissions.usernames(),
      this.submissions.flagsOf(ids),
    ]);
    const returnsOf = groupBy(returns, (x) => x.submissionId);
    const evidenceOf = groupBy(evidence, (e) => e.submissionId);
    return rows.map((r) => ({
      id: r.id,
      metricId: r.metricId,
      departmentId: r.departmentId,
      period: r.periodKey,
      revision: r.revision,
      figure: toFigure(r, r.cases),
      note: r.note,
      reason: r.reason,
      explanation: flagged.explanations.get(r.id) ?? null,
      flags: flagged.flags.get(r.id) ?? [],
      submittedBy: r.submittedBy ? (nameOf.get(r.submittedBy) ?? null) : r.origin,
      createdAt: r.createdAt,
      returns: (returnsOf.get(r.id) ?? []).map((x) => ({
        comment: x.comment,
        at: x.at,
        by: nameOf.get(x.returnedBy) ?? null,
      })),
      evidence: (evidenceOf.get(r.id) ?? []).map((e) => ({
        id: e.id,
        filename: e.filename,
        mimeType: e.mimeType,
        size: e.size,
        sha256: e.sha256,
        createdAt: e.createdAt,
      })),
      acceptance: acceptanceOf(flagged.acceptances.get(r.id), nameOf),
    }));
  }

  /**
   * A leader sends the latest revision back with a comment (the route admits leaders only). A returned figure is no
   * accepted figure: its period is marked for evaluation in the same transaction, and evaluated at once.
   */
  async returnForCorrection(user: CurrentUser, submissionId: number, comment: string): Promise<{ returned: true }> {
    const submission = await this.submissions.findById(submissionId);
    if (!submission) throw submissionNotFound(submissionId);
    const metric = (await this.metrics.findById(submission.metricId))!;
    const plan = (await this.plans.findById(metric.planId))!;
    await withPlanLock(this.transactions, plan.id, async (tx) => {
      const latest = await this.submissions.latestRevision(submission, tx);
      if (latest!.id !== submission.id)
        throw notLatestRevision(submission.revision, latest!.revision, { zh: '退回', en: 'returned' });
      if (await this.submissions.isReturned(submissionId, tx))
        throw new AppError(
          'CONFLICT',
          '该版本已被退回，等待更正',
          'This revision was already returned and awaits correction',
        );
      const at = this.clock.now().toISOString();
      await EvaluationRepository.markStale(tx, metric.id, [submission.periodKey]);
      await this.submissions.insertReturn({ submissionId, returnedBy: user.id, comment, at }, tx);
      await this.audit.record(
        user,
        {
          kind: 'write',
          action: 'return submission',
          entity: 'submission',
          entityId: submissionId,
          before: { state: 'submitted' },
          after: { state: 'returned', comment },
        },
        tx,
      );
      await this.delivery.toDepartment(tx, submission.departmentId, {
        titleZh: `数据被退回更正：${metric.name} ${submission.periodKey}（第 ${submission.revision} 版）`,
        titleEn: `Figures returned for correction: ${metric.nameEn} ${submission.periodKey} (revision ${submission.revision})`,
        bodyZh: `退回意见：${comment}`,
        link: `/?${new URLSearchParams({ state: 'returned', q: metric.code })}`,
        data: {
          kind: 'returned',
          metric: metric.code,
          period: submission.periodKey,
          revision: submission.revision,
          comment,
        },
      });
    });
    await this.evaluation.evaluateMetrics(plan, [metric.id]);
    return { returned: true };
  }
}

/** A leader's acceptance of a flagged revision, as the API shows it. */
export function acceptanceOf(
  a: { acceptedBy: number; at: string; comment: string | null } | undefined,
  nameOf: Map<number, string>,
): RevisionResponse['acceptance'] {
  return a ? { by: nameOf.get(a.acceptedBy) ?? null, at: a.at, comment: a.comment } : null;
}

/** The dates a figure gives that exist (one that does not is validateFigure's to name, not "after today"). */
function datesOf(f: Figure): string[] {
  const dates =
    f.type === 'completion'
      ? [f.completedOn]
      : f.type === 'cases'
        ? f.cases.flatMap((c) => [c.startDate, c.completedOn])
        : [];
  return dates.filter((d): d is string => d !== null && isRealDate(d));
}

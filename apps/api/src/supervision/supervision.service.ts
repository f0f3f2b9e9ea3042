import { Injectable, Logger } from '@nestjs/common';
import {
  CalendarRangeError,
  dueDate,
  earliestDate,
  escalate,
  formatTarget,
  initialNoticeLevel,
  latestPeriodRecheckDate,
  latestPeriodRows,
  needsSupervision,
  previousPeriodRow,
  NOTICE_LEVEL_WORDS,
  reminderRecheckDate,
  reminderStage,
  replyDeadline,
  replyOverdue,
  replyRecheckDate,
  reportingPeriods,
  type NoticeLevel,
} from '@taizhang/domain';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { EvaluationRepository, type Assignments } from '../evaluation/evaluation.repository';
import { toRuledMetric } from '../evaluation/evaluation.service';
import type { MetricEntity } from '../metrics/metric.entity';
import { markPlanOfMetricChanged } from '../plans/plan-changes';
import { PlanEntity } from '../plans/plan.entity';
import { SubmissionsRepository } from '../submissions/submissions.repository';
import { DeliveryService, reminderSubject } from './delivery.service';
import { NoticeEntity, NoticeEventEntity, ReminderEntity } from './supervision.entities';
import { groupBy } from '../common/group-by';
import { isUniqueViolation } from '../common/transaction-clash';

export interface SupervisionRun {
  reminders: number;
  issued: number;
  closed: number;
  escalated: number;
}

/**
 * The supervision loop on each tick: reminders before and after due dates, a notice for every metric that
 * turned red for a department, closure when it is green again, escalation when a reply is late.
 * Uniqueness in the database keeps each reminder and notice single across restarts and instances.
 */
@Injectable()
export class SupervisionService {
  private readonly logger = new Logger(SupervisionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly calendar: CalendarService,
    private readonly delivery: DeliveryService,
    private readonly clock: Clock,
  ) {}

  /** scope 'due': the plans where something changed or time moved something (the scheduler's); 'full': every plan. */
  async runCycle(scope: 'due' | 'full' = 'due'): Promise<SupervisionRun> {
    const run: SupervisionRun = { reminders: 0, issued: 0, closed: 0, escalated: 0 };
    // One day for the whole run, so that what it stores as done and what it plans next agree across midnight.
    const today = this.clock.today();
    await this.warnOfProvisionalYear();
    for (const plan of await this.dataSource.manager.find(PlanEntity)) {
      if (scope === 'due' && !needsSupervision(plan, today)) continue;
      let recheckOn: string | null;
      try {
        const assignments = await this.evaluations.loadAssignments(plan.id);
        const reminders = await this.remind(plan, assignments, today);
        const n = await this.superviseNotices(plan, assignments, today);
        run.reminders += reminders.sent;
        run.issued += n.issued;
        run.closed += n.closed;
        run.escalated += n.escalated;
        recheckOn = earliestDate([reminders.recheckOn, n.recheckOn]);
      } catch (error) {
        // One plan that cannot be supervised (say, a reply deadline beyond the calendar) must not stop the others;
        // it is not marked as supervised, so the next tick tries it again.
        this.logger.error(
          `Supervision of plan ${plan.code} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        continue;
      }
      // The version read before the run: its own notices and events bumped it, so the next tick looks once more.
      await this.dataSource.manager.update(
        PlanEntity,
        { id: plan.id },
        { supervisedOn: today, supervisedVersion: plan.supervisionVersion, supervisionRecheckOn: recheckOn },
      );
    }
    await this.delivery.flush();
    return run;
  }

  /** Sends the reminders due today; `recheckOn`: the first later day on which another could fall due. */
  private async remind(
    plan: PlanEntity,
    inputs: Assignments,
    today: string,
  ): Promise<{ sent: number; recheckOn: string | null }> {
    const calendar = await this.calendar.calendar();
    const submitted = await this.submissions.firstRevisions(plan.id);
    // Already sent, read once: the unique key is only the backstop for two instances racing.
    // Only this plan's: reading every plan's reminders once per plan would grow with the square of the plans.
    const metricIds = inputs.metrics.map((m) => m.id);
    const sentBefore = new Set(
      (metricIds.length
        ? await this.dataSource.manager.find(ReminderEntity, {
            select: { departmentId: true, metricId: true, periodKey: true, stage: true },
            where: { metricId: In(metricIds) },
          })
        : []
      ).map((r) => `${r.metricId}:${r.departmentId}:${r.periodKey}:${r.stage}`),
    );
    let sent = 0;
    const recheck: (string | null)[] = [];
    for (const metric of inputs.metrics) {
      const ruled = toRuledMetric(metric);
      for (const period of reportingPeriods(ruled, plan.year)) {
        if (period.start > today) {
          recheck.push(period.start);
          continue;
        }
        let due: string;
        try {
          due = dueDate(ruled, period, { today, calendar });
        } catch (error) {
          // A due date beyond the calendar's years: no reminder can be timed for it until the year is added.
          if (error instanceof CalendarRangeError) continue;
          throw error;
        }
        const missing = (inputs.assigned.get(metric.id) ?? []).filter(
          (d) => !submitted.has(`${metric.id}:${d.id}:${period.key}`),
        );
        if (missing.length === 0) continue;
        recheck.push(
          reminderRecheckDate(today, due, calendar, plan.remindBeforeWorkingDays, plan.remindOverdueAfterWorkingDays),
        );
        const stage = reminderStage(
          today,
          due,
          calendar,
          plan.remindBeforeWorkingDays,
          plan.remindOverdueAfterWorkingDays,
        );
        if (!stage) continue;
        for (const d of missing) {
          if (sentBefore.has(`${metric.id}:${d.id}:${period.key}:${stage}`)) continue;
          const created = await this.once(async (m) => {
            await m.insert(ReminderEntity, {
              departmentId: d.id,
              metricId: metric.id,
              periodKey: period.key,
              stage,
              dueDate: due,
              createdAt: this.clock.now().toISOString(),
            });
            const overdue = stage === 'overdue';
            await this.delivery.toDepartment(m, d.id, {
              titleZh: overdue
                ? `逾期未报送：${metric.name} ${period.key}（截止 ${due}）`
                : `即将到期：${metric.name} ${period.key} 请于 ${due} 前报送`,
              titleEn: overdue
                ? `Overdue: ${metric.nameEn} ${period.key} (due ${due})`
                : `Due soon: ${metric.nameEn} ${period.key}, due ${due}`,
              bodyZh: `${d.name}：指标「${metric.name}」${period.key} 的数据${overdue ? '已逾期' : '即将到期'}，截止日期 ${due}。`,
              link: `/?${new URLSearchParams({ ...(overdue ? { state: 'overdue' } : {}), q: metric.code })}`,
              data: { kind: 'reminder', stage, metric: metric.code, period: period.key, dueDate: due },
              subject: reminderSubject(metric.id, period.key),
            });
          });
          if (created) sent += 1;
        }
      }
    }
    return { sent, recheckOn: earliestDate(recheck) };
  }

  /** Issues, closes and escalates notices; `recheckOn`: the first later day on which time alone changes one of these. */
  private async superviseNotices(
    plan: PlanEntity,
    inputs: Assignments,
    today: string,
  ): Promise<{ issued: number; closed: number; escalated: number; recheckOn: string | null }> {
    const calendar = await this.calendar.calendar();
    const rows = (await this.evaluations.currentOfPlan(plan.id)).filter((e) => e.departmentId !== null);
    const byKey = new Map(rows.map((e) => [`${e.metricId}:${e.departmentId}:${e.periodKey}`, e]));
    const latest = latestPeriodRows(rows, (e) => `${e.metricId}:${e.departmentId}`, today);
    const history = groupBy(rows, (r) => `${r.metricId}:${r.departmentId}`);
    const metrics = new Map(inputs.metrics.map((m) => [m.id, m]));
    // Which period is "latest" moves when a period begins or ends.
    const recheck: (string | null)[] = [latestPeriodRecheckDate(rows, today)];
    const out = { issued: 0, closed: 0, escalated: 0 };
    // A reply a leader accepted settles that period: the loop does not reopen it while the figures stay red.
    const planMetrics = In([...metrics.keys()].length ? [...metrics.keys()] : [-1]);
    const accepted = new Set(
      (
        await this.dataSource.manager.find(NoticeEntity, { where: { closedReason: 'accepted', metricId: planMetrics } })
      ).map((n) => `${n.metricId}:${n.departmentId}:${n.periodKey}`),
    );

    for (const e of latest.values()) {
      if (e.status !== 'red' || accepted.has(`${e.metricId}:${e.departmentId}:${e.periodKey}`)) continue;
      const metric = metrics.get(e.metricId)!;
      // Red in the period before as well makes it 挂牌督办: the latest earlier period, one pass.
      const previous = previousPeriodRow(history.get(`${e.metricId}:${e.departmentId}`) ?? [], e);
      const level = initialNoticeLevel(e.basis, previous?.status === 'red');
      const issued = await this.once((m) =>
        this.issue(
          m,
          metric,
          e.departmentId!,
          e.periodKey,
          level,
          e.reasonZh,
          e.reasonEn,
          replyDeadline(today, calendar),
          null,
        ),
      );
      if (issued) out.issued += 1;
    }

    const open = await this.dataSource.manager.find(NoticeEntity, {
      where: { state: Not('closed'), metricId: planMetrics },
    });
    for (const notice of open) {
      const now = byKey.get(`${notice.metricId}:${notice.departmentId}:${notice.periodKey}`);
      // Only a period that turned green after the notice closes it: a leader may issue one by hand on a green period.
      if (now?.status === 'green' && now.evaluatedAt >= notice.issuedAt) {
        await this.dataSource.transaction(async (m) => {
          await m.update(
            NoticeEntity,
            { id: notice.id },
            { state: 'closed', closedAt: this.clock.now().toISOString(), closedReason: 'green' },
          );
          await this.event(m, notice.id, null, 'closed-green', now.reasonZh);
        });
        out.closed += 1;
      } else if (replyOverdue(notice.state, notice.replyDue, today)) {
        const level = escalate(notice.level);
        const metric = metrics.get(notice.metricId)!;
        await this.dataSource.transaction(async (m) => {
          await m.update(
            NoticeEntity,
            { id: notice.id },
            { level, escalations: notice.escalations + 1, replyDue: replyDeadline(today, calendar) },
          );
          await this.event(
            m,
            notice.id,
            null,
            'escalated',
            `${NOTICE_LEVEL_WORDS[notice.level].zh} → ${NOTICE_LEVEL_WORDS[level].zh}（答复期限 ${notice.replyDue} 已过）`,
          );
          await this.delivery.toLeaders(m, {
            titleZh: `督办单逾期未答复，已升级为${NOTICE_LEVEL_WORDS[level].zh}：${metric.name}`,
            titleEn: `Notice reply overdue, escalated to ${NOTICE_LEVEL_WORDS[level].en}: ${metric.nameEn}`,
            link: `/notices/${notice.id}`,
          });
          await this.delivery.toDepartment(m, notice.departmentId, {
            titleZh: `督办单已升级为${NOTICE_LEVEL_WORDS[level].zh}：${metric.name}`,
            titleEn: `Notice escalated to ${NOTICE_LEVEL_WORDS[level].en}: ${metric.nameEn}`,
            bodyZh: `答复期限 ${notice.replyDue} 已过，请尽快答复整改措施。`,
            link: `/notices/${notice.id}`,
            data: { kind: 'notice-escalated', notice: notice.id, level },
          });
        });
        out.escalated += 1;
      } else {
        recheck.push(replyRecheckDate(notice.state, notice.replyDue, today));
      }
    }
    // A notice closed or escalated here marked the plan changed, so the next tick looks again anyway.
    return { ...out, recheckOn: earliestDate(recheck) };
  }

  /** Writes a new notice (or reopens a closed one for the same period) with its first event and its messages. */
  async issue(
    m: EntityManager,
    metric: MetricEntity,
    departmentId: number,
    periodKey: string,
    level: NoticeLevel,
    reasonZh: string,
    reasonEn: string,
    replyDue: string,
    issuedBy: { id: number; username: string } | null,
  ): Promise<NoticeEntity | null> {
    const existing = await m.findOneBy(NoticeEntity, { metricId: metric.id, departmentId, periodKey });
    if (existing && existing.state !== 'closed') return null;
    const now = this.clock.now().toISOString();
    const expectedZh = `请于 ${replyDue} 前答复整改措施和完成时限，使「${metric.name}」达到目标 ${formatTarget(metric)}`;
    const expectedEn = `Reply by ${replyDue} with rectification measures and a target date, so that "${metric.nameEn}" meets ${formatTarget(metric, 'en')}`;
    const fields = {
      level,
      state: 'issued' as const,
      reasonZh,
      reasonEn,
      expectedZh,
      expectedEn,
      replyDue,
      issuedAt: now,
      issuedBy: issuedBy?.id ?? null,
      replyMeasures: null,
      replyTargetDate: null,
      repliedAt: null,
      closedAt: null,
      closedReason: null,
    };
    let notice: NoticeEntity;
    if (existing) {
      await m.update(NoticeEntity, { id: existing.id }, fields);
      notice = { ...existing, ...fields };
    } else {
      notice = await m.save(
        NoticeEntity,
        m.create(NoticeEntity, { metricId: metric.id, departmentId, periodKey, escalations: 0, ...fields }),
      );
    }
    await this.event(
      m,
      notice.id,
      issuedBy?.username ?? null,
      existing ? 'reopened' : 'issued',
      `${NOTICE_LEVEL_WORDS[level].zh}：${reasonZh}`,
    );
    const words = NOTICE_LEVEL_WORDS[level];
    await this.delivery.toDepartment(m, departmentId, {
      titleZh: `${words.zh}：${metric.name} ${periodKey}`,
      titleEn: `${words.en}: ${metric.nameEn} ${periodKey}`,
      bodyZh: `${reasonZh}。${expectedZh}。`,
      link: `/notices/${notice.id}`,
      data: { kind: 'notice', notice: notice.id, level, metric: metric.code, period: periodKey, replyDue },
    });
    await this.delivery.toLeaders(m, {
      titleZh: `已下发${words.zh}单：${metric.name} ${periodKey}`,
      titleEn: `${words.en} notice issued: ${metric.nameEn} ${periodKey}`,
      link: `/notices/${notice.id}`,
    });
    return notice;
  }

  async event(
    m: EntityManager,
    noticeId: number,
    actor: string | null,
    action: string,
    detail: string | null,
  ): Promise<void> {
    await m.insert(NoticeEventEntity, { noticeId, at: this.clock.now().toISOString(), actor, action, detail });
    const notice = await m.findOne(NoticeEntity, { where: { id: noticeId }, select: { id: true, metricId: true } });
    if (notice) await markPlanOfMetricChanged(m, notice.metricId);
  }

  /** From 1 November while next year has no official calendar, the admins' bell says so, once for that year. */
  private async warnOfProvisionalYear(): Promise<void> {
    const status = await this.calendar.status();
    if (!status.warn) return;
    const year = status.nextYear;
    await this.delivery.toAdminsOnce({
      titleZh: `${year} 年工作日历尚为暂定：国务院办公厅发布放假安排通知后，请在"工作日历"中粘贴通知`,
      titleEn: `The ${year} working-day calendar is still provisional: paste the State Council's holiday notice under "Calendar" once it is out`,
      link: `/admin/calendar?year=${year}`,
    });
  }

  /** Runs `work` in a transaction; a unique-key clash (another tick or instance did it first) counts as "already done". */
  private async once(work: (m: EntityManager) => Promise<unknown>): Promise<boolean> {
    try {
      const result = await this.dataSource.transaction(work);
      return result !== null;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}

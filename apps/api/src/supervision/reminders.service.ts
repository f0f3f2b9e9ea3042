import { Injectable } from '@nestjs/common';
import { earliestDate, reminderRecheckDate, reminderStage } from '@taizhang/domain';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import type { Assignments } from '../metrics/metrics.repository';
import { planObligations } from '../metrics/plan-obligations';
import type { PlanEntity } from '../plans/plan.entity';
import { SubmissionsRepository } from '../submissions/submissions.repository';
import { DeliveryService } from './delivery.service';
import { reminderKey, RemindersRepository } from './reminders.repository';
import { reminderMessage } from './supervision.messages';
import { SupervisionRepository } from './supervision.repository';

/** Reminders to report, before a due date and after it: one per metric, department, period and stage. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly supervision: SupervisionRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly calendar: CalendarService,
    private readonly delivery: DeliveryService,
    private readonly clock: Clock,
  ) {}

  /** Sends the reminders due today; `recheckOn`: the first later day on which another could fall due. */
  async remind(
    plan: PlanEntity,
    inputs: Assignments,
    today: string,
  ): Promise<{ sent: number; recheckOn: string | null }> {
    const calendar = await this.calendar.calendar();
    const submitted = await this.submissions.firstRevisions(plan.id);
    // Already sent, read once: the unique key is only the backstop for two instances racing.
    // Only this plan's: reading every plan's reminders once per plan would grow with the square of the plans.
    const sentBefore = await this.reminders.sentKeys(inputs.metrics.map((m) => m.id));
    let sent = 0;
    const recheck: (string | null)[] = [];
    const { remindBeforeWorkingDays: before, remindOverdueAfterWorkingDays: after } = plan;
    for (const { metric, period, departments, dueDate: due } of planObligations(plan.year, inputs, calendar)) {
      if (period.start > today) {
        recheck.push(period.start);
        continue;
      }
      // A due date beyond the calendar's years: no reminder can be timed for it until the year is added.
      if (due === null) continue;
      const missing = departments.filter((d) => !submitted.has(`${metric.id}:${d.id}:${period.key}`));
      if (missing.length === 0) continue;
      recheck.push(reminderRecheckDate(today, due, calendar, before, after));
      const stage = reminderStage(today, due, calendar, before, after);
      if (!stage) continue;
      for (const d of missing) {
        if (sentBefore.has(reminderKey(metric.id, d.id, period.key, stage))) continue;
        const created = await this.supervision.once(async (m) => {
          await this.reminders.insert(m, {
            departmentId: d.id,
            metricId: metric.id,
            periodKey: period.key,
            stage,
            dueDate: due,
            createdAt: this.clock.now().toISOString(),
          });
          await this.delivery.toDepartment(
            m,
            d.id,
            reminderMessage({
              metric,
              departmentName: d.name,
              periodKey: period.key,
              dueDate: due,
              dueDateProvisional: calendar.touchesProvisional(period.end, due),
              stage,
            }),
          );
        });
        if (created) sent += 1;
      }
    }
    return { sent, recheckOn: earliestDate(recheck) };
  }
}

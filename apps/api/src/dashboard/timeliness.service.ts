import { Injectable } from '@nestjs/common';
import { beijingDate, type DueItem } from '@taizhang/domain';
import { CalendarService } from '../calendar/calendar.service';
import { MetricsRepository } from '../metrics/metrics.repository';
import { planObligations } from '../metrics/plan-obligations';
import type { PlanEntity } from '../plans/plan.entity';
import { SubmissionsRepository } from '../submissions/submissions.repository';

/** For every department of a plan, each figure it owes (metric × period), its due date and when it first arrived. */
@Injectable()
export class TimelinessService {
  constructor(
    private readonly assignments: MetricsRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly calendar: CalendarService,
  ) {}

  async dueItemsByDepartment(plan: PlanEntity): Promise<Map<number, DueItem[]>> {
    return (await this.schedule(plan)).byDepartment;
  }

  /** Each department's figures owed, and each period's due date keyed `metricId:periodKey`, from one read. */
  async schedule(plan: PlanEntity): Promise<{ byDepartment: Map<number, DueItem[]>; dueDates: Map<string, string> }> {
    const inputs = await this.assignments.loadAssignments(plan.id);
    const first = await this.submissions.firstRevisions(plan.id);
    const calendar = await this.calendar.calendar();
    const out = new Map<number, DueItem[]>();
    const dueDates = new Map<string, string>();
    for (const { metric, period, departments, dueDate: due } of planObligations(plan.year, inputs, calendar)) {
      // A due date beyond the calendar's years cannot be judged on time or late until the year is added.
      if (due === null) continue;
      dueDates.set(`${metric.id}:${period.key}`, due);
      for (const d of departments) {
        const at = first.get(`${metric.id}:${d.id}:${period.key}`);
        const list = out.get(d.id) ?? [];
        list.push({ dueDate: due, firstSubmittedOn: at ? beijingDate(at) : null });
        out.set(d.id, list);
      }
    }
    return { byDepartment: out, dueDates };
  }
}

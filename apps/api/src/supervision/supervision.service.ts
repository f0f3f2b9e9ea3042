import { Injectable, Logger } from '@nestjs/common';
import { earliestDate, needsSupervision } from '@taizhang/domain';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { MetricsRepository } from '../metrics/metrics.repository';
import { DeliveryService } from './delivery.service';
import { NoticeSupervisionService } from './notice-supervision.service';
import { RemindersService } from './reminders.service';
import { provisionalCalendarToAdmins } from './supervision.messages';
import { SupervisionRepository } from './supervision.repository';

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
    private readonly supervision: SupervisionRepository,
    private readonly assignments: MetricsRepository,
    private readonly reminders: RemindersService,
    private readonly notices: NoticeSupervisionService,
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
    for (const plan of await this.supervision.plans()) {
      if (scope === 'due' && !needsSupervision(plan, today)) continue;
      let recheckOn: string | null;
      try {
        const assignments = await this.assignments.loadAssignments(plan.id);
        const reminders = await this.reminders.remind(plan, assignments, today);
        const n = await this.notices.supervise(plan, assignments, today);
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
      await this.supervision.markSupervised(plan.id, { on: today, version: plan.supervisionVersion, recheckOn });
    }
    await this.delivery.flush();
    return run;
  }

  /** From 1 November while next year has no official calendar, the admins' bell says so, once for that year. */
  private async warnOfProvisionalYear(): Promise<void> {
    const status = await this.calendar.status();
    if (!status.warn) return;
    await this.delivery.toAdminsOnce(provisionalCalendarToAdmins(status.nextYear));
  }
}

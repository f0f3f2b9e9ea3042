import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import { EvaluationScheduler } from '../evaluation/evaluation.scheduler';
import { EvaluationService } from '../evaluation/evaluation.service';
import { SeedLoaderService } from '../seeding/seed-loader.service';

/**
 * What happens once the database is migrated, in this order: the working-day calendar, the demo plan,
 * a first evaluation (so the dashboard is never stale at start), then the scheduled evaluation.
 */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  constructor(
    private readonly calendar: CalendarService,
    private readonly seedLoader: SeedLoaderService,
    private readonly evaluation: EvaluationService,
    private readonly scheduler: EvaluationScheduler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.calendar.seedBundledYears();
    await this.seedLoader.loadDemoPlan();
    await this.evaluation.runCycle();
    this.scheduler.start();
  }
}

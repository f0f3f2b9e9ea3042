import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { DemoAccounts } from '../auth/demo-accounts';
import { CalendarService } from '../calendar/calendar.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EvaluationScheduler } from '../evaluation/evaluation.scheduler';
import { EvaluationService } from '../evaluation/evaluation.service';
import { ReportsScheduler } from '../reports/reports.scheduler';
import { SupervisionScheduler } from '../supervision/supervision.scheduler';
import { SupervisionService } from '../supervision/supervision.service';
import { SeedLoaderService } from '../seeding/seed-loader.service';

/**
 * What happens once the database is migrated, in this order: the working-day calendar, the demo plan,
 * demo accounts (demo mode) and the ADMIN_PASSWORD, a first evaluation (so the dashboard is never stale at start), a first
 * supervision run (unless SUPERVISION=0), then the scheduled jobs.
 */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  constructor(
    private readonly calendar: CalendarService,
    private readonly seedLoader: SeedLoaderService,
    private readonly evaluation: EvaluationService,
    private readonly scheduler: EvaluationScheduler,
    private readonly auth: AuthService,
    private readonly demoAccounts: DemoAccounts,
    private readonly reportsScheduler: ReportsScheduler,
    private readonly supervision: SupervisionService,
    private readonly supervisionScheduler: SupervisionScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.calendar.seedBundledYears();
    await this.seedLoader.loadDemoPlan();
    if (this.config.demo) await this.demoAccounts.ensure();
    await this.auth.applyAdminPassword();
    await this.evaluation.runCycle();
    if (this.config.supervision) await this.supervision.runCycle();
    this.scheduler.start();
    this.reportsScheduler.start();
    if (this.config.supervision) this.supervisionScheduler.start();
  }
}

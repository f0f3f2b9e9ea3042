import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import type { HealthResponse } from '@taizhang/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { databaseKind } from '../database/data-source-options';
import { EvaluationScheduler } from '../evaluation/evaluation.scheduler';
import { EvaluationService } from '../evaluation/evaluation.service';
import { HealthRepository } from './health.repository';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: HealthRepository,
    private readonly evaluation: EvaluationService,
    private readonly scheduler: EvaluationScheduler,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Answers ok only when the database answers too. */
  @Get()
  @Public()
  async health(): Promise<HealthResponse> {
    await this.database.ping();
    return {
      status: 'ok',
      database: databaseKind(this.config),
      version: process.env.npm_package_version ?? '0.1.0',
      demo: this.config.demo,
      today: this.clock.today(),
      evaluation: {
        cron: this.config.evaluationCron,
        lastRun: this.evaluation.lastRun,
        nextRun: this.scheduler.nextRun(),
      },
      calendar: { provisionalYearsInUse: (await this.calendar.status()).provisionalYearsInUse },
    };
  }
}

import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { DeliveryModule } from './delivery.module';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { SupervisionScheduler } from './supervision.scheduler';
import { SupervisionService } from './supervision.service';

@Module({
  imports: [EvaluationModule, SubmissionsModule, CalendarModule, DeliveryModule],
  controllers: [NoticesController, NotificationsController],
  providers: [SupervisionService, NoticesService, NotificationsService, NoticesRepository, SupervisionScheduler],
  exports: [SupervisionService, SupervisionScheduler, NoticesRepository],
})
export class SupervisionModule {}

import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { DeliveryModule } from './delivery.module';
import { NoticeSupervisionService } from './notice-supervision.service';
import { NoticeWriter } from './notice-writer.service';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { SupervisionScheduler } from './supervision.scheduler';
import { SupervisionRepository } from './supervision.repository';
import { SupervisionService } from './supervision.service';

/** Reminders, notices (the loop's and people's) and the bell; deliveries come from DeliveryModule. */
@Module({
  imports: [EvaluationModule, SubmissionsModule, CalendarModule, DeliveryModule],
  controllers: [NoticesController, NotificationsController],
  providers: [
    SupervisionService,
    SupervisionRepository,
    SupervisionScheduler,
    RemindersService,
    RemindersRepository,
    NoticeSupervisionService,
    NoticeWriter,
    NoticesService,
    NoticesRepository,
    NotificationsService,
  ],
  exports: [SupervisionService, SupervisionScheduler, NoticesRepository],
})
export class SupervisionModule {}

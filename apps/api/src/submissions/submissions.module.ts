import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CalendarModule } from '../calendar/calendar.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { DeliveryModule } from '../supervision/delivery.module';
import { EvidenceStorage } from './evidence-storage';
import { EvidenceService } from './evidence.service';
import { FlaggedSubmissionsService } from './flagged-submissions.service';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';
import { Transactions } from '../database/transactions';
import { PlansRepository } from '../plans/plans.repository';

@Module({
  imports: [
    EvaluationModule,
    CalendarModule,
    DeliveryModule,
    // Files are checked in memory (type and size) before anything reaches the disk.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.maxUploadBytes, files: 1 },
      }),
    }),
  ],
  controllers: [SubmissionsController],
  providers: [
    Transactions,
    PlansRepository,
    SubmissionsService,
    SubmissionsRepository,
    EvidenceService,
    EvidenceStorage,
    FlaggedSubmissionsService,
  ],
  exports: [SubmissionsRepository, SubmissionsService, EvidenceStorage, MulterModule],
})
export class SubmissionsModule {}

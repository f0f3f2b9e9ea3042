import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlansRepository } from '../plans/plans.repository';
import { SeedingModule } from '../seeding/seeding.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { PlanImportController } from './plan-import.controller';
import { PlanImportService } from './plan-import.service';

@Module({
  imports: [SeedingModule, SubmissionsModule, EvaluationModule],
  controllers: [PlanImportController],
  providers: [PlanImportService, PlansRepository],
})
export class PlanImportModule {}

import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlansModule } from '../plans/plans.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

@Module({ imports: [PlansModule, EvaluationModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}

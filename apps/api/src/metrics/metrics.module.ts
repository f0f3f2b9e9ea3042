import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlansModule } from '../plans/plans.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({ imports: [EvaluationModule, PlansModule], controllers: [MetricsController], providers: [MetricsService] })
export class MetricsModule {}

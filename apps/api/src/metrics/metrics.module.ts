import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({ imports: [EvaluationModule], controllers: [MetricsController], providers: [MetricsService] })
export class MetricsModule {}

import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { HealthController } from './health.controller';

@Module({ imports: [EvaluationModule], controllers: [HealthController] })
export class HealthModule {}

import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';

@Module({ imports: [EvaluationModule], controllers: [SubmissionsController], providers: [SubmissionsService, SubmissionsRepository], exports: [SubmissionsRepository] })
export class SubmissionsModule {}

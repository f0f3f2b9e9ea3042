import { Module } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlansRepository } from '../plans/plans.repository';
import { CommentsController } from './comments.controller';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';

@Module({
  imports: [EvaluationModule],
  controllers: [CommentsController],
  providers: [CommentsService, CommentsRepository, PlansRepository, Transactions],
  exports: [CommentsRepository],
})
export class CommentsModule {}

import { Global, Module } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { DepartmentsController } from './departments.controller';
import { DepartmentsRepository } from './departments.repository';
import { DepartmentsService } from './departments.service';

@Global()
@Module({
  controllers: [DepartmentsController],
  providers: [DepartmentsRepository, DepartmentsService, Transactions],
  exports: [DepartmentsRepository],
})
export class DepartmentsModule {}

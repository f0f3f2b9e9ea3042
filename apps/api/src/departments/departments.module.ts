import { Global, Module } from '@nestjs/common';
import { DepartmentsController } from './departments.controller';
import { DepartmentsRepository } from './departments.repository';

@Global()
@Module({ controllers: [DepartmentsController], providers: [DepartmentsRepository], exports: [DepartmentsRepository] })
export class DepartmentsModule {}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DepartmentEntity } from './department.entity';

@Injectable()
export class DepartmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<DepartmentEntity[]> {
    return this.dataSource.manager.find(DepartmentEntity, { order: { id: 'ASC' } });
  }

  findByCode(code: string): Promise<DepartmentEntity | null> {
    return this.dataSource.manager.findOneBy(DepartmentEntity, { code });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IndicatorDepartmentEntity, IndicatorEntity } from '../plans/indicator.entity';
import { DepartmentEntity } from './department.entity';

@Injectable()
export class DepartmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<DepartmentEntity[]> {
    return this.dataSource.manager.find(DepartmentEntity, { order: { id: 'ASC' } });
  }

  /** The departments named as lead or responsible for some indicator of a plan (a province holds tens of thousands in all). */
  findOfPlan(planId: number): Promise<DepartmentEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(DepartmentEntity, 'd')
      .where(
        (qb) =>
          `d.id IN ${qb.subQuery().select('l.department_id').from(IndicatorDepartmentEntity, 'l').innerJoin(IndicatorEntity, 'i', 'i.id = l.indicator_id').where('i.plan_id = :planId').getQuery()}`,
        { planId },
      )
      .orderBy('d.id', 'ASC')
      .getMany();
  }

  findByCode(code: string): Promise<DepartmentEntity | null> {
    return this.dataSource.manager.findOneBy(DepartmentEntity, { code });
  }
}

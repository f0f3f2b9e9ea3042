import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { IndicatorDepartmentEntity, IndicatorEntity } from '../plans/indicator.entity';
import { DepartmentEntity } from './department.entity';

/** Departments. Methods that take `m` run inside the caller's transaction. */
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

  findById(id: number, m: EntityManager = this.dataSource.manager): Promise<DepartmentEntity | null> {
    return m.findOneBy(DepartmentEntity, { id });
  }

  async codeTaken(code: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await m.countBy(DepartmentEntity, { code })) > 0;
  }

  insert(m: EntityManager, department: Omit<DepartmentEntity, 'id'>): Promise<DepartmentEntity> {
    return m.save(DepartmentEntity, m.create(DepartmentEntity, department));
  }

  async update(m: EntityManager, id: number, changes: Partial<DepartmentEntity>): Promise<void> {
    await m.update(DepartmentEntity, { id }, changes);
  }
}

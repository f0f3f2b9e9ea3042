import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { DepartmentEntity } from './department.entity';
import { DepartmentsRepository } from './departments.repository';

export interface DepartmentResponse {
  id: number;
  code: string;
  name: string;
  isGroup: boolean;
}

const toResponse = (d: DepartmentEntity): DepartmentResponse => ({ id: d.id, code: d.code, name: d.name, isGroup: d.isGroup });

/** Departments as the plans name them; admins add new ones and correct names, with an audit row each. */
@Injectable()
export class DepartmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<DepartmentResponse[]> {
    return (await this.departments.findAll()).map(toResponse);
  }

  async create(actor: CurrentUser, input: { code: string; name: string }): Promise<DepartmentResponse> {
    return this.dataSource.transaction(async (m) => {
      if (await m.countBy(DepartmentEntity, { code: input.code })) throw new AppError('CONFLICT', `单位代码 ${input.code} 已存在`, `The department code ${input.code} is taken`);
      const saved = await m.save(DepartmentEntity, m.create(DepartmentEntity, { ...input, isGroup: false }));
      await this.audit.record(actor, { kind: 'write', action: 'create department', entity: 'department', entityId: saved.id, after: toResponse(saved) }, m);
      return toResponse(saved);
    });
  }

  async rename(actor: CurrentUser, id: number, name: string): Promise<DepartmentResponse> {
    return this.dataSource.transaction(async (m) => {
      const before = await m.findOneBy(DepartmentEntity, { id });
      if (!before) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的单位`, `No department with id ${id}`);
      await m.update(DepartmentEntity, { id }, { name });
      await this.audit.record(actor, { kind: 'write', action: 'rename department', entity: 'department', entityId: id, before: toResponse(before), after: { ...toResponse(before), name } }, m);
      return { ...toResponse(before), name };
    });
  }
}

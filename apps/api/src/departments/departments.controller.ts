import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../auth/access.decorator';
import { DepartmentsRepository } from './departments.repository';

export interface DepartmentResponse {
  id: number;
  code: string;
  name: string;
  isGroup: boolean;
}

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsRepository) {}

  /** The departments and groups named in the plans (names are public in the ledger itself). */
  @Get()
  @SignedIn()
  async list(): Promise<DepartmentResponse[]> {
    return (await this.departments.findAll()).map((d) => ({ id: d.id, code: d.code, name: d.name, isGroup: d.isGroup }));
  }
}

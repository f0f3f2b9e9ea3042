import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { idPipe } from '../common/id.pipe';
import { DepartmentsService, type DepartmentResponse } from './departments.service';

const NAME_MESSAGE = '单位名称应为 1–100 字 / name must be 1–100 characters';

class CreateDepartmentDto {
  @Matches(/^[a-z0-9-]{2,64}$/, { message: '单位代码为 2–64 位小写字母、数字或 - / code must be 2–64 lowercase letters, digits or -' })
  code!: string;

  @IsString({ message: NAME_MESSAGE })
  @Matches(/\S/, { message: NAME_MESSAGE })
  @MaxLength(100, { message: NAME_MESSAGE })
  name!: string;
}

class RenameDepartmentDto {
  @IsString({ message: NAME_MESSAGE })
  @Matches(/\S/, { message: NAME_MESSAGE })
  @MaxLength(100, { message: NAME_MESSAGE })
  name!: string;
}

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  /** The departments and groups named in the plans (names are public in the ledger itself). */
  @Get()
  @SignedIn()
  list(): Promise<DepartmentResponse[]> {
    return this.departments.list();
  }

  @Post()
  @Roles('admin')
  create(@User() user: CurrentUser, @Body() body: CreateDepartmentDto): Promise<DepartmentResponse> {
    return this.departments.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  rename(@User() user: CurrentUser, @Param('id', idPipe('单位编号 / department id')) id: number, @Body() body: RenameDepartmentDto): Promise<DepartmentResponse> {
    return this.departments.rename(user, id, body.name.trim());
  }
}

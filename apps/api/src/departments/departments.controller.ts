import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DepartmentResponse } from '@taizhang/contracts';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { idPipe } from '../common/id.pipe';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto, DepartmentsQueryDto, UpdateDepartmentDto } from './departments.dto';

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  /** The departments and groups named in the plans (names are public in the ledger itself; contacts only for admins). */
  @Get()
  @SignedIn()
  list(@User() user: CurrentUser, @Query() query: DepartmentsQueryDto): Promise<DepartmentResponse[]> {
    return this.departments.list(user, query.planId);
  }

  @Post()
  @Roles('admin')
  create(@User() user: CurrentUser, @Body() body: CreateDepartmentDto): Promise<DepartmentResponse> {
    return this.departments.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @User() user: CurrentUser,
    @Param('id', idPipe('单位编号 / department id')) id: number,
    @Body() body: UpdateDepartmentDto,
  ): Promise<DepartmentResponse> {
    return this.departments.update(user, id, body);
  }
}

import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DepartmentResponse } from '@taizhang/contracts';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, IsUrl, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { HasVisibleText } from '../common/field-validators';
import { idPipe } from '../common/id.pipe';
import { DepartmentsService } from './departments.service';

const NAME_MESSAGE = '单位名称应为 1–100 字 / name must be 1–100 characters';

class DepartmentsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  @Min(1, { message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  planId?: number;
}

class CreateDepartmentDto {
  @Matches(/^[a-z0-9-]{2,64}$/, {
    message: '单位代码为 2–64 位小写字母、数字或 - / code must be 2–64 lowercase letters, digits or -',
  })
  code!: string;

  @IsString({ message: NAME_MESSAGE })
  @HasVisibleText({ message: NAME_MESSAGE })
  @MaxLength(100, { message: NAME_MESSAGE })
  name!: string;
}

const EMAIL_MESSAGE =
  '邮箱 email 应为有效的邮件地址，或 null 表示不发邮件 / email must be a valid email address, or null for none';
const WEBHOOK_MESSAGE =
  'webhookUrl 应为 http:// 或 https:// 开头的网址，或 null 表示不推送 / webhookUrl must be an http:// or https:// URL, or null for none';

/** Name, email and webhook, each optional; null clears a contact. */
class UpdateDepartmentDto {
  // A name may be left out but not cleared.
  @ValidateIf((o: UpdateDepartmentDto) => o.name !== undefined)
  @IsString({ message: NAME_MESSAGE })
  @HasVisibleText({ message: NAME_MESSAGE })
  @MaxLength(100, { message: NAME_MESSAGE })
  name?: string;

  @IsOptional()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: EMAIL_MESSAGE })
  email?: string | null;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: WEBHOOK_MESSAGE })
  @MaxLength(2000, { message: WEBHOOK_MESSAGE })
  webhookUrl?: string | null;
}

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

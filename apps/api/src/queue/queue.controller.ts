import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { QueueResponse } from '@taizhang/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { departmentInScope } from '../auth/department-scope';
import { QueueService } from './queue.service';

class QueueQueryDto {
  @Type(() => Number)
  @IsInt({ message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  @Min(1, { message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  planId!: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '单位编号 departmentId 应为正整数 / departmentId must be a positive whole number' })
  departmentId?: number;
}

@ApiTags('queue')
@Controller('queue')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  /** What is due: for a department user their own department; leaders and admins name one. */
  @Get()
  @SignedIn()
  get(@User() user: CurrentUser, @Query() q: QueueQueryDto): Promise<QueueResponse> {
    return this.queue.forDepartment(q.planId, departmentInScope(user, q.departmentId));
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { QueueResponse } from '@taizhang/contracts';
import { SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { departmentInScope } from '../auth/department-scope';
import { QueueListQueryDto } from './queue.dto';
import { QueueService } from './queue.service';

@ApiTags('queue')
@Controller('queue')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  /** What is due: for a department user their own department; leaders and admins name one. One tab, search and page. */
  @Get()
  @SignedIn()
  get(@User() user: CurrentUser, @Query() q: QueueListQueryDto): Promise<QueueResponse> {
    return this.queue.list(q.planId, departmentInScope(user, q.departmentId), q);
  }
}

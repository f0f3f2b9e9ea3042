import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { idPipe } from '../common/id.pipe';
import { CommentsQueryDto, CreateCommentDto, type MetricCommentResponse } from './comments.dto';
import { CommentsService } from './comments.service';

@ApiTags('comments')
@Controller('metrics/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  /** The comments on a metric's period (every period when none is named), oldest first. */
  @Get()
  @SignedIn()
  list(
    @User() user: CurrentUser,
    @Param('id', idPipe('指标编号 / metric id')) id: number,
    @Query() q: CommentsQueryDto,
  ): Promise<MetricCommentResponse[]> {
    return this.comments.list(user, id, q.period);
  }

  /** Leaders and the departments that report the metric comment on one of its periods; admins only read. */
  @Post()
  @HttpCode(201)
  @Roles('leader', 'department')
  create(
    @User() user: CurrentUser,
    @Param('id', idPipe('指标编号 / metric id')) id: number,
    @Body() body: CreateCommentDto,
  ): Promise<MetricCommentResponse> {
    return this.comments.create(user, id, body);
  }
}

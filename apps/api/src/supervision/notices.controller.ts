import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import { NOTICE_LEVELS, type NoticeLevel } from '@taizhang/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { HasVisibleText, IsRealDate } from '../common/field-validators';
import { storedFileDownload } from '../common/file-download';
import { idPipe } from '../common/id.pipe';
import { NoticesService, type NoticeResponse } from './notices.service';

class ListNoticesQueryDto {
  @IsOptional()
  @IsIn(['open', 'issued', 'acknowledged', 'replied', 'closed'], {
    message:
      'state 应为 open、issued、acknowledged、replied 或 closed / state must be open, issued, acknowledged, replied or closed',
  })
  state?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '指标编号 metricId 应为正整数 / metricId must be a positive whole number' })
  metricId?: number;
}

class IssueNoticeDto {
  @IsInt({ message: '指标编号 metricId 应为正整数 / metricId must be a positive whole number' })
  @Min(1, { message: '指标编号 metricId 应为正整数 / metricId must be a positive whole number' })
  metricId!: number;

  @IsInt({ message: '单位编号 departmentId 应为正整数 / departmentId must be a positive whole number' })
  @Min(1, { message: '单位编号 departmentId 应为正整数 / departmentId must be a positive whole number' })
  departmentId!: number;

  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, {
    message: '报送期应写作 2020-03、2020-Q1 或 2020 / period must be written 2020-03, 2020-Q1 or 2020',
  })
  period!: string;

  @IsIn(NOTICE_LEVELS, {
    message: 'level 应为 remind、supervise 或 listed / level must be remind, supervise or listed',
  })
  level!: NoticeLevel;

  @IsOptional()
  @IsString({ message: '说明应为文字 / note must be text' })
  @MaxLength(1000, { message: '说明不超过 1000 字 / note must be at most 1000 characters' })
  note?: string;
}

class ReplyDto {
  @IsString({ message: '整改措施应为文字 / measures must be text' })
  @HasVisibleText({ message: '请填写整改措施 / measures are required' })
  @MaxLength(4000, { message: '整改措施不超过 4000 字 / measures must be at most 4000 characters' })
  measures!: string;

  @IsRealDate({
    message: '完成时限 targetDate 应为实际存在的日期 YYYY-MM-DD / targetDate must be a real date written YYYY-MM-DD',
  })
  targetDate!: string;
}

class SendBackDto {
  @IsString({ message: '退回意见应为文字 / comment must be text' })
  @HasVisibleText({ message: '请填写退回意见 / a comment is required' })
  @MaxLength(1000, { message: '退回意见不超过 1000 字 / comment must be at most 1000 characters' })
  comment!: string;
}

@ApiTags('notices')
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @SignedIn()
  list(@User() user: CurrentUser, @Query() q: ListNoticesQueryDto): Promise<NoticeResponse[]> {
    return this.notices.list(user, q);
  }

  @Get(':id')
  @SignedIn()
  get(@User() user: CurrentUser, @Param('id', idPipe('督办单编号 / notice id')) id: number): Promise<NoticeResponse> {
    return this.notices.get(user, id);
  }

  /** A leader issues a notice by hand, for any metric. */
  @Post()
  @HttpCode(201)
  @Roles('leader')
  issue(@User() user: CurrentUser, @Body() body: IssueNoticeDto): Promise<NoticeResponse> {
    return this.notices.issueByHand(user, body);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('department')
  acknowledge(
    @User() user: CurrentUser,
    @Param('id', idPipe('督办单编号 / notice id')) id: number,
  ): Promise<NoticeResponse> {
    return this.notices.act(user, id, 'acknowledge', {});
  }

  /** JSON, or multipart with the same fields and a file in `file` (PDF, images, Office documents): all or nothing. */
  @Post(':id/reply')
  @HttpCode(200)
  @Roles('department')
  @UseInterceptors(FileInterceptor('file'))
  reply(
    @User() user: CurrentUser,
    @Param('id', idPipe('督办单编号 / notice id')) id: number,
    @Body() body: ReplyDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<NoticeResponse> {
    return this.notices.act(user, id, 'reply', body, file);
  }

  @Get(':id/attachments/:attachmentId')
  @SignedIn()
  async attachment(
    @User() user: CurrentUser,
    @Param('id', idPipe('督办单编号 / notice id')) id: number,
    @Param('attachmentId', idPipe('附件编号 / attachment id')) attachmentId: number,
  ): Promise<StreamableFile> {
    const { file, path } = await this.notices.attachment(user, id, attachmentId);
    return storedFileDownload(path, file);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('leader')
  accept(
    @User() user: CurrentUser,
    @Param('id', idPipe('督办单编号 / notice id')) id: number,
  ): Promise<NoticeResponse> {
    return this.notices.act(user, id, 'accept', {});
  }

  @Post(':id/send-back')
  @HttpCode(200)
  @Roles('leader')
  sendBack(
    @User() user: CurrentUser,
    @Param('id', idPipe('督办单编号 / notice id')) id: number,
    @Body() body: SendBackDto,
  ): Promise<NoticeResponse> {
    return this.notices.act(user, id, 'send-back', body);
  }
}

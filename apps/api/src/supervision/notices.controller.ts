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
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { storedFileDownload } from '../common/file-download';
import { idPipe } from '../common/id.pipe';
import { NoticesService, type NoticeResponse } from './notices.service';
import { IssueNoticeDto, ListNoticesQueryDto, ReplyDto, SendBackDto } from './notices.dto';

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

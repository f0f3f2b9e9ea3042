import { Controller, Get, HttpCode, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { departmentInScope } from '../auth/department-scope';
import { attachmentDisposition } from '../common/file-download';
import { TemplateQueryDto } from './queue.dto';
import { BulkEntryService } from './bulk-entry.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('submissions')
@Controller('submissions')
export class BulkEntryController {
  constructor(private readonly bulk: BulkEntryService) {}

  /** The department's Excel template: what is still due (or one month's items). */
  @Get('template')
  @Roles('department', 'leader', 'admin')
  async template(@User() user: CurrentUser, @Query() q: TemplateQueryDto): Promise<StreamableFile> {
    const file = await this.bulk.template(q.planId, departmentInScope(user, q.departmentId), q.month);
    return new StreamableFile(file, {
      type: XLSX,
      disposition: attachmentDisposition(`台账填报模板-${q.month ?? '待报送'}.xlsx`),
    });
  }

  /** The filled template; all rows are saved or none, with a row-by-row report of what is wrong. */
  @Post('bulk')
  @HttpCode(201)
  @Roles('department')
  @UseInterceptors(FileInterceptor('file'))
  upload(@User() user: CurrentUser, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.bulk.upload(user, file);
  }
}

import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import type { ConfirmImportResponse, ImportPreview } from '@taizhang/contracts';
import { Roles } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { PlanImportService } from './plan-import.service';
import { ConfirmImportDto, ImportIdentityDto } from './plan-import.dto';

@ApiTags('plans')
@Controller('plans/import')
export class PlanImportController {
  constructor(private readonly imports: PlanImportService) {}

  /** Reads a ledger (.txt, .docx, .xlsx) and proposes the plan, every target with the words it was found in. */
  @Post()
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(FileInterceptor('file'))
  preview(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ImportIdentityDto,
  ): Promise<ImportPreview> {
    return this.imports.preview(file, body);
  }

  /** Creates the reviewed plan: indicators, tasks, departments and metrics in one transaction. */
  @Post('confirm')
  @HttpCode(201)
  @Roles('admin')
  confirm(@User() user: CurrentUser, @Body() body: ConfirmImportDto): Promise<ConfirmImportResponse> {
    return this.imports.confirm(user, body.seed);
  }
}

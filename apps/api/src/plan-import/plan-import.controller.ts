import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import type { ConfirmImportResponse, ImportPreview } from '@taizhang/contracts';
import type { PlanSeed } from '@taizhang/domain';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Roles } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { HasVisibleText } from '../common/field-validators';
import { PlanImportService } from './plan-import.service';

class ImportIdentityDto {
  @Matches(/^[a-z0-9-]{2,64}$/, {
    message: '计划代码为 2–64 位小写字母、数字或 - / code must be 2–64 lowercase letters, digits or -',
  })
  code!: string;

  @IsString({ message: '计划名称应为文字 / title must be text' })
  @HasVisibleText({ message: '请填写计划名称 / title is required' })
  @MaxLength(200, { message: '计划名称不超过 200 字 / title must be at most 200 characters' })
  title!: string;

  @Type(() => Number)
  @IsInt({ message: '年度 year 应为 2000–2100 的整数 / year must be a whole number from 2000 to 2100' })
  @Min(2000, { message: '年度 year 应为 2000–2100 的整数 / year must be a whole number from 2000 to 2100' })
  @Max(2100, { message: '年度 year 应为 2000–2100 的整数 / year must be a whole number from 2000 to 2100' })
  year!: number;

  @IsString({ message: '地区应为文字 / district must be text' })
  @MaxLength(100, { message: '地区不超过 100 字 / district must be at most 100 characters' })
  district!: string;
}

class ConfirmImportDto {
  @IsObject({ message: 'seed 应为预览返回的计划对象 / seed must be the plan object the preview returned' })
  seed!: PlanSeed;
}

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

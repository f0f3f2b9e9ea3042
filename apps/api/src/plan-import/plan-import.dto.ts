import type { PlanSeed } from '@taizhang/domain';
import { IsObject, IsString, Matches, MaxLength } from 'class-validator';
import { HasVisibleText, WholeNumberInText } from '../common/field-validators';

export class ImportIdentityDto {
  @Matches(/^[a-z0-9-]{2,64}$/, {
    message: '计划代码为 2–64 位小写字母、数字或 - / code must be 2–64 lowercase letters, digits or -',
  })
  code!: string;

  @IsString({ message: '计划名称应为文字 / title must be text' })
  @HasVisibleText({ message: '请填写计划名称 / title is required' })
  @MaxLength(200, { message: '计划名称不超过 200 字 / title must be at most 200 characters' })
  title!: string;

  @WholeNumberInText('年度 year 应为 2000–2100 的整数 / year must be a whole number from 2000 to 2100', {
    min: 2000,
    max: 2100,
  })
  year!: number;

  @IsString({ message: '地区应为文字 / district must be text' })
  @MaxLength(100, { message: '地区不超过 100 字 / district must be at most 100 characters' })
  district!: string;
}

export class ConfirmImportDto {
  @IsObject({ message: 'seed 应为预览返回的计划对象 / seed must be the plan object the preview returned' })
  seed!: PlanSeed;
}

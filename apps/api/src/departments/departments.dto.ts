import { IsEmail, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateIf } from 'class-validator';
import { HasVisibleText, IdInText } from '../common/field-validators';

const NAME_MESSAGE = '单位名称应为 1–100 字 / name must be 1–100 characters';

export class DepartmentsQueryDto {
  @IsOptional()
  @IdInText('计划编号 planId', 'planId')
  planId?: number;
}

export class CreateDepartmentDto {
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
export class UpdateDepartmentDto {
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

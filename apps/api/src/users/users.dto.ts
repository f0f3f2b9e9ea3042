import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UserAccountResponse } from '@taizhang/contracts';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ROLES, type Role, type UserEntity } from '../auth/user.entity';
import { IsWholeNumber } from '../common/field-validators';

const ROLE_MESSAGE = '角色 role 应为 admin、leader 或 department / role must be admin, leader or department';
const PASSWORD_MESSAGE = '密码至少 8 位 / password must have at least 8 characters';

export class CreateUserDto {
  @ApiProperty({ example: 'sfj-clerk' })
  @Matches(/^[A-Za-z0-9._-]{2,64}$/, {
    message: '用户名为 2–64 位字母、数字或 . _ - / username must be 2–64 letters, digits or . _ -',
  })
  username!: string;

  @ApiProperty()
  @IsString({ message: PASSWORD_MESSAGE })
  @MinLength(8, { message: PASSWORD_MESSAGE })
  @MaxLength(200, { message: '密码不超过 200 位 / password must be at most 200 characters' })
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role!: Role;

  @ApiPropertyOptional({ description: '部门用户所属单位 / department of a department user' })
  @ValidateIf((o: CreateUserDto) => o.role === 'department' || o.departmentId !== undefined)
  @IsWholeNumber('部门用户须指定单位 departmentId / a department user needs a departmentId', { min: 1 })
  departmentId?: number;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: PASSWORD_MESSAGE })
  @MinLength(8, { message: PASSWORD_MESSAGE })
  @MaxLength(200, { message: '密码不超过 200 位 / password must be at most 200 characters' })
  password?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'departmentId 应为正整数或 null / departmentId must be a positive whole number or null' })
  departmentId?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'disabled 应为 true 或 false / disabled must be true or false' })
  disabled?: boolean;
}

export function toUserListItem(u: UserEntity): UserAccountResponse {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    departmentId: u.departmentId,
    disabled: u.disabled,
    createdAt: u.createdAt,
  };
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'sfj' })
  @IsString({ message: '用户名应为文字 / username must be text' })
  @MinLength(1, { message: '请填写用户名 / username is required' })
  @MaxLength(100, { message: '用户名不超过 100 字 / username must be at most 100 characters' })
  username!: string;

  @ApiProperty({ example: 'demo-password' })
  @IsString({ message: '密码应为文字 / password must be text' })
  @MinLength(1, { message: '请填写密码 / password is required' })
  @MaxLength(200, { message: '密码不超过 200 字 / password must be at most 200 characters' })
  password!: string;
}

export type { LoginResponse, MeResponse, UserResponse } from '@taizhang/contracts';

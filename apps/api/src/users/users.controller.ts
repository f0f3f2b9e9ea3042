import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UserAccountResponse } from '@taizhang/contracts';
import { Roles } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { idPipe } from '../common/id.pipe';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  list(): Promise<UserAccountResponse[]> {
    return this.users.list();
  }

  @Post()
  @Roles('admin')
  create(@User() actor: CurrentUser, @Body() body: CreateUserDto): Promise<UserAccountResponse> {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @User() actor: CurrentUser,
    @Param('id', idPipe('用户编号 / user id')) id: number,
    @Body() body: UpdateUserDto,
  ): Promise<UserAccountResponse> {
    return this.users.update(actor, id, body);
  }
}

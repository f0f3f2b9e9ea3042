import { Module } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ controllers: [UsersController], providers: [UsersService, Transactions] })
export class UsersModule {}

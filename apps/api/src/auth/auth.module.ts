import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { DenialAuditInterceptor } from '../audit/denial-audit.interceptor';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SessionsRepository } from './sessions.repository';
import { Transactions } from '../database/transactions';
import { UsersRepository } from '../users/users.repository';
import { DemoAccounts } from './demo-accounts';
import { CookieOptionsFactory } from './cookie-options';

@Global()
@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionsRepository,
    UsersRepository,
    Transactions,
    CookieOptionsFactory,
    DemoAccounts,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: DenialAuditInterceptor },
  ],
  exports: [AuthService, DemoAccounts, UsersRepository],
})
export class AuthModule {}

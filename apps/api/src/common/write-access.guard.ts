import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppError } from './app-error';

/**
 * Guards every route that writes. Until accounts and roles arrive (workflow issue), a deployment sets
 * WRITE_TOKEN and callers send `Authorization: Bearer <token>`; without WRITE_TOKEN (the demo) writes are open.
 */
@Injectable()
export class WriteAccessGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.writeToken;
    if (!expected) return true;
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    const ok = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!ok) throw new AppError('UNAUTHORIZED', '需要登录或有效的写入令牌', 'Sign-in or a valid write token is required');
    return true;
  }
}

import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { ACCESS_KEY, type AccessRule } from './access.decorator';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './current-user';

export const SESSION_COOKIE = 'tz_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session cookie as sent, or '' — never anything else: cookie-parser turns a value written `j:…` into whatever
 * JSON it holds (an object, a number, an array), and no session of ours is one of those.
 */
export function sessionCookieOf(req: { cookies?: unknown }): string {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' ? value : '';
}

/**
 * Every route: who is calling (bearer token or session cookie), and whether the route's access rule lets
 * them in. A route without a rule is refused (and a test lists every route to keep that from happening).
 * Writes made with the cookie must echo the session's CSRF token; bearer clients are not exposed to CSRF.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    const header = req.headers.authorization ?? '';
    const bearer = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const cookie = sessionCookieOf(req);
    const session = bearer || cookie ? await this.auth.authenticate(bearer || cookie) : null;
    if (session) {
      req.user = session.user;
      (req as AuthenticatedRequest & { csrfToken?: string }).csrfToken = session.csrfToken;
    }
    const action = `${req.method} ${req.route?.path ?? req.path}`;

    if (!rule) {
      this.logger.error(`Route ${action} declares no access rule; refused`);
      return this.deny(
        req,
        action,
        403,
        new AppError('FORBIDDEN', '该地址未声明访问规则，已拒绝', 'This route declares no access rule; refused'),
      );
    }
    if (rule.kind === 'public') return true;
    if (!session) return this.deny(req, action, 401, new AppError('UNAUTHORIZED', '请先登录', 'Please sign in'));
    if (!rule.roles.includes(session.user.role)) {
      return this.deny(
        req,
        action,
        403,
        new AppError('FORBIDDEN', '您的角色无权执行此操作', 'Your role may not do this'),
      );
    }
    if (!SAFE_METHODS.has(req.method) && !bearer && req.headers['x-csrf-token'] !== session.csrfToken) {
      return this.deny(
        req,
        action,
        403,
        new AppError(
          'FORBIDDEN',
          '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
          'The request lacks a valid CSRF token; reload the page and try again',
        ),
      );
    }
    return true;
  }

  private async deny(req: AuthenticatedRequest, action: string, statusCode: number, error: AppError): Promise<never> {
    // Anonymous refusals are counted, not itemised: anyone can make them and the trail is append-only.
    if (req.user) await this.audit.record(req.user, { kind: 'denied', action, statusCode });
    else await this.audit.countAnonymous(action, statusCode);
    throw error;
  }
}

import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/current-user';
import { isCodedError } from '../common/app-error';
import { AuditService } from './audit.service';

const DENIALS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403 };

/**
 * The guard records the requests it refuses; this records the refusals that come later, from the
 * services (a department user reaching into another department's data), so that every signed-in user's 401/403 is in
 * the trail (anonymous ones are counted: AuditService.countAnonymous).
 */
@Injectable()
export class DenialAuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const statusCode = isCodedError(error) ? DENIALS[error.code] : undefined;
        // A failed sign-in is recorded by the login route itself.
        if (!statusCode || ctx.getType() !== 'http') return throwError(() => error);
        const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
        if (!req.user) return throwError(() => error);
        const action = `${req.method} ${req.route?.path ?? req.path}`;
        return from(this.audit.record(req.user, { kind: 'denied', action, statusCode })).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
    );
  }
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from './user.entity';

/** The signed-in user, as the guard put it on the request. */
export interface CurrentUser {
  id: number;
  username: string;
  role: Role;
  departmentId: number | null;
}

export type AuthenticatedRequest = Request & { user?: CurrentUser };

export const User = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CurrentUser | undefined =>
    ctx.switchToHttp().getRequest<AuthenticatedRequest>().user,
);

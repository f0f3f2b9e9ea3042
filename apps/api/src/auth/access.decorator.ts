import { SetMetadata } from '@nestjs/common';
import type { Role } from './user.entity';

export const ACCESS_KEY = 'taizhang:access';

/** Who may call a route. Every route declares one; the guard refuses routes that do not. */
export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: Role[] };

/** Anyone, signed in or not (health, login, the plan's public shape). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Signed-in users with one of these roles; department users are further limited to their own department by the service. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

/** Any signed-in user. */
export const SignedIn = () => Roles('admin', 'leader', 'department');

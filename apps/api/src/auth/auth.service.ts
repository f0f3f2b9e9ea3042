import { Inject, Injectable, Logger } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { UsersRepository } from '../users/users.repository';
import type { CurrentUser } from './current-user';
import { LoginThrottle, type ThrottleRefusal } from './login-throttle';
import { SessionsRepository } from './sessions.repository';
import { UserEntity, type Role } from './user.entity';

export const SESSION_HOURS = 12;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: CurrentUser;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly throttle = new LoginThrottle();
  // Verifying against a real hash for unknown users keeps the answer time from telling which usernames exist.
  private readonly decoy = hash('taizhang-decoy-password');

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Signs in, within the throttle (login-throttle.ts): the attempt is counted before the password is checked. */
  async login(username: string, password: string, clientAddress: string): Promise<SignedIn> {
    const now = this.clock.now().getTime();
    const refusal = this.throttle.reserve(clientAddress, username, now);
    if (refusal) throw tooManyAttempts(refusal, now);
    const user = await this.users.findByUsername(username);
    const ok =
      user && !user.disabled
        ? await verify(user.passwordHash, password)
        : (await verify(await this.decoy, password), false);
    if (!user || !ok) throw new AppError('UNAUTHORIZED', '用户名或密码错误', 'Wrong username or password');
    this.throttle.succeed(clientAddress, username);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now + SESSION_HOURS * 3600_000).toISOString();
    await this.sessions.insert({
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      createdAt: new Date(now).toISOString(),
      expiresAt,
    });
    return { token, csrfToken, expiresAt, user: toCurrentUser(user) };
  }

  /**
   * The user and session a token belongs to, or null when it is unknown, expired or the user disabled.
   * Asked of the database on every request, so that a sign-out, an expiry or a disabled account takes effect
   * at once on every instance; one query on the unique token hash, the user joined by primary key.
   */
  async authenticate(token: string): Promise<{ user: CurrentUser; csrfToken: string } | null> {
    const row = await this.sessions.findWithUser(sha256(token));
    if (!row || row.expiresAt <= this.clock.now().toISOString()) return null;
    // SQLite stores the flag as 0/1, PostgreSQL as a boolean.
    if (row.disabled) return null;
    return {
      user: { id: row.id, username: row.username, role: row.role, departmentId: row.departmentId },
      csrfToken: row.csrfToken,
    };
  }

  async logout(token: string): Promise<void> {
    await this.sessions.delete(sha256(token));
    await this.sessions.deleteExpired(this.clock.now().toISOString());
  }

  /** Ends every session of a user (their next request is 401): after a password reset, a new role or department, or deactivation. */
  async endSessions(userId: number, manager?: EntityManager): Promise<void> {
    await this.sessions.deleteOfUser(userId, manager);
  }

  /**
   * Creates or (when it exists) resets a user's password and role; used by demo seeding, ADMIN_PASSWORD and the CLI.
   * A new password or role ends the user's sessions; the same ones (ADMIN_PASSWORD at every start) change nothing.
   */
  async upsertUser(username: string, password: string, role: Role, departmentId: number | null): Promise<UserEntity> {
    if (password.length < 8)
      throw new AppError('INVALID_INPUT', '密码至少 8 位', 'A password needs at least 8 characters');
    const existing = await this.users.findByUsername(username);
    if (existing) {
      const samePassword = await verify(existing.passwordHash, password);
      const sameAccess = existing.role === role && existing.departmentId === departmentId;
      if (samePassword && sameAccess && !existing.disabled) return existing;
      const passwordHash = samePassword ? existing.passwordHash : await hash(password);
      await this.transactions.run(async (tx) => {
        await this.users.update(existing.id, { passwordHash, role, departmentId, disabled: false }, tx);
        if (!samePassword || !sameAccess) await this.endSessions(existing.id, tx);
      });
      return { ...existing, passwordHash, role, departmentId, disabled: false };
    }
    const passwordHash = await hash(password);
    return this.users.insert({
      username,
      passwordHash,
      role,
      departmentId,
      disabled: false,
      createdAt: this.clock.now().toISOString(),
    });
  }

  async userExists(username: string): Promise<boolean> {
    return this.users.usernameTaken(username);
  }

  /** ADMIN_PASSWORD, whenever set, is the password of the account `admin`. */
  async applyAdminPassword(): Promise<void> {
    if (!this.config.adminPassword) return;
    await this.upsertUser('admin', this.config.adminPassword, 'admin', null);
    this.logger.log('The admin account takes its password from ADMIN_PASSWORD');
  }
}

/** 429 saying when to try again, in minutes and as Beijing time. */
function tooManyAttempts(refusal: ThrottleRefusal, now: number): AppError {
  const minutes = Math.max(1, Math.ceil((refusal.retryAt - now) / 60_000));
  const at = new Date(refusal.retryAt + 8 * 3600_000).toISOString().slice(11, 16);
  return refusal.blockedBy === 'username'
    ? new AppError(
        'TOO_MANY_ATTEMPTS',
        `该用户名登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后（北京时间 ${at} 后）再试`,
        `Too many failed sign-ins for this username; it is locked for now — try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${at} Beijing time)`,
      )
    : new AppError(
        'TOO_MANY_ATTEMPTS',
        `此网络地址登录失败次数过多，请 ${minutes} 分钟后（北京时间 ${at} 后）再试`,
        `Too many failed sign-ins from this address; try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${at} Beijing time)`,
      );
}

export function toCurrentUser(u: UserEntity): CurrentUser {
  return { id: u.id, username: u.username, role: u.role, departmentId: u.departmentId };
}

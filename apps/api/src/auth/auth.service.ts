import { Inject, Injectable, Logger } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { CurrentUser } from './current-user';
import { LoginThrottle } from './login-throttle';
import { SessionEntity, UserEntity, type Role } from './user.entity';

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
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<SignedIn> {
    const keys = [`user:${username.toLowerCase()}`, `ip:${clientAddress}`];
    const now = this.clock.now().getTime();
    if (this.throttle.isBlocked(keys, now)) {
      throw new AppError('TOO_MANY_ATTEMPTS', '登录失败次数过多，请 15 分钟后再试', 'Too many failed sign-ins; try again in 15 minutes');
    }
    const user = await this.dataSource.manager.findOneBy(UserEntity, { username });
    const ok = user && !user.disabled ? await verify(user.passwordHash, password) : (await verify(await this.decoy, password), false);
    if (!user || !ok) {
      this.throttle.fail(keys, now);
      throw new AppError('UNAUTHORIZED', '用户名或密码错误', 'Wrong username or password');
    }
    this.throttle.succeed(keys);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now + SESSION_HOURS * 3600_000).toISOString();
    await this.dataSource.manager.insert(SessionEntity, { tokenHash: sha256(token), userId: user.id, csrfToken, createdAt: new Date(now).toISOString(), expiresAt });
    return { token, csrfToken, expiresAt, user: toCurrentUser(user) };
  }

  /**
   * The user and session a token belongs to, or null when it is unknown, expired or the user disabled.
   * Asked of the database on every request, so that a sign-out, an expiry or a disabled account takes effect
   * at once on every instance; one query on the unique token hash, the user joined by primary key.
   */
  async authenticate(token: string): Promise<{ user: CurrentUser; csrfToken: string } | null> {
    const [row] = await this.dataSource.query(sessionQuery(this.dataSource.driver.createParameter('tokenHash', 0)), [sha256(token)]) as SessionRow[];
    if (!row || row.expiresAt <= this.clock.now().toISOString()) return null;
    // SQLite stores the flag as 0/1, PostgreSQL as a boolean.
    if (row.disabled) return null;
    return { user: { id: row.id, username: row.username, role: row.role, departmentId: row.departmentId }, csrfToken: row.csrfToken };
  }

  async logout(token: string): Promise<void> {
    await this.dataSource.manager.delete(SessionEntity, { tokenHash: sha256(token) });
    await this.dataSource.manager.delete(SessionEntity, { expiresAt: LessThan(this.clock.now().toISOString()) });
  }

  /** Creates or (when it exists) resets a user's password and role; used by demo seeding, ADMIN_PASSWORD and the CLI. */
  async upsertUser(username: string, password: string, role: Role, departmentId: number | null): Promise<UserEntity> {
    if (password.length < 8) throw new AppError('INVALID_INPUT', '密码至少 8 位', 'A password needs at least 8 characters');
    const passwordHash = await hash(password);
    const m = this.dataSource.manager;
    const existing = await m.findOneBy(UserEntity, { username });
    if (existing) {
      await m.update(UserEntity, { id: existing.id }, { passwordHash, role, departmentId, disabled: false });
      return { ...existing, passwordHash, role, departmentId, disabled: false };
    }
    return m.save(UserEntity, m.create(UserEntity, { username, passwordHash, role, departmentId, disabled: false, createdAt: this.clock.now().toISOString() }));
  }

  async userExists(username: string): Promise<boolean> {
    return (await this.dataSource.manager.countBy(UserEntity, { username })) > 0;
  }

  /** ADMIN_PASSWORD, whenever set, is the password of the account `admin`. */
  async applyAdminPassword(): Promise<void> {
    if (!this.config.adminPassword) return;
    await this.upsertUser('admin', this.config.adminPassword, 'admin', null);
    this.logger.log('The admin account takes its password from ADMIN_PASSWORD');
  }
}

interface SessionRow extends CurrentUser {
  csrfToken: string;
  expiresAt: string;
  disabled: boolean | number;
}

/** Raw SQL rather than two entity look-ups: this runs before every request, and the query builder cost more than the query. */
const sessionQuery = (tokenHash: string) =>
  'SELECT s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt", u.id AS "id", u.username AS "username", u.role AS "role", u.department_id AS "departmentId", u.disabled AS "disabled" '
  + `FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ${tokenHash}`;

export function toCurrentUser(u: UserEntity): CurrentUser {
  return { id: u.id, username: u.username, role: u.role, departmentId: u.departmentId };
}

import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import type { CurrentUser } from './current-user';
import { SessionEntity } from './user.entity';

/** A session as the guard reads it, with its user. */
export interface SessionRow extends CurrentUser {
  csrfToken: string;
  expiresAt: string;
  disabled: boolean | number;
}

/** Sessions, stored by the hash of their token (the token itself never reaches the database). */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(session: Omit<SessionEntity, 'id'>): Promise<void> {
    await this.dataSource.manager.insert(SessionEntity, session);
  }

  /**
   * The session with this token hash and its user, or undefined. Raw SQL rather than two entity look-ups: this runs
   * before every request, and the query builder cost more than the query.
   */
  async findWithUser(tokenHash: string): Promise<SessionRow | undefined> {
    const parameter = this.dataSource.driver.createParameter('tokenHash', 0);
    const [row] = (await this.dataSource.query(
      'SELECT s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt", u.id AS "id", u.username AS "username", u.role AS "role", u.department_id AS "departmentId", u.disabled AS "disabled" ' +
        `FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ${parameter}`,
      [tokenHash],
    )) as SessionRow[];
    return row;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.dataSource.manager.delete(SessionEntity, { tokenHash });
  }

  async deleteExpired(now: string): Promise<void> {
    await this.dataSource.manager.delete(SessionEntity, { expiresAt: LessThan(now) });
  }

  /** Every session of a user; inside `m`'s transaction when given. */
  async deleteOfUser(userId: number, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.delete(SessionEntity, { userId });
  }
}

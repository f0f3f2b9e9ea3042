import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['admin', 'leader', 'department'] as const;
export type Role = (typeof ROLES)[number];

/** A local account. admin: plan, metrics, users, calendar; leader: reads all, returns submissions; department: its own data. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', unique: true }) username!: string;
  /** argon2id hash; the password itself is never stored or logged. */
  @Column({ name: 'password_hash', type: 'varchar' }) passwordHash!: string;
  @Column({ type: 'varchar' }) role!: Role;
  /** The department a department user acts for; null for admins and leaders. */
  @Column({ name: 'department_id', type: 'integer', nullable: true }) departmentId!: number | null;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}

/** A signed-in session. Only a hash of its token is stored, so a copy of the database signs no one in. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'token_hash', type: 'varchar', unique: true }) tokenHash!: string;
  @Column({ name: 'user_id', type: 'integer' }) userId!: number;
  /** Double-submit token the web app echoes in X-CSRF-Token on writes made with the cookie. */
  @Column({ name: 'csrf_token', type: 'varchar' }) csrfToken!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ name: 'expires_at', type: 'varchar' }) expiresAt!: string;
}

import { Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import type { UserAccountResponse } from '@taizhang/contracts';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import type { CurrentUser } from '../auth/current-user';
import type { Role, UserEntity } from '../auth/user.entity';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { Transactions } from '../database/transactions';
import { DepartmentsRepository } from '../departments/departments.repository';
import { UsersRepository } from './users.repository';
import { toUserListItem, type CreateUserDto, type UpdateUserDto } from './users.dto';

/** Admins manage accounts; every change is in the audit trail (passwords redacted), and a change of access ends the user's sessions. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly departments: DepartmentsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<UserAccountResponse[]> {
    return (await this.users.findAll()).map(toUserListItem);
  }

  async create(actor: CurrentUser, dto: CreateUserDto): Promise<UserAccountResponse> {
    const departmentId = await this.checkedDepartment(dto.role, dto.departmentId ?? null);
    return this.transactions.run(async (m) => {
      if (await this.users.usernameTaken(dto.username, m)) {
        throw new AppError('CONFLICT', `用户名 ${dto.username} 已存在`, `The username ${dto.username} is taken`);
      }
      const user = await this.users.insert(
        {
          username: dto.username,
          passwordHash: await hash(dto.password),
          role: dto.role,
          departmentId,
          disabled: false,
          createdAt: this.clock.now().toISOString(),
        },
        m,
      );
      await this.audit.record(
        actor,
        { kind: 'write', action: 'create user', entity: 'user', entityId: user.id, after: toUserListItem(user) },
        m,
      );
      return toUserListItem(user);
    });
  }

  async update(actor: CurrentUser, id: number, dto: UpdateUserDto): Promise<UserAccountResponse> {
    return this.transactions.run(async (m) => {
      const user = await this.users.findById(id, m);
      if (!user) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的用户`, `No user with id ${id}`);
      const role = dto.role ?? user.role;
      const departmentId = await this.checkedDepartment(
        role,
        dto.departmentId !== undefined ? dto.departmentId : user.departmentId,
      );
      const changes: Partial<UserEntity> = {
        role,
        departmentId,
        ...(dto.disabled !== undefined ? { disabled: dto.disabled } : {}),
      };
      if (dto.password) changes.passwordHash = await hash(dto.password);
      await this.users.update(id, changes, m);
      // A reset password, another role or department, or deactivation takes effect on every device at once: sign in again.
      const sessionsEnded =
        Boolean(dto.password) || role !== user.role || departmentId !== user.departmentId || dto.disabled === true;
      if (sessionsEnded) await this.auth.endSessions(id, m);
      const after = { ...user, ...changes };
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'update user',
          entity: 'user',
          entityId: id,
          before: toUserListItem(user),
          after: { ...toUserListItem(after), passwordChanged: Boolean(dto.password), sessionsEnded },
        },
        m,
      );
      return toUserListItem(after);
    });
  }

  /** A department user needs a real (non-group) department; other roles have none. */
  private async checkedDepartment(role: Role, departmentId: number | null): Promise<number | null> {
    if (role !== 'department') return null;
    if (!departmentId)
      throw new AppError('INVALID_INPUT', '部门用户须指定单位 departmentId', 'A department user needs a departmentId');
    const department = await this.departments.findById(departmentId);
    if (!department || department.isGroup)
      throw new AppError(
        'INVALID_INPUT',
        `单位 ${departmentId} 不存在或是部门组`,
        `Department ${departmentId} does not exist or is a group`,
      );
    return departmentId;
  }
}

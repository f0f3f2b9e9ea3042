import { Injectable, Logger } from '@nestjs/common';
import { DepartmentsRepository } from '../departments/departments.repository';
import { AuthService } from './auth.service';

/** Demo accounts, created in demo mode only and listed in the README. Never created outside demo mode. */
export const DEMO_ACCOUNTS = [
  { username: 'admin', password: 'taizhang-admin', role: 'admin' as const, department: null },
  { username: 'leader', password: 'taizhang-leader', role: 'leader' as const, department: null },
  { username: 'sfj', password: 'taizhang-dept', role: 'department' as const, department: '区司法局' },
  { username: 'zfb', password: 'taizhang-dept', role: 'department' as const, department: '区政府办' },
  { username: 'zwfwb', password: 'taizhang-dept', role: 'department' as const, department: '区政务服务办' },
];

@Injectable()
export class DemoAccounts {
  private readonly logger = new Logger(DemoAccounts.name);

  constructor(
    private readonly auth: AuthService,
    private readonly departments: DepartmentsRepository,
  ) {}

  /** Creates the missing demo accounts; an existing account (and its changed password) is left alone. */
  async ensure(): Promise<void> {
    const all = await this.departments.findAll();
    for (const account of DEMO_ACCOUNTS) {
      if (await this.auth.userExists(account.username)) continue;
      const department = account.department ? all.find((d) => d.name === account.department) : null;
      if (account.department && !department) continue;
      await this.auth.upsertUser(account.username, account.password, account.role, department?.id ?? null);
      this.logger.log(`Demo account ${account.username} (${account.role}) created`);
    }
  }
}

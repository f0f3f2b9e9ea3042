import { Inject, Injectable } from '@nestjs/common';
import type { DepartmentResponse } from '@taizhang/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { WebhookAddressRule } from '../common/webhook-address';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { DepartmentEntity } from './department.entity';
import { DepartmentsRepository } from './departments.repository';

const toResponse = (d: DepartmentEntity): DepartmentResponse => ({
  id: d.id,
  code: d.code,
  name: d.name,
  isGroup: d.isGroup,
});
const withContacts = (d: DepartmentEntity): DepartmentResponse => ({
  ...toResponse(d),
  email: d.email,
  webhookUrl: d.webhookUrl,
});

export interface DepartmentChanges {
  name?: string;
  email?: string | null;
  webhookUrl?: string | null;
}

/** Departments as the plans name them; admins add new ones and correct names, with an audit row each. */
@Injectable()
export class DepartmentsService {
  private readonly webhooks: WebhookAddressRule;

  constructor(
    private readonly transactions: Transactions,
    private readonly departments: DepartmentsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.webhooks = new WebhookAddressRule(config.webhookAllowHosts);
  }

  /** Every department, or those of one plan (what pickers show: a province holds tens of thousands). */
  async list(user: CurrentUser, planId?: number): Promise<DepartmentResponse[]> {
    const rows = planId === undefined ? await this.departments.findAll() : await this.departments.findOfPlan(planId);
    // A webhook URL often carries the platform's secret token: only admins, who set it, see contacts.
    return rows.map(user.role === 'admin' ? withContacts : toResponse);
  }

  async create(actor: CurrentUser, input: { code: string; name: string }): Promise<DepartmentResponse> {
    return this.transactions.run(async (m) => {
      if (await this.departments.codeTaken(input.code, m))
        throw new AppError('CONFLICT', `单位代码 ${input.code} 已存在`, `The department code ${input.code} is taken`);
      const saved = await this.departments.insert(m, { ...input, isGroup: false, email: null, webhookUrl: null });
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'create department',
          entity: 'department',
          entityId: saved.id,
          after: toResponse(saved),
        },
        m,
      );
      return withContacts(saved);
    });
  }

  /** Renames a department and/or sets its contacts (undefined leaves a field as it is, null clears a contact). */
  async update(actor: CurrentUser, id: number, input: DepartmentChanges): Promise<DepartmentResponse> {
    const changes: DepartmentChanges = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.email !== undefined) changes.email = input.email === null ? null : input.email.trim();
    if (input.webhookUrl !== undefined)
      changes.webhookUrl = input.webhookUrl === null ? null : this.checkedWebhook(input.webhookUrl.trim());
    if (!Object.keys(changes).length)
      throw new AppError('INVALID_INPUT', '请填写 name、email 或 webhookUrl', 'Give name, email or webhookUrl');
    return this.transactions.run(async (m) => {
      const before = await this.departments.findById(id, m);
      if (!before) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的单位`, `No department with id ${id}`);
      await this.departments.update(m, id, changes);
      const after = { ...before, ...changes };
      const action = Object.keys(changes).join(',') === 'name' ? 'rename department' : 'update department';
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action,
          entity: 'department',
          entityId: id,
          before: withContacts(before),
          after: withContacts(after),
        },
        m,
      );
      return withContacts(after);
    });
  }

  /** A webhook must reach a public address (WEBHOOK_ALLOW_HOSTS names the exceptions); the address is checked again when sending. */
  private checkedWebhook(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new AppError(
        'INVALID_INPUT',
        'webhookUrl 应为 http:// 或 https:// 开头的网址，或 null 表示不推送',
        'webhookUrl must be an http:// or https:// URL, or null for none',
      );
    }
    const refused = this.webhooks.refusalOf(url);
    if (refused) throw new AppError('INVALID_INPUT', refused.messageZh, refused.messageEn);
    return raw;
  }
}

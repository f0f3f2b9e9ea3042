import { Injectable } from '@nestjs/common';
import type { PlanSettingsRequest, PlanSummaryResponse } from '@taizhang/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { Transactions } from '../database/transactions';
import { withPlanLock } from '../database/with-plan-lock';
import { PlanEntity } from './plan.entity';
import { toPlanSummaryResponse } from './plans.dto';
import { PlansRepository } from './plans.repository';

@Injectable()
export class PlansService {
  constructor(
    private readonly transactions: Transactions,
    private readonly plans: PlansRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<PlanSummaryResponse[]> {
    return (await this.plans.findAll()).map(toPlanSummaryResponse);
  }

  /** An admin sets a plan's reminder lead times; the next supervision cycle follows them. */
  async updateSettings(actor: CurrentUser, id: number, input: PlanSettingsRequest): Promise<PlanSummaryResponse> {
    const changes: Partial<Pick<PlanEntity, 'remindBeforeWorkingDays' | 'remindOverdueAfterWorkingDays'>> = {};
    if (input.remindBeforeWorkingDays !== undefined) changes.remindBeforeWorkingDays = input.remindBeforeWorkingDays;
    if (input.remindOverdueAfterWorkingDays !== undefined)
      changes.remindOverdueAfterWorkingDays = input.remindOverdueAfterWorkingDays;
    if (!Object.keys(changes).length)
      throw new AppError(
        'INVALID_INPUT',
        '请填写 remindBeforeWorkingDays 或 remindOverdueAfterWorkingDays',
        'Give remindBeforeWorkingDays or remindOverdueAfterWorkingDays',
      );
    return withPlanLock(this.transactions, id, async (m) => {
      const before = await this.plans.findById(id, m);
      if (!before) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的计划`, `No plan with id ${id}`);
      await this.plans.update(id, changes, m);
      const after = { ...before, ...changes };
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'update plan settings',
          entity: 'plan',
          entityId: id,
          before: settingsOf(before),
          after: settingsOf(after),
        },
        m,
      );
      return toPlanSummaryResponse(after);
    });
  }
}

const settingsOf = (p: PlanEntity) => ({
  remindBeforeWorkingDays: p.remindBeforeWorkingDays,
  remindOverdueAfterWorkingDays: p.remindOverdueAfterWorkingDays,
});

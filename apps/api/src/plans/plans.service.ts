import { Injectable } from '@nestjs/common';
import type { PlanSummaryResponse } from '@taizhang/contracts';
import { toPlanSummaryResponse } from './plans.dto';
import { PlansRepository } from './plans.repository';

@Injectable()
export class PlansService {
  constructor(private readonly plans: PlansRepository) {}

  async list(): Promise<PlanSummaryResponse[]> {
    return (await this.plans.findAll()).map(toPlanSummaryResponse);
  }
}

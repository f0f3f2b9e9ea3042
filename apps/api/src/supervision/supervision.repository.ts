import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../common/transaction-clash';
import { PlanEntity } from '../plans/plan.entity';

/** The plans the supervision loop walks, what it records on each, and its "once" transactions. */
@Injectable()
export class SupervisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  plans(): Promise<PlanEntity[]> {
    return this.dataSource.manager.find(PlanEntity);
  }

  /** Records a plan's run: the day, the change counter it read, the day time alone changes something next. */
  async markSupervised(planId: number, run: { on: string; version: number; recheckOn: string | null }): Promise<void> {
    await this.dataSource.manager.update(
      PlanEntity,
      { id: planId },
      { supervisedOn: run.on, supervisedVersion: run.version, supervisionRecheckOn: run.recheckOn },
    );
  }

  /** Runs `work` in a transaction; a unique-key clash (another tick or instance did it first) counts as "already done". */
  async once(work: (m: EntityManager) => Promise<unknown>): Promise<boolean> {
    try {
      const result = await this.dataSource.transaction(work);
      return result !== null;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { DeliveryEntity } from './supervision.entities';

/** Where a department's messages go besides the bell. */
export type DepartmentAddresses = Pick<DepartmentEntity, 'name' | 'email' | 'webhookUrl'>;

/** The email and webhook queue: what is pending, sent, failed. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async addressesOf(m: EntityManager, departmentId: number): Promise<DepartmentAddresses | null> {
    return m.findOneBy(DepartmentEntity, { id: departmentId });
  }

  /** Queues one delivery, due at once, inside the caller's transaction. */
  async enqueue(
    m: EntityManager,
    channel: DeliveryEntity['channel'],
    target: string,
    payload: string,
    now: string,
  ): Promise<void> {
    await m.insert(DeliveryEntity, {
      channel,
      target,
      payload,
      status: 'pending',
      attempts: 0,
      lastError: null,
      nextAttemptAt: now,
      createdAt: now,
    });
  }

  /** Pending deliveries whose attempt is due at `now`, oldest first, at most `take`. */
  due(now: string, take: number): Promise<DeliveryEntity[]> {
    return this.dataSource.manager.find(DeliveryEntity, {
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
      order: { id: 'ASC' },
      take,
    });
  }

  async update(
    id: number,
    changes: Partial<Pick<DeliveryEntity, 'status' | 'attempts' | 'lastError' | 'nextAttemptAt'>>,
  ): Promise<void> {
    await this.dataSource.manager.update(DeliveryEntity, { id }, changes);
  }

  /** Failed deliveries, newest first, at most `take`. */
  failed(take: number): Promise<DeliveryEntity[]> {
    return this.dataSource.manager.find(DeliveryEntity, { where: { status: 'failed' }, order: { id: 'DESC' }, take });
  }
}

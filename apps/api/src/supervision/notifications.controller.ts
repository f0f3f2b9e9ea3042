import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FailedDeliveryResponse, NotificationsResponse } from '@taizhang/contracts';
import { DataSource, In, IsNull, type FindOptionsWhere } from 'typeorm';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { idPipe } from '../common/id.pipe';
import { DeliveryService } from './delivery.service';
import { NotificationEntity } from './supervision.entities';

export type { NotificationsResponse };

/** The bell: a department user sees their department's messages; leaders see theirs; admins see the leaders' and their own. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: DeliveryService,
  ) {}

  @Get('notifications')
  @SignedIn()
  async list(@User() user: CurrentUser): Promise<NotificationsResponse> {
    // An admin's own messages (a calendar still provisional) come first: the leaders' notices would bury them.
    const own =
      user.role === 'admin'
        ? await this.dataSource.manager.find(NotificationEntity, {
            where: { audience: 'admins' },
            order: { id: 'DESC' },
            take: 10,
          })
        : [];
    const rows = [
      ...own,
      ...(await this.dataSource.manager.find(NotificationEntity, {
        where: audienceOf(user, 'shared'),
        order: { id: 'DESC' },
        take: 50 - own.length,
      })),
    ];
    const unread = await this.dataSource.manager.countBy(NotificationEntity, { ...audienceOf(user), readAt: IsNull() });
    return {
      unread,
      items: rows.map((n) => ({
        id: n.id,
        titleZh: n.titleZh,
        titleEn: n.titleEn,
        link: n.link,
        createdAt: n.createdAt,
        read: n.readAt !== null,
      })),
    };
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @SignedIn()
  async read(@User() user: CurrentUser, @Param('id', idPipe('消息编号 / notification id')) id: number): Promise<void> {
    const result = await this.dataSource.manager.update(
      NotificationEntity,
      { id, ...audienceOf(user) },
      { readAt: new Date().toISOString() },
    );
    if (!result.affected) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的消息`, `No notification with id ${id}`);
  }

  /** Emails and webhooks that failed after every retry, for admins to follow up. */
  @Get('deliveries/failed')
  @Roles('admin')
  failures(): Promise<FailedDeliveryResponse[]> {
    return this.delivery.failures();
  }
}

/** What a user's bell holds; 'shared': without the admins' own messages. */
function audienceOf(user: CurrentUser, part: 'all' | 'shared' = 'all'): FindOptionsWhere<NotificationEntity> {
  // A reminder whose figure has come in has left the bell (cleared), unread or not.
  if (user.role === 'department')
    return { audience: 'department', departmentId: user.departmentId ?? -1, clearedAt: IsNull() };
  return user.role === 'admin' && part === 'all' ? { audience: In(['leaders', 'admins']) } : { audience: 'leaders' };
}

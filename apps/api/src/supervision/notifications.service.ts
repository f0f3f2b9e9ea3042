import { Injectable } from '@nestjs/common';
import type { NotificationsResponse } from '@taizhang/contracts';
import type { CurrentUser } from '../auth/current-user';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { NotificationsRepository } from './notifications.repository';

/** The bell: a department user sees their department's messages; leaders see theirs; admins see the leaders' and their own. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly clock: Clock,
  ) {}

  async list(user: CurrentUser): Promise<NotificationsResponse> {
    // An admin's own messages (a calendar still provisional) come first: the leaders' notices would bury them.
    const own = user.role === 'admin' ? await this.notifications.adminsOwn(10) : [];
    const rows = [...own, ...(await this.notifications.shared(user, 50 - own.length))];
    const unread = await this.notifications.unread(user);
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

  async markRead(user: CurrentUser, id: number): Promise<void> {
    if (!(await this.notifications.markRead(user, id, this.clock.now().toISOString())))
      throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的消息`, `No notification with id ${id}`);
  }
}

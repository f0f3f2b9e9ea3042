import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FailedDeliveryResponse, NotificationsResponse } from '@taizhang/contracts';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { idPipe } from '../common/id.pipe';
import { DeliveryService } from './delivery.service';
import { NotificationsService } from './notifications.service';

export type { NotificationsResponse };

/** The bell, and the deliveries that failed. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly delivery: DeliveryService,
  ) {}

  @Get('notifications')
  @SignedIn()
  list(@User() user: CurrentUser): Promise<NotificationsResponse> {
    return this.notifications.list(user);
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @SignedIn()
  read(@User() user: CurrentUser, @Param('id', idPipe('消息编号 / notification id')) id: number): Promise<void> {
    return this.notifications.markRead(user, id);
  }

  /** Emails and webhooks that failed after every retry, for admins to follow up. */
  @Get('deliveries/failed')
  @Roles('admin')
  failures(): Promise<FailedDeliveryResponse[]> {
    return this.delivery.failures();
  }
}

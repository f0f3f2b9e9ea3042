import { Module } from '@nestjs/common';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryService } from './delivery.service';
import { NotificationsRepository } from './notifications.repository';

/** The bell, email and webhooks, on their own: submissions (a return, a figure that clears a reminder) use them too. */
@Module({
  providers: [DeliveryService, DeliveryRepository, NotificationsRepository],
  exports: [DeliveryService, NotificationsRepository],
})
export class DeliveryModule {}

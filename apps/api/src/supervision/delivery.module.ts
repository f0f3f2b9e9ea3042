import { Module } from '@nestjs/common';
import { DeliveryService } from './delivery.service';

/** The bell, email and webhooks, on their own: submissions (a return, a figure that clears a reminder) use them too. */
@Module({ providers: [DeliveryService], exports: [DeliveryService] })
export class DeliveryModule {}

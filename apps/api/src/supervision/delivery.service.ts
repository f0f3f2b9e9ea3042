import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FailedDeliveryResponse } from '@taizhang/contracts';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import nodemailer from 'nodemailer';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { WebhookAddressRule, WebhookRefusedError } from '../common/webhook-address';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DeliveryRepository } from './delivery.repository';
import { NotificationsRepository } from './notifications.repository';
import type { DeliveryEntity } from './supervision.entities';

export interface Message {
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  link: string;
  /** Machine-readable facts for webhooks. */
  data: Record<string, unknown>;
  /** What the bell message is about, when doing it makes the message stale (see `clear`). */
  subject?: string;
}

/** The subject of a reminder to report a metric's period: cleared once the department reports it. */
export const reminderSubject = (metricId: number, periodKey: string) => `reminder:${metricId}:${periodKey}`;

const MAX_ATTEMPTS = 5;
/** The wait after the nth failed attempt: 1, 2, 4, 8… minutes. */
const backOffMs = (attempts: number) => 2 ** (attempts - 1) * 60_000;

/**
 * The three channels: the in-app bell (written at once), email and webhooks (queued, sent by `flush`,
 * retried with back-off — 1, 2, 4, 8 minutes — then marked failed for admins to see). A failing channel
 * never blocks evaluation: nothing here is awaited by the engine.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly webhooks: WebhookAddressRule;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.webhooks = new WebhookAddressRule(config.webhookAllowHosts);
  }

  /** Notifies a department's users (bell) and queues its email and webhook, inside the caller's transaction. */
  async toDepartment(m: EntityManager, departmentId: number, message: Message): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.notifications.toDepartment(m, departmentId, { ...message, subject: message.subject ?? null }, now);
    const department = await this.deliveries.addressesOf(m, departmentId);
    // The subject is the bell's own bookkeeping, not part of what email and webhooks carry.
    const payload = JSON.stringify({ ...message, subject: undefined, department: department?.name });
    if (department?.email && this.config.smtpUrl)
      await this.deliveries.enqueue(m, 'email', department.email, payload, now);
    if (department?.webhookUrl) await this.deliveries.enqueue(m, 'webhook', department.webhookUrl, payload, now);
  }

  /** Takes a department's messages about `subject` out of its bell (kept, marked cleared), inside the caller's transaction. */
  async clear(m: EntityManager, departmentId: number, subject: string): Promise<void> {
    await this.notifications.clear(m, departmentId, subject, this.clock.now().toISOString());
  }

  async toLeaders(m: EntityManager, message: Pick<Message, 'titleZh' | 'titleEn' | 'link'>): Promise<void> {
    await this.notifications.toLeaders(m, message, this.clock.now().toISOString());
  }

  /** A message for the admins' bell, sent once: another with the same link is not sent again. */
  async toAdminsOnce(message: Pick<Message, 'titleZh' | 'titleEn' | 'link'>): Promise<void> {
    await this.notifications.toAdminsOnce(message, this.clock.now().toISOString());
  }

  /** Sends what is due; returns how many went out. */
  async flush(): Promise<{ sent: number; failed: number }> {
    const now = this.clock.now();
    const due = await this.deliveries.due(now.toISOString(), 200);
    let sent = 0;
    let failed = 0;
    for (const d of due) {
      try {
        await (d.channel === 'email' ? this.sendEmail(d) : this.sendWebhook(d));
        await this.deliveries.update(d.id, { status: 'sent', attempts: d.attempts + 1, lastError: null });
        sent += 1;
      } catch (error) {
        const attempts = d.attempts + 1;
        const message = error instanceof Error ? error.message : String(error);
        // An address the webhook rule refuses stays refused: failed at once, for admins to see.
        const giveUp = attempts >= MAX_ATTEMPTS || error instanceof WebhookRefusedError;
        await this.deliveries.update(d.id, {
          attempts,
          lastError: message.slice(0, 2000),
          status: giveUp ? 'failed' : 'pending',
          nextAttemptAt: new Date(now.getTime() + backOffMs(attempts)).toISOString(),
        });
        if (giveUp) {
          failed += 1;
          this.logger.warn(
            `Delivery ${d.id} (${d.channel} to ${d.target}) failed after ${attempts} attempts: ${message}`,
          );
        }
      }
    }
    return { sent, failed };
  }

  async failures(): Promise<FailedDeliveryResponse[]> {
    const rows = await this.deliveries.failed(200);
    return rows.map((d) => ({
      id: d.id,
      channel: d.channel,
      target: d.target,
      attempts: d.attempts,
      lastError: d.lastError,
      payload: d.payload,
      status: 'failed',
      createdAt: d.createdAt,
      // The last attempt set the next one back-off minutes ahead (see flush), so its time is that much earlier.
      lastAttemptAt: new Date(new Date(d.nextAttemptAt).getTime() - backOffMs(d.attempts)).toISOString(),
    }));
  }

  private async sendEmail(d: DeliveryEntity): Promise<void> {
    const message = JSON.parse(d.payload) as Message;
    const transport = nodemailer.createTransport(this.config.smtpUrl!);
    try {
      await transport.sendMail({
        from: this.config.smtpFrom,
        to: d.target,
        subject: `【台账】${message.titleZh}`,
        text: `${message.bodyZh}\n\n${message.titleEn}\n${message.link}`,
      });
    } finally {
      transport.close();
    }
  }

  /**
   * POSTs the payload. node:http rather than fetch: its lookup is the rule's, so the address connected to is the
   * address checked (a name cannot resolve to a public address for the check and a private one for the request),
   * and redirects are not followed (a 3xx fails like any other answer that is not 2xx).
   */
  private async sendWebhook(d: DeliveryEntity): Promise<void> {
    const url = new URL(d.target);
    const refused = this.webhooks.refusalBeforeSending(url);
    if (refused) throw refused;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    await new Promise<void>((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(d.payload) },
          lookup: this.webhooks.lookup,
          agent: false,
          signal: AbortSignal.timeout(10_000),
        },
        (res) => {
          res.resume();
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`HTTP ${status}`));
        },
      );
      req.on('error', reject);
      req.end(d.payload);
    });
  }
}

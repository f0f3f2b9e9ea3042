import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { NotificationEntity } from './supervision.entities';

/** Who reads a bell: a department's users, the leaders, or an admin (who also sees the leaders'). */
export interface BellReader {
  role: string;
  departmentId: number | null;
}

/** A bell message as written; the audience and times are the repository's. */
export interface BellMessage {
  titleZh: string;
  titleEn: string;
  link: string;
}

/** The in-app bell: its messages, what is unread, what is cleared. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** An admin's own messages (the admins' audience), newest first. */
  adminsOwn(take: number): Promise<NotificationEntity[]> {
    return this.dataSource.manager.find(NotificationEntity, {
      where: { audience: 'admins' },
      order: { id: 'DESC' },
      take,
    });
  }

  /** The reader's bell without the admins' own messages, newest first. */
  shared(reader: BellReader, take: number): Promise<NotificationEntity[]> {
    return this.dataSource.manager.find(NotificationEntity, {
      where: audienceOf(reader, 'shared'),
      order: { id: 'DESC' },
      take,
    });
  }

  unread(reader: BellReader): Promise<number> {
    return this.dataSource.manager.countBy(NotificationEntity, { ...audienceOf(reader), readAt: IsNull() });
  }

  /** Marks one of the reader's messages read; false when the reader's bell has no such message. */
  async markRead(reader: BellReader, id: number, readAt: string): Promise<boolean> {
    const result = await this.dataSource.manager.update(NotificationEntity, { id, ...audienceOf(reader) }, { readAt });
    return Boolean(result.affected);
  }

  async toDepartment(
    m: EntityManager,
    departmentId: number,
    message: BellMessage & { subject: string | null },
    createdAt: string,
  ): Promise<void> {
    await m.insert(NotificationEntity, {
      departmentId,
      audience: 'department',
      titleZh: message.titleZh,
      titleEn: message.titleEn,
      link: message.link,
      createdAt,
      readAt: null,
      subject: message.subject,
      clearedAt: null,
    });
  }

  async toLeaders(m: EntityManager, message: BellMessage, createdAt: string): Promise<void> {
    await m.insert(NotificationEntity, {
      departmentId: null,
      audience: 'leaders',
      titleZh: message.titleZh,
      titleEn: message.titleEn,
      link: message.link,
      createdAt,
      readAt: null,
    });
  }

  /** A message for the admins' bell unless one with the same link is there already; one transaction. */
  async toAdminsOnce(message: BellMessage, createdAt: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (await m.existsBy(NotificationEntity, { audience: 'admins', link: message.link })) return;
      await m.insert(NotificationEntity, {
        departmentId: null,
        audience: 'admins',
        titleZh: message.titleZh,
        titleEn: message.titleEn,
        link: message.link,
        createdAt,
        readAt: null,
      });
    });
  }

  /** Marks a department's messages about `subject` cleared, inside the caller's transaction. */
  async clear(m: EntityManager, departmentId: number, subject: string, clearedAt: string): Promise<void> {
    await m.update(
      NotificationEntity,
      { audience: 'department', departmentId, subject, clearedAt: IsNull() },
      { clearedAt },
    );
  }
}

/** What a user's bell holds; 'shared': without the admins' own messages. */
function audienceOf(reader: BellReader, part: 'all' | 'shared' = 'all'): FindOptionsWhere<NotificationEntity> {
  // A reminder whose figure has come in has left the bell (cleared), unread or not.
  if (reader.role === 'department')
    return { audience: 'department', departmentId: reader.departmentId ?? -1, clearedAt: IsNull() };
  return reader.role === 'admin' && part === 'all' ? { audience: In(['leaders', 'admins']) } : { audience: 'leaders' };
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/** User accounts. Methods that take `m` run inside the caller's transaction. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, { order: { username: 'ASC' } });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { username });
  }

  findById(id: number, m: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return m.findOneBy(UserEntity, { id });
  }

  async usernameTaken(username: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await m.countBy(UserEntity, { username })) > 0;
  }

  insert(user: Omit<UserEntity, 'id'>, m: EntityManager = this.dataSource.manager): Promise<UserEntity> {
    return m.save(UserEntity, m.create(UserEntity, user));
  }

  async update(id: number, changes: Partial<UserEntity>, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.update(UserEntity, { id }, changes);
  }
}

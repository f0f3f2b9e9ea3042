import type { CalendarYearKind } from '@taizhang/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A year of the State Council's holiday notice, as loaded (from the chinese-days data, a pasted notice or by an admin). */
@Entity('calendar_years')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar' }) source!: string;
  @Column({ type: 'varchar' }) kind!: CalendarYearKind;
  @Column({ name: 'updated_at', type: 'varchar' }) updatedAt!: string;
}

/** A day that is not what its weekday says: an official holiday, or a make-up working day (调休). */
@Entity('calendar_days')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'varchar' }) date!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar' }) kind!: 'holiday' | 'workday';
}

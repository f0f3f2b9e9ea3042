import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records where each stored calendar year comes from: official (a notice pasted in or entered by an admin),
 * package (the bundled chinese-days data) or provisional (a computed year an admin edited by hand, stored so
 * the edit is kept). Years loaded from the package before this say so in their source text.
 */
export class CalendarKinds1765600000000 implements MigrationInterface {
  name = 'CalendarKinds1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE calendar_years ADD COLUMN kind varchar NOT NULL DEFAULT 'official'");
    await q.query("UPDATE calendar_years SET kind = 'package' WHERE source LIKE 'chinese-days%'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE calendar_years DROP COLUMN kind');
  }
}

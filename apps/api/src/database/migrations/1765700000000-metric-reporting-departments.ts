import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * Who reports a metric's figures, apart from who the task names: a district-wide air-quality rate is reported by
 * 区生态环境局 alone, though 区审计局 leads the same indicator. Filled for every metric with what the engine used
 * until now (the named lead and responsible departments of its indicator, groups left out), so nothing changes
 * for a database that had it; the seed and the admin name other reporters where they differ.
 */
export class MetricReportingDepartments1765700000000 implements MigrationInterface {
  name = 'MetricReportingDepartments1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'metric_reporting_departments',
        columns: [
          { name: 'metric_id', type: 'integer', isPrimary: true },
          { name: 'department_id', type: 'integer', isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ['metric_id'], referencedTableName: 'metrics', referencedColumnNames: ['id'] },
          { columnNames: ['department_id'], referencedTableName: 'departments', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.query(`INSERT INTO metric_reporting_departments (metric_id, department_id)
      SELECT DISTINCT m.id, l.department_id FROM metrics m
      INNER JOIN tasks t ON t.id = m.task_id
      INNER JOIN indicator_departments l ON l.indicator_id = t.indicator_id
      INNER JOIN departments d ON d.id = l.department_id
      WHERE NOT d.is_group`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('metric_reporting_departments');
  }
}

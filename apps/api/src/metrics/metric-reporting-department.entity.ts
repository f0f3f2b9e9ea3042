import { Entity, PrimaryColumn } from 'typeorm';

/** A department that reports a metric's figures (its other departments may be named on the task without reporting). */
@Entity('metric_reporting_departments')
export class MetricReportingDepartmentEntity {
  @PrimaryColumn({ name: 'metric_id', type: 'integer' }) metricId!: number;
  @PrimaryColumn({ name: 'department_id', type: 'integer' }) departmentId!: number;
}

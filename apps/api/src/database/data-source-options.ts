import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { DepartmentEntity } from '../departments/department.entity';
import { MetricEntity } from '../metrics/metric.entity';
import { MetricReportingDepartmentEntity } from '../metrics/metric-reporting-department.entity';
import { IndicatorDepartmentEntity, IndicatorEntity } from '../plans/indicator.entity';
import { PlanEntity } from '../plans/plan.entity';
import { TaskEntity } from '../plans/task.entity';
import { AuditEntity } from '../audit/audit.entity';
import { MetricCommentEntity } from '../comments/metric-comment.entity';
import { SessionEntity, UserEntity } from '../auth/user.entity';
import { CalendarDayEntity, CalendarYearEntity } from '../calendar/calendar.entity';
import { EvaluationCheckEntity } from '../evaluation/evaluation-check.entity';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { JobRunEntity } from './job-claims';
import { ReportEntity } from '../reports/report.entity';
import {
  DeliveryEntity,
  NoticeAttachmentEntity,
  NoticeEntity,
  NoticeEventEntity,
  NotificationEntity,
  ReminderEntity,
} from '../supervision/supervision.entities';
import { EvidenceFileEntity } from '../submissions/evidence-file.entity';
import { SubmissionReturnEntity } from '../submissions/submission-return.entity';
import {
  SubmissionExplanationEntity,
  SubmissionFlagAcceptanceEntity,
  SubmissionFlagEntity,
} from '../submissions/submission-flag.entity';
import { SubmissionCaseEntity, SubmissionEntity } from '../submissions/submission.entity';
import { InitialSchema1764300000000 } from './migrations/1764300000000-initial-schema';
import { MetricEngine1764400000000 } from './migrations/1764400000000-metric-engine';
import { Workflow1764500000000 } from './migrations/1764500000000-workflow';
import { Reports1764600000000 } from './migrations/1764600000000-reports';
import { Supervision1764700000000 } from './migrations/1764700000000-supervision';
import { JobRuns1764800000000 } from './migrations/1764800000000-job-runs';
import { PlanReminderSettings1764910000000 } from './migrations/1764910000000-plan-reminder-settings';
import { EvaluationChecks1765000000000 } from './migrations/1765000000000-evaluation-checks';
import { ReminderLookup1765100000000 } from './migrations/1765100000000-reminder-lookup';
import { SupervisionMarks1765200000000 } from './migrations/1765200000000-supervision-marks';
import { AuditWriteLookup1765300000000 } from './migrations/1765300000000-audit-write-lookup';
import { SupervisionRecheck1765400000000 } from './migrations/1765400000000-supervision-recheck';
import { CheckMarks1765500000000 } from './migrations/1765500000000-check-marks';
import { CalendarKinds1765600000000 } from './migrations/1765600000000-calendar-kinds';
import { MetricReportingDepartments1765700000000 } from './migrations/1765700000000-metric-reporting-departments';
import { MetricComments1765800000000 } from './migrations/1765800000000-metric-comments';
import { SubmissionFlags1765900000000 } from './migrations/1765900000000-submission-flags';
import { PlanEditing1765900000001 } from './migrations/1765900000001-plan-editing';
import { DeskBell1766000000000 } from './migrations/1766000000000-desk-bell';

export const ENTITIES = [
  PlanEntity,
  IndicatorEntity,
  IndicatorDepartmentEntity,
  TaskEntity,
  DepartmentEntity,
  MetricEntity,
  MetricReportingDepartmentEntity,
  SubmissionEntity,
  SubmissionCaseEntity,
  CalendarYearEntity,
  CalendarDayEntity,
  EvaluationEntity,
  UserEntity,
  SessionEntity,
  AuditEntity,
  SubmissionReturnEntity,
  EvidenceFileEntity,
  ReportEntity,
  ReminderEntity,
  NoticeEntity,
  NoticeEventEntity,
  NoticeAttachmentEntity,
  NotificationEntity,
  DeliveryEntity,
  JobRunEntity,
  EvaluationCheckEntity,
  MetricCommentEntity,
  SubmissionExplanationEntity,
  SubmissionFlagEntity,
  SubmissionFlagAcceptanceEntity,
];
export const MIGRATIONS = [
  InitialSchema1764300000000,
  MetricEngine1764400000000,
  Workflow1764500000000,
  Reports1764600000000,
  Supervision1764700000000,
  JobRuns1764800000000,
  PlanReminderSettings1764910000000,
  EvaluationChecks1765000000000,
  ReminderLookup1765100000000,
  SupervisionMarks1765200000000,
  AuditWriteLookup1765300000000,
  SupervisionRecheck1765400000000,
  CheckMarks1765500000000,
  CalendarKinds1765600000000,
  MetricReportingDepartments1765700000000,
  MetricComments1765800000000,
  SubmissionFlags1765900000000,
  PlanEditing1765900000001,
  DeskBell1766000000000,
];

/** SQLite (embedded, the default) or PostgreSQL when DATABASE_URL is set; schema only through migrations. */
export function dataSourceOptions(config: Pick<AppConfig, 'databaseUrl' | 'sqlitePath'>): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: ['error'] as const,
  };
  if (config.databaseUrl) {
    return { ...common, type: 'postgres', url: config.databaseUrl, logging: ['error'] };
  }
  return {
    ...common,
    logging: ['error'],
    type: 'better-sqlite3',
    database: config.sqlitePath,
    enableWAL: true,
    // FULL makes each acknowledged commit durable across power loss, not only across a crash of the process.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = FULL');
    },
  };
}

export function databaseKind(config: Pick<AppConfig, 'databaseUrl'>): 'sqlite' | 'postgres' {
  return config.databaseUrl ? 'postgres' : 'sqlite';
}

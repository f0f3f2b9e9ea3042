import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JOBS } from '../database/job-claims';

/**
 * The data version: the newest row of each table whose growth can change what a dashboard shows. Two reads that
 * give the same four values saw the same data. Rows are only ever appended to these tables, so a newer row means a
 * larger id.
 */
export interface DataVersion {
  // Ids as the driver returns them (a number; null while the table is empty): they are compared, never computed with.
  /** The newest evaluation (any cycle, any instance). */
  evaluationId: number | string | null;
  /**
   * The newest audited write: every submission, return, edit and import is audited in its own transaction. Refusals
   * and sign-ins are audited too but change nothing shown, so they are left out (kind 'write' only).
   */
  auditedWriteId: number | string | null;
  /** The newest notice event: every step of a notice (issued, answered, closed, escalated) adds one. */
  noticeEventId: number | string | null;
  /** When any instance last finished a scheduled evaluation (shown with the answer, not part of the version). */
  evaluationFinishedAt: string | null;
}

@Injectable()
export class DataVersionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The current data version, in one query of index seeks: audit_log (kind, id) is indexed for this
   * (migration 1765300000000); job_runs is read backwards along its key (job, tick) to the newest finished tick.
   */
  async readDataVersion(): Promise<DataVersion> {
    const [row] = await this.dataSource
      .query(`SELECT (SELECT MAX(id) FROM evaluations) AS e, (SELECT MAX(id) FROM audit_log WHERE kind = 'write') AS a,
      (SELECT MAX(id) FROM notice_events) AS n, (SELECT finished_at FROM job_runs WHERE job = '${JOBS.evaluation}' AND finished_at IS NOT NULL ORDER BY tick DESC LIMIT 1) AS r`);
    return { evaluationId: row.e, auditedWriteId: row.a, noticeEventId: row.n, evaluationFinishedAt: row.r ?? null };
  }
}

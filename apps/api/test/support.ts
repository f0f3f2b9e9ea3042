import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { MetricResponse } from '../src/metrics/metrics.dto';

/** Small helpers shared by the HTTP tests; they drive the real application, nothing is mocked. */

export const http = (app: INestApplication) => request(app.getHttpServer());

const HAN = /[\u4e00-\u9fff]/;

/** A 4xx answer as the API promises it: the status, a code, and a message in Chinese and one in English. */
export function expectError(res: request.Response, statusCode: number, code: string, zh?: string | RegExp, en?: string | RegExp): void {
  expect({ status: res.status, code: res.body.code, statusCode: res.body.statusCode }).toEqual({ status: statusCode, code, statusCode });
  expect(res.body.messageZh).toMatch(HAN);
  expect(res.body.messageEn).toMatch(/[A-Za-z]{3,}/);
  if (zh !== undefined) expect(res.body.messageZh).toEqual(typeof zh === 'string' ? zh : expect.stringMatching(zh));
  if (en !== undefined) expect(res.body.messageEn).toEqual(typeof en === 'string' ? en : expect.stringMatching(en));
}

/** Every metric of plan 1, by code. */
export async function metricsByCode(app: INestApplication, query = ''): Promise<Map<string, MetricResponse>> {
  const list: MetricResponse[] = (await http(app).get(`/api/metrics?planId=1${query}`).expect(200)).body;
  return new Map(list.map((m) => [m.code, m]));
}

export async function countRows(app: INestApplication, table: 'submissions' | 'submission_cases' | 'evaluations', where = ''): Promise<number> {
  const [row] = await app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table} ${where}`);
  return Number(row.n);
}

/** Current evaluations that exist twice for the same metric, department and period: must always be none. */
export async function duplicateCurrentEvaluations(app: INestApplication): Promise<unknown[]> {
  return app.get(DataSource).query(
    'SELECT metric_id, department_id, period_key, COUNT(*) AS n FROM evaluations WHERE superseded_at IS NULL GROUP BY metric_id, department_id, period_key HAVING COUNT(*) > 1',
  );
}

/** Polls until `probe` returns a value (not undefined) or the time is up; returns the last value either way. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000, everyMs = 100): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

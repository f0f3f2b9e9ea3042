import type { INestApplication } from '@nestjs/common';
import type { AuditEntryResponse } from '@taizhang/contracts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../src/auth/demo-accounts';
import { EvaluationService, type CycleResult } from '../src/evaluation/evaluation.service';
import type { MetricResponse } from '../src/metrics/metrics.dto';
import { TEST_ADMIN_PASSWORD } from './test-app';

/** Small helpers shared by the HTTP tests; they drive the real application, nothing is mocked. */

export const http = (app: INestApplication) => request(app.getHttpServer());

/** A supertest parser that keeps the body as bytes (`.buffer(true).parse(binary)`): the XLSX, PDF and CSV downloads. */
export const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The header a signed-in API client sends. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Signs in through POST /api/auth/login and returns the bearer token. */
export async function signIn(app: INestApplication, username: string, password: string): Promise<string> {
  const res = await http(app).post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** Requests made as the holder of `token` (anonymous without one). */
export function as(app: INestApplication, token?: string) {
  const agent = http(app);
  const verb = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (path: string) =>
    token ? agent[method](path).set(bearer(token)) : agent[method](path);
  return { get: verb('get'), post: verb('post'), put: verb('put'), patch: verb('patch'), delete: verb('delete') };
}

export type DemoUser = 'admin' | 'leader' | 'sfj' | 'zfb' | 'zwfwb';

/** Signs in every demo account (demo mode only); department accounts come with their department id. */
export async function signInDemo(
  app: INestApplication,
): Promise<Record<DemoUser, string> & { departmentOf: Record<'sfj' | 'zfb' | 'zwfwb', number> }> {
  const tokens = {} as Record<DemoUser, string>;
  for (const a of DEMO_ACCOUNTS) tokens[a.username as DemoUser] = await signIn(app, a.username, a.password);
  const departments: Array<{ id: number; name: string }> = (
    await as(app, tokens.admin).get('/api/departments').expect(200)
  ).body;
  const idOf = (username: string) =>
    departments.find((d) => d.name === DEMO_ACCOUNTS.find((a) => a.username === username)!.department)!.id;
  return { ...tokens, departmentOf: { sfj: idOf('sfj'), zfb: idOf('zfb'), zwfwb: idOf('zwfwb') } };
}

/** Without demo data: the admin (ADMIN_PASSWORD) signs in. */
export const signInAdmin = (app: INestApplication) => signIn(app, 'admin', TEST_ADMIN_PASSWORD);

/** Creates (through POST /api/users, as the admin) a user of that role and signs them in. */
export async function createUser(
  app: INestApplication,
  adminToken: string,
  username: string,
  role: 'admin' | 'leader' | 'department',
  departmentId?: number,
): Promise<string> {
  const password = `${username}-password`;
  await as(app, adminToken)
    .post('/api/users')
    .send({ username, password, role, ...(departmentId ? { departmentId } : {}) })
    .expect(201);
  return signIn(app, username, password);
}

/** The 401 of a request without a valid session, in Chinese and in English (spread into `expectError`). */
export const SIGN_IN_FIRST = ['请先登录', 'Please sign in'] as const;
/** The 403 of a role a route does not admit, in Chinese and in English (spread into `expectError`). */
export const ROLE_REFUSED = ['您的角色无权执行此操作', 'Your role may not do this'] as const;

const HAN = /[\u4e00-\u9fff]/;

/** A 4xx answer as the API promises it: the status, a code, and a message in Chinese and one in English. */
export function expectError(
  res: request.Response,
  statusCode: number,
  code: string,
  zh?: string | RegExp,
  en?: string | RegExp,
): void {
  expect({ status: res.status, code: res.body.code, statusCode: res.body.statusCode }).toEqual({
    status: statusCode,
    code,
    statusCode,
  });
  expect(res.body.messageZh).toMatch(HAN);
  expect(res.body.messageEn).toMatch(/[A-Za-z]{3,}/);
  if (zh !== undefined) expect(res.body.messageZh).toEqual(typeof zh === 'string' ? zh : expect.stringMatching(zh));
  if (en !== undefined) expect(res.body.messageEn).toEqual(typeof en === 'string' ? en : expect.stringMatching(en));
}

/** Every metric of plan 1, by code. */
export async function metricsByCode(
  app: INestApplication,
  token: string,
  query = '',
): Promise<Map<string, MetricResponse>> {
  const list: MetricResponse[] = (await as(app, token).get(`/api/metrics?planId=1${query}`).expect(200)).body;
  return new Map(list.map((m) => [m.code, m]));
}

/** The id of every metric of plan 1 that `token` may see, by code. */
export async function metricIds(app: INestApplication, token: string, query = ''): Promise<Map<string, number>> {
  return new Map([...(await metricsByCode(app, token, query))].map(([code, m]) => [code, m.id]));
}

/** The id of one metric of plan 1, by code, as `token` sees the plan's metrics. */
export async function metricIdOf(app: INestApplication, token: string, code: string): Promise<number> {
  const id = (await metricIds(app, token)).get(code);
  if (id === undefined) throw new Error(`no metric ${code} in plan 1`);
  return id;
}

/** A ledger uploaded to POST /api/plans/import (the preview), with the new plan's identity (code, title, year…). */
export function importLedger(
  app: INestApplication,
  token: string | undefined,
  file: Buffer,
  filename: string,
  identity: Record<string, string>,
) {
  const req = as(app, token).post('/api/plans/import').attach('file', file, filename);
  for (const [k, v] of Object.entries(identity)) req.field(k, v);
  return req;
}

/** The audit trail as an admin reads it, newest first. */
export async function auditTrail(app: INestApplication, adminToken: string): Promise<AuditEntryResponse[]> {
  return (await as(app, adminToken).get('/api/audit?limit=1000').expect(200)).body;
}

/** Runs `act` and returns the audit rows it added, oldest first. */
export async function auditRowsAdded(
  app: INestApplication,
  adminToken: string,
  act: () => Promise<unknown>,
): Promise<AuditEntryResponse[]> {
  const last = (await auditTrail(app, adminToken))[0]?.id ?? 0;
  await act();
  return (await auditTrail(app, adminToken)).filter((r) => r.id > last).reverse();
}

export type Table =
  | 'submissions'
  | 'submission_cases'
  | 'evaluations'
  | 'evidence_files'
  | 'submission_returns'
  | 'audit_log'
  | 'users'
  | 'sessions'
  | 'metrics'
  | 'calendar_years'
  | 'metric_comments';

export async function countRows(app: INestApplication, table: Table, where = ''): Promise<number> {
  const [row] = await app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table} ${where}`);
  return Number(row.n);
}

/** How many rows each of `tables` holds, read in one statement (so that all are counted at the same moment). */
export async function rowCounts(app: INestApplication, tables: string[]): Promise<Record<string, number>> {
  const [row] = await app
    .get(DataSource)
    .query(`SELECT ${tables.map((name) => `(SELECT COUNT(*) FROM ${name}) AS ${name}`).join(', ')}`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** The rows that decide "nothing was written": submissions, their cases, returns and evidence. */
export async function writeCounts(app: INestApplication): Promise<Record<string, number>> {
  const tables: Table[] = ['submissions', 'submission_cases', 'submission_returns', 'evidence_files'];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(app, t)])));
}

/** Current evaluations that exist twice for the same metric, department and period: must always be none. */
export async function duplicateCurrentEvaluations(app: INestApplication): Promise<unknown[]> {
  return app
    .get(DataSource)
    .query(
      'SELECT metric_id, department_id, period_key, COUNT(*) AS n FROM evaluations WHERE superseded_at IS NULL GROUP BY metric_id, department_id, period_key HAVING COUNT(*) > 1',
    );
}

/** Polls until `probe` returns a value (not undefined) or the time is up; returns the last value either way. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 5000,
  everyMs = 100,
): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits for a cycle of the evaluation cron job that started after this moment (and so saw the clock as it is now). */
export async function nextScheduledRun(app: INestApplication): Promise<CycleResult> {
  const after = new Date().toISOString();
  const run = await waitFor(
    async () => {
      const last = app.get(EvaluationService).lastRun;
      return last && last.startedAt > after ? last : undefined;
    },
    5000,
    50,
  );
  expect(run).toBeDefined();
  return run!;
}

/** A request a webhook receiver got: its Content-Type and its JSON body. */
export interface Delivered<T> {
  contentType: string | undefined;
  body: T;
}

/** An HTTP receiver for webhooks on 127.0.0.1 that answers `status` and keeps every request it gets; `close` it after. */
export async function webhookReceiver<T = unknown>(status = 200) {
  const got: Array<Delivered<T>> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ contentType: req.headers['content-type'], body: JSON.parse(body) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/hook`,
    got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

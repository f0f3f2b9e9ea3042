import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startApi } from '../support/api-process';

// 100 department submitters and 50 dashboard readers at once, on loopback, for LOAD_SECONDS (10 in npm test,
// 120 in npm run test:soak): no 5xx, no SQLITE_BUSY, and exactly the acknowledged submissions stored.
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);

describe('load: submitters and readers at once', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-load-'));
  const file = path.join(dir, 'taizhang.sqlite');
  let child: ChildProcess;

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `serves 100 submitters and 50 readers for ${SECONDS} s without a 5xx and loses nothing`,
    async () => {
      const api = await startApi({ SQLITE_PATH: file, DATABASE_URL: '', UPLOADS_DIR: path.join(dir, 'up') });
      child = api.child;
      const url = api.url;
      const token = async (username: string, password: string) =>
        (
          await (
            await fetch(`${url}/api/auth/login`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ username, password }),
            })
          ).json()
        ).accessToken as string;
      const clerks = await Promise.all(
        ['sfj', 'zfb', 'zwfwb'].map(async (u) => {
          const t = await token(u, 'taizhang-dept');
          const queue = await (
            await fetch(`${url}/api/queue?planId=1`, { headers: { Authorization: `Bearer ${t}` } })
          ).json();
          return {
            t,
            departmentId: queue.departmentId as number,
            items: queue.items.filter((i: { accepts: string[] }) => i.accepts.includes('ratio')),
          };
        }),
      );
      const leader = await token('leader', 'taizhang-leader');
      const db = new Database(file, { readonly: true });
      const stored = () =>
        (db.prepare("SELECT COUNT(*) AS n FROM submissions WHERE reason = 'load test'").get() as { n: number }).n;
      const until = Date.now() + SECONDS * 1000;
      const statuses = new Map<number, number>();
      let acknowledged = 0;
      const note = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
      const submitter = async (k: number) => {
        const c = clerks[k % clerks.length];
        for (let n = 0; Date.now() < until; n++) {
          const item = c.items[(k * 7 + n) % c.items.length];
          const res = await fetch(`${url}/api/submissions`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${c.t}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              metricId: item.metricId,
              departmentId: c.departmentId,
              period: item.period,
              numerator: 8,
              denominator: 10,
              reason: 'load test',
              explanation: 'load test',
            }),
          });
          note(res.status);
          if (res.status === 201) acknowledged += 1;
          await res.arrayBuffer();
        }
      };
      const reader = async (k: number) => {
        const paths = [
          '/api/dashboard/summary?planId=1',
          '/api/plans/1',
          '/api/dashboard/departments?planId=1',
          '/api/metrics?planId=1',
        ];
        for (let n = 0; Date.now() < until; n++) {
          const res = await fetch(`${url}${paths[(k + n) % paths.length]}`, {
            headers: { Authorization: `Bearer ${leader}` },
          });
          note(res.status);
          await res.arrayBuffer();
        }
      };
      await Promise.all([
        ...Array.from({ length: 100 }, (_, k) => submitter(k)),
        ...Array.from({ length: 50 }, (_, k) => reader(k)),
      ]);
      const serverErrors = [...statuses].filter(([s]) => s >= 500);
      expect(serverErrors).toEqual([]);
      expect(api.output()).not.toMatch(/SQLITE_BUSY/);
      expect(acknowledged).toBeGreaterThan(50);
      expect(stored()).toBe(acknowledged);
      db.close();
    },
    60_000 + SECONDS * 2000,
  );
});

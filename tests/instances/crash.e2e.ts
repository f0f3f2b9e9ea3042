import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startApi } from '../support/api-process';

// SIGKILL the API while a department submits, again and again: every acknowledged submission is there after
// each restart, every case submission is whole or absent, and SQLite's integrity check says ok.
// CRASH_KILLS=20 (npm run test:soak) for the long run; 4 by default in npm test.
const KILLS = Number(process.env.CRASH_KILLS ?? 4);

describe('acknowledged writes survive SIGKILL', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-crash-'));
  const file = path.join(dir, 'taizhang.sqlite');
  let child: ChildProcess | null = null;

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<string> {
    const api = await startApi({
      SQLITE_PATH: file,
      DATABASE_URL: '',
      UPLOADS_DIR: path.join(dir, 'up'),
      EVALUATION_CRON: '*/5 * * * * *',
    });
    child = api.child;
    return api.url;
  }

  it(
    `keeps every acknowledged submission across ${KILLS} kills`,
    async () => {
      const acknowledged = new Map<number, number>(); // submission id → number of case records sent
      for (let round = 0; round < KILLS; round++) {
        const url = await start();
        const login = await (
          await fetch(`${url}/api/auth/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username: 'sfj', password: 'taizhang-dept' }),
          })
        ).json();
        const auth = { Authorization: `Bearer ${login.accessToken}`, 'Content-Type': 'application/json' };
        const queue = await (await fetch(`${url}/api/queue?planId=1`, { headers: auth })).json();
        const ratio = queue.items.filter((i: { accepts: string[] }) => i.accepts.includes('ratio'));
        const cases = queue.items.filter(
          (i: { accepts: string[]; unit: string }) => i.accepts.includes('cases') && i.unit === 'working-days',
        );
        const killAt = Date.now() + 400 + ((round * 337) % 900);
        let n = 0;
        // Several writers at once, until the process is killed under them.
        await Promise.all(
          [0, 1, 2, 3].map(async (w) => {
            while (Date.now() < killAt) {
              n += 1;
              const useCases = (n + w) % 3 === 0 && cases.length > 0;
              const item = useCases ? cases[n % cases.length] : ratio[n % ratio.length];
              const body = useCases
                ? {
                    metricId: item.metricId,
                    departmentId: queue.departmentId,
                    period: item.period,
                    reason: 'crash test',
                    explanation: 'crash test',
                    cases: [1, 2, 3].map((k) => ({
                      reference: `R${round}-${w}-${n}-${k}`,
                      startDate: `${item.period.slice(0, 4)}-03-02`,
                      completedOn: `${item.period.slice(0, 4)}-03-0${3 + k}`,
                    })),
                  }
                : {
                    metricId: item.metricId,
                    departmentId: queue.departmentId,
                    period: item.period,
                    reason: 'crash test',
                    explanation: 'crash test',
                    numerator: 9,
                    denominator: 10,
                  };
              const res = await fetch(`${url}/api/submissions`, {
                method: 'POST',
                headers: auth,
                body: JSON.stringify(body),
              }).catch(() => null);
              if (res?.status === 201) acknowledged.set((await res.json()).submission.id, useCases ? 3 : 0);
            }
          }),
        );
        child!.kill('SIGKILL');
        await new Promise((r) => child!.once('exit', r));
        const db = new Database(file, { readonly: true });
        const ids = new Set((db.prepare('SELECT id FROM submissions').all() as Array<{ id: number }>).map((r) => r.id));
        for (const id of acknowledged.keys()) expect({ id, present: ids.has(id) }).toEqual({ id, present: true });
        const caseCounts = db
          .prepare(
            "SELECT s.id AS id, COUNT(c.id) AS n FROM submissions s LEFT JOIN submission_cases c ON c.submission_id = s.id WHERE s.figure_type = 'cases' AND s.reason = 'crash test' GROUP BY s.id",
          )
          .all() as Array<{ id: number; n: number }>;
        for (const row of caseCounts) expect({ id: row.id, cases: row.n }).toEqual({ id: row.id, cases: 3 });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
      }
      expect(acknowledged.size).toBeGreaterThan(KILLS * 3);
    },
    60_000 + KILLS * 15_000,
  );
});

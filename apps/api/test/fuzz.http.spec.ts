import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { bearer, http, signIn } from './support';
import { useTestApp } from './test-app';

// Random, hostile bodies against every JSON write route: always a 4xx that says something, never a 5xx,
// and nothing written (the audit trail of denials aside).
const TABLES = [
  'plans',
  'departments',
  'metrics',
  'submissions',
  'submission_cases',
  'submission_returns',
  'users',
  'reports',
  'notices',
  'calendar_days',
];

const hostile = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'metricId',
      'departmentId',
      'period',
      'value',
      'numerator',
      'denominator',
      'cases',
      'planId',
      'month',
      'username',
      'password',
      'role',
      'target',
      'tolerance',
      'holidays',
      'seed',
      'comment',
      'level',
      'name',
      'code',
    ),
    fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constant(1e308),
      fc.constant(-1e308),
      fc.string({ maxLength: 20000 }),
      fc.array(fc.anything(), { maxLength: 50 }),
      fc.constant(null),
      fc.boolean(),
      fc.object(),
    ),
  ),
  fc.string({ maxLength: 200 }),
  fc.array(fc.anything(), { maxLength: 20 }),
);

describe('fuzzed bodies on every write route', () => {
  const t = useTestApp();
  let tokens: Record<'admin' | 'leader' | 'sfj', string>;

  beforeAll(async () => {
    tokens = {
      admin: await signIn(t.app, 'admin', 'taizhang-admin'),
      leader: await signIn(t.app, 'leader', 'taizhang-leader'),
      sfj: await signIn(t.app, 'sfj', 'taizhang-dept'),
    };
  });

  const counts = async () => {
    const ds = t.app.get(DataSource);
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return out;
  };

  const routes: Array<[string, string, keyof typeof tokens]> = [
    ['post', '/api/submissions', 'sfj'],
    ['post', '/api/submissions/1/return', 'leader'],
    ['post', '/api/reports', 'leader'],
    ['post', '/api/users', 'admin'],
    ['patch', '/api/users/1', 'admin'],
    ['post', '/api/departments', 'admin'],
    ['patch', '/api/departments/1', 'admin'],
    ['patch', '/api/metrics/1', 'admin'],
    ['put', '/api/calendar/years/2027', 'admin'],
    ['put', '/api/calendar/days/2027-01-04', 'admin'],
    ['post', '/api/calendar/notices/preview', 'admin'],
    ['post', '/api/calendar/notices/confirm', 'admin'],
    ['post', '/api/notices', 'leader'],
    ['post', '/api/notices/1/reply', 'sfj'],
    ['post', '/api/notices/1/send-back', 'leader'],
    ['post', '/api/plans/import/confirm', 'admin'],
    ['post', '/api/auth/login', 'admin'],
  ];

  it.each(routes)(
    '%s %s answers 4xx with a message and writes nothing',
    async (method, path, who) => {
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(hostile, async (body) => {
          const req = (http(t.app) as unknown as Record<string, (p: string) => import('supertest').Test>)
            [method](path)
            .set(bearer(tokens[who]))
            .set('Content-Type', 'application/json');
          const res = await req.send(JSON.stringify(body) ?? 'null');
          // A body that happens to be valid may succeed; what must never happen is a 5xx or a wordless error.
          if (res.status >= 400) {
            expect(res.status).toBeLessThan(500);
            expect(res.body.messageZh).toMatch(/\S/);
            expect(res.body.messageEn).toMatch(/\S/);
          }
        }),
        { numRuns: 25 },
      );
      const after = await counts();
      expect(after).toEqual(before);
    },
    120_000,
  );
});

import { DataSource } from 'typeorm';
import { bearer, http, signIn } from './support';
import { freshDatabase, startTestApp, type TestApp } from './test-app';

// A full disk: the API answers 503 with a clear body, writes nothing half, and recovers when space returns.
// (SQLite only: PRAGMA max_page_count makes the database "full" without filling the machine's disk.)
const sqlite = !process.env.TEST_DATABASE_URL;

(sqlite ? describe : describe.skip)('storage faults', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let t: TestApp;

  beforeAll(async () => {
    db = await freshDatabase();
    t = await startTestApp(db);
  });
  afterAll(async () => {
    await t.app.get(DataSource).query('PRAGMA max_page_count = 1073741823');
    await t.stop();
    await db.drop();
  });

  it('answers 503 while the database is full, keeps it consistent, and recovers', async () => {
    const token = await signIn(t.app, 'sfj', 'taizhang-dept');
    const queue = (await http(t.app).get('/api/queue?planId=1').set(bearer(token)).expect(200)).body;
    const items = queue.items.filter((i: { accepts: string[] }) => i.accepts.includes('ratio'));
    const ds = t.app.get(DataSource);
    const count = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM submissions'))[0].n);
    const pages = Number((await ds.query('PRAGMA page_count'))[0].page_count);
    await ds.query(`PRAGMA max_page_count = ${pages}`);
    const note = '备注'.repeat(900);
    let full: { status: number; body: { code: string; messageZh: string; messageEn: string } } | null = null;
    for (let i = 0; i < 400 && !full; i++) {
      const item = items[i % items.length];
      const before = await count();
      const res = await http(t.app).post('/api/submissions').set(bearer(token)).send({ metricId: item.metricId, departmentId: queue.departmentId, period: item.period, numerator: 5, denominator: 10, note, reason: '磁盘测试' });
      if (res.status !== 201) {
        full = res;
        expect(await count()).toBe(before);
      }
    }
    expect(full?.status).toBe(503);
    expect(full?.body).toMatchObject({ code: 'STORAGE_UNAVAILABLE', messageZh: expect.stringContaining('未保存'), messageEn: expect.stringContaining('nothing was saved') });
    expect((await ds.query('PRAGMA integrity_check'))[0].integrity_check).toBe('ok');
    await ds.query('PRAGMA max_page_count = 1073741823');
    const item = items[0];
    await http(t.app).post('/api/submissions').set(bearer(token)).send({ metricId: item.metricId, departmentId: queue.departmentId, period: item.period, numerator: 6, denominator: 10, reason: '恢复' }).expect(201);
  }, 120_000);
});

import { DataSource } from 'typeorm';
import { SupervisionService } from '../src/supervision/supervision.service';
import { Clock } from '../src/clock/clock';
import { signInAdmin, as, metricsByCode } from './support';
import { freshDatabase, startTestApp } from './test-app';

it('explore', async () => {
  const db = await freshDatabase();
  const t = await startTestApp(db, { demo: false, env: { FIXED_TODAY: '2020-10-09', EVALUATION_CRON: '0 0 1 1 *' } });
  const admin = await signInAdmin(t.app);
  const ds = t.app.get(DataSource);
  const ms = await metricsByCode(t.app, admin);
  for (const m of ms.values()) if (m.departments.some((d: any) => d.departmentId === 1 || d.departmentId === 5)) console.log(m.code, m.id, m.name, (m as any).frequency, (m as any).kind, m.departments.map((d: any) => d.departmentId).join(','));
  console.log(await ds.query("SELECT id, code, name FROM departments"));
  console.log(await ds.query("SELECT stage, COUNT(*) n FROM reminders GROUP BY stage"), await ds.query("SELECT COUNT(*) n FROM notices"));
  t.app.get(Clock).setToday('2020-10-10');
  console.log(await t.app.get(SupervisionService).runCycle());
  console.log(await ds.query("SELECT r.*, m.code FROM reminders r JOIN metrics m ON m.id=r.metric_id WHERE stage='due-soon' ORDER BY department_id"));
  await t.stop(); await db.drop();
}, 120000);

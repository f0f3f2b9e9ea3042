import { SupervisionService } from '../src/supervision/supervision.service';
import { SMALL_LEDGER_ROWS } from './plan-import-files';
import { as, createUser, importLedger, signInAdmin } from './support';
import { useTestApp } from './test-app';

const NEVER = '0 0 1 1 *';
const PROVISIONAL_ZH = '（按暂定日历，以国务院通知为准）';
const PROVISIONAL_EN = ' (provisional calendar; the State Council notice decides)';

type Bell = { items: Array<{ titleZh: string; titleEn: string }> };

/**
 * Wednesday 6 January 2027, before the State Council's 2027 notice is entered: 2027 is a provisional year. The 2026
 * plan's December figures are due on the 5th working day of 2027 as the holiday law alone gives it (8 January), so
 * that reminder says its date may still move; November's (due in December 2026, an official year) does not.
 */
describe('a reminder whose due date rests on a provisional year says so', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: '2027-01-06', EVALUATION_CRON: NEVER } });
  let clerk: string;

  beforeAll(async () => {
    const admin = await signInAdmin(t.app);
    const preview = await importLedger(t.app, admin, Buffer.from(SMALL_LEDGER_ROWS.flat().join('\n')), 'ledger.txt', {
      code: 'hongqiao-2026',
      title: '红桥区2026年法治政府建设年度计划',
      year: '2026',
      district: '红桥区',
    }).expect(200);
    await as(t.app, admin).post('/api/plans/import/confirm').send({ seed: preview.body.seed }).expect(201);
    const departments: Array<{ id: number; name: string }> = (
      await as(t.app, admin).get('/api/departments').expect(200)
    ).body;
    clerk = await createUser(
      t.app,
      admin,
      'sfj-2027',
      'department',
      departments.find((d) => d.name === '区司法局')!.id,
    );
    await t.app.get(SupervisionService).runCycle();
  });

  it('marks December’s due-soon reminder provisional, in the bell in both languages', async () => {
    const bell: Bell = (await as(t.app, clerk).get('/api/notifications').expect(200)).body;
    const december = bell.items.filter((i) => i.titleZh.includes(' 2026-12 '));
    expect(december.length).toBeGreaterThan(0);
    for (const item of december) {
      expect(item.titleZh).toMatch(/^即将到期：.* 2026-12 请于 2027-01-08 前报送（按暂定日历，以国务院通知为准）$/);
      expect(item.titleEn.endsWith(PROVISIONAL_EN)).toBe(true);
    }
  });

  it('leaves a reminder dated in an official year as it was', async () => {
    const bell: Bell = (await as(t.app, clerk).get('/api/notifications').expect(200)).body;
    const november = bell.items.filter((i) => i.titleZh.includes(' 2026-11'));
    expect(november.length).toBeGreaterThan(0);
    for (const item of november) {
      expect(item.titleZh.startsWith('逾期未报送：')).toBe(true);
      expect(item.titleZh).not.toContain(PROVISIONAL_ZH);
      expect(item.titleEn).not.toContain(PROVISIONAL_EN);
    }
  });
});

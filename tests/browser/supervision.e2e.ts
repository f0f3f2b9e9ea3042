import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

// The demo departments that have a sign-in; the notice we follow must belong to one of them.
const USER_OF: Record<string, string> = { 区司法局: 'sfj', 区政府办: 'zfb', 区政务服务办: 'zwfwb' };

interface Notice {
  id: number;
  metric: { id: number; name: string };
  department: { id: number; name: string };
  state: string;
  level: string;
}

const unreadOf = async (page: Page): Promise<number> => {
  // Through the accessibility tree, so this checks the name a screen reader announces.
  const bell = page.getByRole('button', { name: /^未读消息 \d+ 条$/ });
  const name = (await bell.getAttribute('aria-label')) ?? '';
  return Number(name.match(/\d+/)![0]);
};

describe('the supervision loop: a notice issued for a red metric, acknowledged, answered and accepted (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let leader: Page;
  let clerk: Page;
  let notice: Notice;
  const measures = '已核对报送台账，补报 12 月数据并建立月度提醒机制';

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    leader = await signedInPage(browser, product.url, 'leader');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('shows the leader the new notices, with the unread count on the bell', async () => {
    const open: Notice[] = await (await leader.request.get(`${product.url}/api/notices?state=open`)).json();
    notice = open.find((n) => n.state === 'issued' && USER_OF[n.department.name])!;
    expect(notice).toBeDefined();
    // The notice is there because the metric is red for that department.
    const metric = await (await leader.request.get(`${product.url}/api/metrics/${notice.metric.id}`)).json();
    expect(
      metric.departments.find((d: { departmentId: number }) => d.departmentId === notice.department.id).status,
    ).toBe('red');

    const { unread } = await (await leader.request.get(`${product.url}/api/notifications`)).json();
    expect(unread).toBeGreaterThan(0);
    await expect(unreadOf(leader)).resolves.toBe(unread);
    await expect(leader.getByTestId('bell').textContent()).resolves.toContain(`消息 ${unread}`);

    await leader.getByRole('link', { name: '督办', exact: true }).click();
    await leader.getByRole('heading', { name: '督办事项' }).waitFor();
    const row = leader.locator(`[data-testid=notice-row][data-notice="${notice.id}"]`);
    await row.waitFor();
    const words = { remind: '提醒', supervise: '督办', listed: '挂牌督办' } as Record<string, string>;
    await expect(row.textContent()).resolves.toContain(words[notice.level]);
    await expect(row.textContent()).resolves.toContain(notice.department.name);
    await expect(row.textContent()).resolves.toContain('已下发');
    expect(await leader.getByTestId('notice-row').count()).toBe(open.length);
  });

  it('opens a notice from the bell and marks that message read', async () => {
    const before = await unreadOf(leader);
    await leader.getByTestId('bell').click();
    const item = leader.getByTestId('bell-item').filter({ hasText: notice.metric.name }).first();
    await item.click();
    await leader.waitForURL(`**/notices/${notice.id}`);
    await leader.getByTestId('notice-page').waitFor();
    await leader.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=bell]')?.getAttribute('data-unread')) === n,
      before - 1,
    );
  });

  it('lets the department find it in its inbox at 768px, acknowledge it and reply with measures and a target date', async () => {
    clerk = await signedInPage(browser, product.url, USER_OF[notice.department.name], { width: 768, height: 1000 });
    await clerk.getByRole('link', { name: '督办', exact: true }).click();
    await clerk.getByRole('heading', { name: '督办单收件箱' }).waitFor();
    await clerk.getByTestId('notice-row').first().waitFor();
    // Only its own notices, and nothing pushes the page sideways at tablet width.
    const departments = await clerk
      .getByTestId('notice-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-department')));
    expect(new Set(departments)).toEqual(new Set([notice.department.name]));
    expect(await clerk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);

    await clerk.locator(`[data-testid=notice-row][data-notice="${notice.id}"]`).getByRole('link').click();
    const page = clerk.getByTestId('notice-page');
    await page.waitFor();
    await clerk.getByRole('button', { name: '签收' }).click();
    await clerk.locator('[data-testid=notice-page][data-state=acknowledged]').waitFor();
    await clerk.getByLabel('整改措施').fill(measures);
    await clerk.getByLabel('完成时限').fill('2021-03-31');
    await clerk.getByRole('button', { name: '提交答复' }).click();
    await clerk.locator('[data-testid=notice-page][data-state=replied]').waitFor();
    await expect(clerk.getByTestId('notice-reply').textContent()).resolves.toMatch(/已核对报送台账.*2021-03-31/);
    await expect(clerk.getByTestId('notice-state').textContent()).resolves.toContain('已答复');
    expect(await clerk.getByRole('button', { name: '签收' }).count()).toBe(0);
  });

  it('lets the leader accept the reply; the notice is closed and the history lists every step', async () => {
    await leader.goto(`${product.url}/notices/${notice.id}`);
    await leader.locator('[data-testid=notice-page][data-state=replied]').waitFor();
    await expect(leader.getByTestId('notice-reply').textContent()).resolves.toContain(measures);
    await leader.getByRole('button', { name: '认可', exact: true }).click();
    await leader.locator('[data-testid=notice-page][data-state=closed]').waitFor();
    await expect(leader.getByTestId('notice-state').textContent()).resolves.toContain('已办结');

    const steps = leader.getByTestId('notice-history').locator('li');
    await expect(steps.evaluateAll((li) => li.map((l) => l.getAttribute('data-action')))).resolves.toEqual([
      'issued',
      'acknowledge',
      'reply',
      'accept',
    ]);
    const texts = await steps.allTextContents();
    const user = USER_OF[notice.department.name];
    expect(texts[0]).toMatch(/下发.*系统/);
    expect(texts[1]).toMatch(new RegExp(`签收.*${user}`));
    expect(texts[2]).toMatch(new RegExp(`答复.*${user}.*已核对报送台账.*2021-03-31`));
    expect(texts[3]).toMatch(/认可办结.*leader/);
  });

  it('lists the closed notice on its metric page, linking back to it', async () => {
    await leader.goto(`${product.url}/metrics/${notice.metric.id}`);
    const row = leader.getByTestId('metric-notices').locator(`[data-testid=notice-row][data-notice="${notice.id}"]`);
    await row.waitFor();
    await expect(row.getAttribute('data-state')).resolves.toBe('closed');
    await row.getByRole('link').click();
    await leader.waitForURL(`**/notices/${notice.id}`);
  });
});

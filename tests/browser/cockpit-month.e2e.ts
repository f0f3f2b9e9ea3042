import type { ImportPreview, MeResponse, MetricResponse } from '@taizhang/contracts';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { DEMO_PASSWORDS, signedInPage } from './support/session';

const MONTH = '2020-06';
const AIR_QUALITY = '全区优良天数比例';
const LEDGER = path.resolve(__dirname, '../../seeds/hongqiao-2020-plan-ledger.txt');
// A long title, as real ones are: the plan selector must still fit a phone.
const SECOND_PLAN = {
  code: 'hongqiao-2020-second',
  title: '红桥区2020年法治政府建设年度计划任务台账（第二份，导入复核用）',
  year: '2020',
  district: '红桥区',
};
const PHONE = { width: 390, height: 844 };

/** SCREENSHOTS_DIR=docs/screenshots refreshes the pictures in the docs. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name) });
}

const monthOf = (page: Page) => new URL(page.url()).searchParams.get('period');

/** Writes need the session's CSRF token, which the app learns from /api/auth/me. */
async function csrf(page: Page, url: string): Promise<Record<string, string>> {
  const me: MeResponse = await (await page.request.get(`${url}/api/auth/me`)).json();
  return { 'X-CSRF-Token': me.csrfToken };
}

describe('the month carried everywhere, sign-out and the phone (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    page = await signedInPage(browser, product.url, 'leader', { width: 1440, height: 900 });
    await page.getByTestId('indicator-tile').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('keeps 2020-06 from the overview to the metric page, whose status is that of 2020-06, not 2020-12', async () => {
    await page.getByLabel('统计月份').selectOption(MONTH);
    await page.waitForURL(/period=2020-06/);
    const link = page.getByRole('link', { name: AIR_QUALITY, exact: true }).first();
    await link.waitFor();
    await link.click();
    await page.getByTestId('metric-page').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/metrics\/\d+$/);
    expect(monthOf(page)).toBe(MONTH);
    const airQuality = Number(new URL(page.url()).pathname.split('/').at(-1));

    const june: MetricResponse = await (
      await page.request.get(`${product.url}/api/metrics/${airQuality}?period=${MONTH}`)
    ).json();
    const latest: MetricResponse = await (await page.request.get(`${product.url}/api/metrics/${airQuality}`)).json();
    expect(latest.current!.period).toBe('2020-12');
    expect(june.current!.status).not.toBe(latest.current!.status);
    await expect(page.getByTestId('month-shown').textContent()).resolves.toBe('统计月份 2020-06');
    const current = page.getByTestId('current-status');
    await expect(current.getByRole('heading', { name: /^当前状态/ }).textContent()).resolves.toBe(
      '当前状态（2020-06）',
    );
    await expect(current.locator('.badge').first().getAttribute('data-status')).resolves.toBe(june.current!.status);
    await expect(page.getByTestId('metric-reason').textContent()).resolves.toBe(june.current!.reasonZh);
    await screenshot(page, 'metric-month.png');
  });

  it('keeps the month through the breadcrumbs, the indicator pages and back to the overview', async () => {
    const crumbs = page.getByRole('navigation', { name: '位置' }).getByRole('link');
    await crumbs.nth(2).click();
    await page.getByTestId('task').first().waitFor();
    expect(monthOf(page)).toBe(MONTH);
    await expect(page.getByTestId('month-shown').textContent()).resolves.toBe('统计月份 2020-06');
    // Every metric of the task page links on with the month, and shows the period of that month.
    const hrefs = await page
      .locator('[data-testid=metric] a.metric-name')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(new URL(href, product.url).searchParams.get('period')).toBe(MONTH);
    await expect(page.locator('[data-testid=metric] .metric-period').allTextContents()).resolves.not.toContain(
      '报送期 2020-12',
    );

    await page.getByRole('navigation', { name: '位置' }).getByRole('link').nth(1).click();
    await page.getByTestId('second-level-row').first().waitFor();
    expect(monthOf(page)).toBe(MONTH);
    await expect(page.getByTestId('month-shown').textContent()).resolves.toBe('统计月份 2020-06');

    await page.getByRole('navigation', { name: '位置' }).getByRole('link', { name: '总览' }).click();
    await page.getByTestId('indicator-tile').first().waitFor();
    await expect(page.getByLabel('统计月份').inputValue()).resolves.toBe(MONTH);
  });

  it('keeps the month on a department’s page, whose statuses are those of that month', async () => {
    await page.getByRole('combobox', { name: /^单位/ }).selectOption({ label: '区生态环境局' });
    await page.getByTestId('department-metrics').waitFor();
    expect(monthOf(page)).toBe(MONTH);
    await expect(page.getByTestId('month-shown').textContent()).resolves.toBe('统计月份 2020-06');
    const shown = await page.getByTestId('department-metric').locator('td .muted').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    // Periods that had ended by 30 June: a month up to June or a quarter up to the second.
    for (const period of shown.map((p) => p.trim()))
      expect([period, /^2020-(0[1-6]|Q[12])$/.test(period)]).toEqual([period, true]);
    expect(shown.map((p) => p.trim())).toContain(MONTH);
  });

  it('signs out to the sign-in screen, with nothing of the leader’s page left; the next user sees only theirs', async () => {
    const tab = await signedInPage(browser, product.url, 'leader', { width: 1440, height: 900 });
    // Within the app, no reload: the cockpit's link to 需关注, its link to the metric, then 退出.
    await tab.getByTestId('attention-link').click();
    await tab.getByRole('link', { name: AIR_QUALITY, exact: true }).first().click();
    await tab.getByTestId('metric-page').waitFor();
    await tab.getByRole('button', { name: '退出' }).click();
    await tab.getByLabel('用户名').waitFor();
    expect(new URL(tab.url()).pathname).toBe('/');
    for (const gone of ['metric-page', 'current-status', 'issue-notice', 'metric-notices'])
      await expect(tab.getByTestId(gone).count()).resolves.toBe(0);
    await expect(tab.getByRole('button', { name: '退出' }).count()).resolves.toBe(0);
    await expect(tab.getByRole('combobox', { name: /^单位/ }).count()).resolves.toBe(0);
    const text = await tab.locator('body').innerText();
    expect(text).not.toContain(AIR_QUALITY);
    expect(text).not.toContain('leader');

    // A department clerk signing in on the same tab sees their own queue only: no leader's page, no cached data.
    await tab.getByLabel('用户名').fill('sfj');
    await tab.getByLabel('密码').fill(DEMO_PASSWORDS.sfj);
    await tab.getByRole('button', { name: '登录' }).click();
    await tab.getByTestId('queue-item').first().waitFor();
    await expect(tab.locator('.whoami').textContent()).resolves.toContain('sfj');
    await expect(tab.getByTestId('metric-page').count()).resolves.toBe(0);
    await expect(tab.getByTestId('indicator-tile').count()).resolves.toBe(0);
    await expect(tab.getByTestId('department-ranking').count()).resolves.toBe(0);
    await expect(tab.locator('h2#queue-title').textContent()).resolves.toContain('区司法局');
    await tab.context().close();
  });

  it('goes to the sign-in screen when the session ends elsewhere (any 401), leaving nothing behind', async () => {
    const leader = await signedInPage(browser, product.url, 'leader', { width: 1440, height: 900 });
    await leader.getByTestId('indicator-tile').first().waitFor();
    // The session ends on the server (as when it expires or an admin changes access); the page does not know yet.
    await leader.request.post(`${product.url}/api/auth/logout`, { headers: await csrf(leader, product.url) });
    await leader.getByLabel('统计月份').selectOption(MONTH);
    await leader.getByLabel('用户名').waitFor();
    expect(new URL(leader.url()).pathname).toBe('/');
    await expect(leader.getByTestId('indicator-tile').count()).resolves.toBe(0);
    await expect(leader.getByRole('button', { name: '退出' }).count()).resolves.toBe(0);
    await leader.context().close();
  });

  it('does not scroll sideways on a 390 px phone with two plans', async () => {
    const admin = await signedInPage(browser, product.url, 'admin');
    const headers = await csrf(admin, product.url);
    const preview = await admin.request.post(`${product.url}/api/plans/import`, {
      headers,
      multipart: { ...SECOND_PLAN, file: { name: 'ledger.txt', mimeType: 'text/plain', buffer: readFileSync(LEDGER) } },
    });
    expect(preview.status()).toBe(200);
    const { seed } = (await preview.json()) as ImportPreview;
    expect(
      (await admin.request.post(`${product.url}/api/plans/import/confirm`, { headers, data: { seed } })).status(),
    ).toBe(201);
    await admin.context().close();

    const phone = await signedInPage(browser, product.url, 'leader', PHONE);
    await phone.getByLabel('计划').waitFor();
    await expect(phone.getByLabel('计划').locator('option').count()).resolves.toBe(2);
    const width = () => phone.evaluate(() => document.documentElement.scrollWidth);
    await phone.getByTestId('indicator-tile').first().waitFor();
    expect(await width()).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'overview-phone-two-plans.png');
    // The drill-down pages fit too, with the month carried.
    await phone.getByLabel('统计月份').selectOption(MONTH);
    await phone.waitForURL(/period=2020-06/);
    await phone.getByRole('link', { name: AIR_QUALITY, exact: true }).first().click();
    await phone.getByTestId('metric-page').waitFor();
    expect(monthOf(phone)).toBe(MONTH);
    expect(await width()).toBeLessThanOrEqual(PHONE.width);
    // The reports page has the plan selector too.
    await phone.getByRole('link', { name: '月报' }).click();
    await phone.getByRole('heading', { name: '月度情况通报', level: 2 }).waitFor();
    expect(monthOf(phone)).toBe(MONTH);
    await expect(phone.getByRole('combobox', { name: /^月份/ }).inputValue()).resolves.toBe(MONTH);
    await expect(phone.getByLabel('计划').locator('option').count()).resolves.toBe(2);
    expect(await width()).toBeLessThanOrEqual(PHONE.width);
    await phone.context().close();
  });
});

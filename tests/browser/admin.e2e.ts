import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

/** SCREENSHOTS_DIR=docs/screenshots refreshes the pictures in the docs. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name), fullPage: false });
}

const seriousIssues = async (page: Page, selector: string) =>
  (await new AxeBuilder({ page }).include(selector).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);

describe('the admin changes a threshold after its preview, resets a password, and meets "not found" (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let admin: Page;
  let metricId = 0;

  beforeAll(async () => {
    // 1 February 2021: every 2020 period has ended, so each has a status a change can move.
    [product, browser] = await Promise.all([startProduct({ FIXED_TODAY: '2021-02-01' }), launchChromium()]);
    admin = await signedInPage(browser, product.url, 'admin', { width: 1440, height: 900 });
    const metrics: Array<{ id: number; code: string }> = await (
      await admin.request.get(`${product.url}/api/metrics?planId=1`)
    ).json();
    metricId = metrics.find((m) => m.code === 'T007-1')!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('previews which periods and departments change from what to what, and saves only then', async () => {
    await admin.goto(`${product.url}/metrics/${metricId}`);
    const editor = admin.getByTestId('rules-editor');
    await editor.waitFor();
    const save = editor.getByRole('button', { name: '保存修改' });
    expect(await save.isDisabled()).toBe(true);
    await editor.getByLabel('目标值').fill('70');
    await editor.getByLabel('预警带').fill('2');
    expect(await save.isDisabled()).toBe(true);
    await expect(editor.textContent()).resolves.toContain('请先预览，再保存。');
    await editor.getByRole('button', { name: '预览状态变化' }).click();
    await editor.getByTestId('rules-preview').waitFor();
    const rows = await editor
      .getByTestId('rules-change')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.length).toBeGreaterThan(0);
    // Period, department (总体 for the overall status), from, to, reason under the new rules.
    for (const [period, , from, to] of rows) {
      expect(period).toMatch(/^2020-\d{2}$/);
      expect(from).not.toBe(to);
    }
    expect(rows.some(([, , , to, reason]) => to.includes('达标') && reason.includes('≥ 70%'))).toBe(true);
    await expect(editor.getByRole('status').first().textContent()).resolves.toMatch(/^\d+ 项状态将改变，\d+ 项不变：$/);
    expect(await seriousIssues(admin, '[data-testid=rules-editor]')).toEqual([]);
    if (process.env.SCREENSHOTS_DIR) {
      await editor.scrollIntoViewIfNeeded();
      await screenshot(admin, 'admin-thresholds.png');
    }
    // Typing again makes the preview stale: save waits for a new one.
    await editor.getByLabel('目标值').fill('71');
    expect(await save.isDisabled()).toBe(true);
    await editor.getByLabel('目标值').fill('70');
    await editor.getByRole('button', { name: '预览状态变化' }).click();
    await editor.getByTestId('rules-preview').waitFor();
    await save.click();
    await editor.getByText('已保存，状态已重新评估。').waitFor();
    await admin.waitForFunction(() => document.querySelector('.facts')?.textContent?.includes('≥ 70%'));
    const metric = await (await admin.request.get(`${product.url}/api/metrics/${metricId}`)).json();
    expect(metric).toMatchObject({ target: 70, tolerance: 2 });
    // What the preview said is what the statuses now are.
    const history: Array<{ period: string; departmentId: number | null; status: string; supersededAt: string | null }> =
      await (await admin.request.get(`${product.url}/api/metrics/${metricId}/evaluations`)).json();
    const overall = rows.filter(([, department]) => department === '总体');
    for (const [period, , , to] of overall) {
      const now = history.find((e) => e.period === period && e.departmentId === null && e.supersededAt === null)!;
      expect(to).toContain({ red: '未达标', amber: '预警', green: '达标', grey: '暂无数据' }[now.status]);
    }
  });

  it('refuses a percent target over 100 in words', async () => {
    const editor = admin.getByTestId('rules-editor');
    await editor.getByLabel('目标值').fill('120');
    await editor.getByRole('button', { name: '预览状态变化' }).click();
    // The browser's own max check stops the form first; either way no preview appears.
    const refused = await admin.evaluate(
      () =>
        (document.querySelector('[data-testid=rules-editor] input[type=number]') as HTMLInputElement | null)?.validity
          .rangeOverflow ?? false,
    );
    expect(refused).toBe(true);
    expect(await editor.getByTestId('rules-preview').count()).toBe(0);
    await editor.getByLabel('目标值').fill('70');
  });

  it('resets a clerk’s password: the clerk’s open session ends, the new password signs in', async () => {
    const clerk = await signedInPage(browser, product.url, 'sfj', { width: 390, height: 844 });
    await admin.goto(`${product.url}/admin`);
    const row = admin.locator('[data-testid=user-row][data-username=sfj]');
    await row.getByLabel('sfj 的新密码').fill('sfj-new-password-1');
    await row.getByRole('button', { name: '重置密码' }).click();
    await row.getByText('已重置 sfj 的密码，其登录已失效。').waitFor();
    if (process.env.SCREENSHOTS_DIR) {
      await admin.locator('#users-title').scrollIntoViewIfNeeded();
      await screenshot(admin, 'admin-users.png');
    }
    // The clerk's next request finds the session gone and is shown the sign-in form.
    await clerk.reload();
    await clerk.getByRole('button', { name: '登录' }).waitFor();
    await clerk.getByLabel('用户名').fill('sfj');
    await clerk.getByLabel('密码').fill('taizhang-dept');
    await clerk.getByRole('button', { name: '登录' }).click();
    await clerk.getByRole('alert').waitFor();
    await clerk.getByLabel('密码').fill('sfj-new-password-1');
    await clerk.getByRole('button', { name: '登录' }).click();
    await clerk.getByRole('button', { name: '退出' }).waitFor();
    // A department user still lands on what they have to report at "/".
    await clerk.goto(product.url);
    await clerk.getByRole('button', { name: '退出' }).waitFor();
    expect(await clerk.getByTestId('not-found').count()).toBe(0);
    // The trail, filtered to user changes, shows the reset in Beijing time.
    await admin.getByLabel('对象').selectOption('user');
    await admin.getByLabel('类别').selectOption('write');
    await admin.getByRole('button', { name: '筛选', exact: true }).click();
    await admin.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=audit-row]')];
      return rows.length > 0 && rows.every((r) => / user/.test(r.textContent ?? ''));
    });
    const newest = await admin.locator('[data-testid=audit-row]').first().locator('td').allTextContents();
    expect(newest[1]).toBe('admin');
    expect(newest[3]).toMatch(/^update user #\d+$/);
    // A date and time to the minute, in Beijing time.
    expect(newest[0]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(await seriousIssues(admin, 'main')).toEqual([]);
    await clerk.context().close();
  });

  it('shows the department group as a group, not a department', async () => {
    const group = admin.locator('[data-testid=department-row]').filter({ has: admin.getByTestId('group-tag') });
    expect(await group.count()).toBeGreaterThan(0);
    await expect(group.first().textContent()).resolves.toContain('部门组');
  });

  it('answers an unknown address with "页面不存在" and a way home, on a phone too', async () => {
    await admin.goto(`${product.url}/calendar`);
    const notFound = admin.getByTestId('not-found');
    await notFound.waitFor();
    await expect(notFound.getByRole('heading').textContent()).resolves.toBe('页面不存在');
    await notFound.getByRole('link', { name: '返回首页' }).click();
    await admin.waitForURL(`${product.url}/`);
    await admin.getByTestId('not-found').waitFor({ state: 'detached' });
    const phone = await signedInPage(browser, product.url, 'leader', { width: 390, height: 844 });
    await phone.goto(`${product.url}/no/such/page`);
    await phone.getByTestId('not-found').waitFor();
    await screenshot(phone, 'not-found-phone.png');
    await phone.context().close();
  });
});

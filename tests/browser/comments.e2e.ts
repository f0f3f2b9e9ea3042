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
  await page.getByTestId('metric-comments').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name) });
}

/** The comments shown, each as "who · when" and its text. */
const shown = (page: Page) =>
  page.getByTestId('comment').evaluateAll((items) =>
    items.map((li) => ({
      meta: li.querySelector('.comment-meta')?.textContent ?? '',
      text: li.querySelector('.comment-text')?.textContent ?? '',
    })),
  );

describe('a leader comments on a metric period and the reporting department replies (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let leader: Page;
  let clerk: Page;
  let metricPath = '';
  const question = '6 月复议案件办理率为何低于上月？请说明原因。';
  const answer = '6 月有 2 件复议案件因补正材料延期审结，已于 7 月 8 日全部办结。';

  beforeAll(async () => {
    // 10 July 2020: the latest ended month is June, so the metric page shows 2020-06 with or without the month in the address.
    [product, browser] = await Promise.all([startProduct({ FIXED_TODAY: '2020-07-10' }), launchChromium()]);
    leader = await signedInPage(browser, product.url, 'leader', { width: 1440, height: 900 });
    // T051-1 is reported by 区司法局 (sfj) alone.
    const metrics: Array<{ id: number; code: string }> = await (
      await leader.request.get(`${product.url}/api/metrics?planId=1`)
    ).json();
    metricPath = `/metrics/${metrics.find((m) => m.code === 'T051-1')!.id}?plan=1&period=2020-06`;
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('lets the leader comment on 2020-06 under the period’s status, with who and when', async () => {
    await leader.goto(`${product.url}${metricPath}`);
    const section = leader.locator('[data-testid=metric-comments][data-period="2020-06"]');
    await section.waitFor();
    // Under the status of the same period.
    await expect(
      leader.getByTestId('current-status').getByRole('heading', { level: 3 }).first().textContent(),
    ).resolves.toContain('2020-06');
    await expect(section.textContent()).resolves.toContain('本期尚无评论。');

    await leader.getByLabel('对 2020-06 的评论').fill(question);
    await leader.getByRole('button', { name: '发表评论' }).click();
    await leader.getByTestId('comment').first().waitFor();
    const [posted] = await shown(leader);
    expect(posted.text).toBe(question);
    expect(posted.meta).toMatch(/^领导 · leader\s+\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    // The form is emptied for the next comment.
    await expect(leader.getByLabel('对 2020-06 的评论').inputValue()).resolves.toBe('');
    const axe = await new AxeBuilder({ page: leader }).include('[data-testid=metric-comments]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );
  });

  it('shows it to a clerk of the reporting department on a phone, who replies; blank text is refused in words', async () => {
    clerk = await signedInPage(browser, product.url, 'sfj', { width: 390, height: 844 });
    // From what the department has to report (searched: the list comes a page at a time), the metric's name leads to its page as of the period.
    await clerk.getByRole('searchbox', { name: '搜索指标（名称或编号）' }).fill('T051-1');
    await clerk.getByRole('button', { name: '搜索' }).click();
    await clerk
      .locator('[data-testid=queue-item][data-metric="T051-1"][data-period="2020-06"]')
      .getByRole('link', { name: '行政执法全过程记录率' })
      .click();
    await clerk.waitForURL(/\/metrics\/\d+\?period=2020-06$/);
    await clerk.locator('[data-testid=metric-comments][data-period="2020-06"]').waitFor();
    await clerk.getByTestId('comment').first().waitFor();
    expect((await shown(clerk)).map((c) => c.text)).toEqual([question]);

    // Spaces pass the browser's "required"; the API refuses them and the page says why.
    await clerk.getByLabel('对 2020-06 的评论').fill('   ');
    await clerk.getByRole('button', { name: '发表评论' }).click();
    await expect(clerk.getByTestId('comment-error').textContent()).resolves.toContain('请填写评论内容');

    await clerk.getByLabel('对 2020-06 的评论').fill(answer);
    await clerk.getByRole('button', { name: '发表评论' }).click();
    await clerk.waitForFunction(() => document.querySelectorAll('[data-testid=comment]').length === 2);
    const both = await shown(clerk);
    expect(both.map((c) => c.text)).toEqual([question, answer]);
    expect(both[1].meta).toMatch(/^区司法局 · sfj\s+\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(await clerk.getByTestId('comment-error').count()).toBe(0);
    // The conversation fits the phone's width.
    const box = (await clerk.getByTestId('metric-comments').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(clerk, 'metric-comments-phone.png');
  });

  it('gives the leader the reply, and the admin the conversation without a form', async () => {
    await leader.reload();
    await leader.waitForFunction(() => document.querySelectorAll('[data-testid=comment]').length === 2);
    expect((await shown(leader)).map((c) => c.text)).toEqual([question, answer]);
    await screenshot(leader, 'metric-comments.png');

    const admin = await signedInPage(browser, product.url, 'admin', { width: 1440, height: 900 });
    await admin.goto(`${product.url}${metricPath}`);
    await admin.waitForFunction(() => document.querySelectorAll('[data-testid=comment]').length === 2);
    expect(await admin.getByRole('button', { name: '发表评论' }).count()).toBe(0);
  });
});

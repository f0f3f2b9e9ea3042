import type { QueueResponse } from '@taizhang/contracts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

const DESK = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const TABS = ['all', 'overdue', 'returned', 'due-week', 'submitted'] as const;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name) });
}

/**
 * The clerk's list of about 400 items, a page at a time: tabs with their counts (overdue first), a search by metric,
 * pages, and the URL carrying all three so that back and forward work.
 */
describe('the clerk filters, searches and pages the queue (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let clerk: Page;
  let all: QueueResponse;
  const api = async (query = ''): Promise<QueueResponse> =>
    (await clerk.request.get(`${product.url}/api/queue?planId=1${query}`)).json();
  const states = () =>
    clerk.getByTestId('queue-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-state')));
  const shown = () =>
    clerk
      .getByTestId('queue-item')
      .evaluateAll((items) => items.map((i) => `${i.getAttribute('data-metric')}@${i.getAttribute('data-period')}`));
  const tab = (name: string) =>
    clerk.getByRole('navigation', { name: '按状态筛选' }).getByRole('link', { name: new RegExp(`^${name} \\d+$`) });

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    clerk = await signedInPage(browser, product.url, 'sfj', DESK);
    all = await api();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('shows every tab with its count, and the first page of 20, overdue first', async () => {
    await clerk.getByTestId('queue-item').first().waitFor();
    expect(all.items.length).toBeGreaterThan(300);
    for (const f of TABS)
      await expect(clerk.getByTestId(`queue-tab-${f}`).getAttribute('data-count')).resolves.toBe(String(all.counts[f]));
    await expect(tab('全部').getAttribute('aria-current')).resolves.toBe('page');
    await expect(tab('逾期').textContent()).resolves.toBe(`逾期 ${all.counts.overdue}`);
    expect(await shown()).toEqual(all.items.slice(0, 20).map((i) => `${i.metricCode}@${i.period}`));
    expect((await states())[0]).toBe('overdue');
    await expect(clerk.getByTestId('queue-summary').textContent()).resolves.toBe(`共 ${all.total} 项，第 1–20 项`);
    // 400 cards are no longer one page: the page stays within a few screens.
    expect(await clerk.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);
  });

  it('filters to 逾期: only overdue items, the URL says so', async () => {
    await tab('逾期').click();
    await clerk.waitForURL(/\?state=overdue$/);
    // The address changes before the list re-renders: wait for the tab to be marked, not read it at once.
    await tab('逾期').and(clerk.locator('[aria-current="page"]')).waitFor();
    await clerk.locator('[data-testid=queue-item]:not([data-state=overdue])').first().waitFor({ state: 'detached' });
    const overdue = await states();
    expect(overdue.length).toBe(Math.min(20, all.counts.overdue));
    expect(new Set(overdue)).toEqual(new Set(['overdue']));
    await screenshot(clerk, 'desk-queue.png');
  });

  it('searches a metric by its name: its items only, and the counts of what was found', async () => {
    await tab('全部').click();
    await clerk
      .getByTestId('queue-summary')
      .filter({ hasText: `共 ${all.total} 项` })
      .waitFor();
    const metric = all.items.find((i) => i.state === 'submitted')!;
    const found = await api(`&q=${encodeURIComponent(metric.metricName)}`);
    await clerk.getByRole('searchbox', { name: '搜索指标（名称或编号）' }).fill(metric.metricName);
    await clerk.getByRole('button', { name: '搜索', exact: true }).click();
    await clerk.waitForURL((url) => url.searchParams.get('q') === metric.metricName);
    await clerk
      .getByTestId('queue-summary')
      .filter({ hasText: `“${metric.metricName}”：共 ${found.total} 项，第 1–${found.total} 项` })
      .waitFor();
    expect(await shown()).toEqual(found.items.map((i) => `${i.metricCode}@${i.period}`));
    expect(new Set(found.items.map((i) => i.metricCode))).toEqual(new Set([metric.metricCode]));
    for (const f of TABS)
      await expect(clerk.getByTestId(`queue-tab-${f}`).getAttribute('data-count')).resolves.toBe(
        String(found.counts[f]),
      );
  });

  it('clears the search and goes to the next page; back and forward walk the same views', async () => {
    await clerk.getByRole('button', { name: '清除' }).click();
    await clerk.waitForURL((url) => url.search === '');
    await clerk.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await clerk.waitForURL(/\?page=2$/);
    await clerk.getByTestId('queue-summary').filter({ hasText: '第 21–40 项' }).waitFor();
    await expect(clerk.getByRole('navigation', { name: '分页' }).textContent()).resolves.toContain(
      `第 2 / ${Math.ceil(all.total / 20)} 页`,
    );
    expect(await shown()).toEqual(all.items.slice(20, 40).map((i) => `${i.metricCode}@${i.period}`));
    await clerk.goBack();
    await clerk.waitForURL((url) => url.search === '');
    await clerk.getByTestId('queue-summary').filter({ hasText: '第 1–20 项' }).waitFor();
    await clerk.goBack();
    await clerk.waitForURL((url) => url.searchParams.has('q'));
    await clerk.getByTestId('queue-summary').filter({ hasText: '”：共' }).waitFor();
    // The search box follows the URL.
    await expect(clerk.getByRole('searchbox', { name: '搜索指标（名称或编号）' }).inputValue()).resolves.toBe(
      new URL(clerk.url()).searchParams.get('q'),
    );
    await clerk.goForward();
    await clerk.waitForURL((url) => url.search === '');
    await expect(clerk.getByRole('searchbox', { name: '搜索指标（名称或编号）' }).inputValue()).resolves.toBe('');
  });

  it('on a 390 px phone shows every tab and its count above the list, nothing wider than the screen', async () => {
    const phone = await signedInPage(browser, product.url, 'sfj', PHONE);
    await phone.goto(`${product.url}/?state=overdue`);
    await phone.getByTestId('queue-item').first().waitFor();
    const tabs = await phone.locator('.queue-tabs').boundingBox();
    const first = await phone.getByTestId('queue-item').first().boundingBox();
    // Two short rows at most, all five tabs inside the screen.
    expect(tabs!.height).toBeLessThan(90);
    expect(tabs!.y).toBeLessThan(first!.y);
    for (const f of TABS) {
      const box = (await phone.getByTestId(`queue-tab-${f}`).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await screenshot(phone, 'desk-queue-phone.png');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context().close();
  });
});

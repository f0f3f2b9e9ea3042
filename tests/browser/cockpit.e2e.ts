import type { DashboardSummaryResponse, DepartmentComparisonResponse } from '@taizhang/contracts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

/** The leader's cockpit: the headline and what is red by 责任单位 in the first screen, on a desk screen and a phone. */

const DESK = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const MONTH = '2020-06';

async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name) });
}

/** The element's box on the page as first shown (scrolled to the top). */
const box = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
    });

describe('the leader’s cockpit (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let summary: DashboardSummaryResponse;

  beforeAll(async () => {
    // Today 2021-02-01: the whole 2020 plan has been judged, and the figures still missing are overdue.
    [product, browser] = await Promise.all([startProduct({ FIXED_TODAY: '2021-02-01' }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('holds the headline and the whole red-by-unit list in the first 1440×900 screen, worst unit first', async () => {
    const page = await signedInPage(browser, product.url, 'leader', DESK);
    await page.goto(`${product.url}/?period=${MONTH}`);
    await page.getByTestId('red-unit').first().waitFor();
    summary = await (await page.request.get(`${product.url}/api/dashboard/summary?planId=1&period=${MONTH}`)).json();
    expect(summary.redByDepartment.length).toBeGreaterThan(3);

    const headline = await box(page, 'count-red');
    const list = await box(page, 'red-by-department');
    expect(headline.bottom).toBeLessThan(list.top);
    expect(list.bottom).toBeLessThanOrEqual(DESK.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESK.width);

    // The units as the API groups them, worst first, each with its count and its red metrics' links.
    const units = page.getByTestId('red-unit');
    expect(await units.count()).toBe(summary.redByDepartment.length);
    for (const [i, group] of summary.redByDepartment.entries()) {
      const unit = units.nth(i);
      await expect(unit.locator('.red-unit-head a, .red-unit-head > span').first().textContent()).resolves.toBe(
        group.department?.name ?? '未指定报送单位',
      );
      await expect(unit.getByTestId('red-unit-count').textContent()).resolves.toBe(`${group.items.length} 项未达标`);
      const shown = await unit
        .getByTestId('red-unit-item')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-metric-id'))));
      expect(shown).toEqual(group.items.slice(0, 4).map((item) => item.metricId));
    }
    const counts = summary.redByDepartment.map((g) => g.items.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await screenshot(page, 'cockpit.png');
    await page.context().close();
  });

  it('says when each red figure was due and how many days a missing one has waited', async () => {
    const page = await signedInPage(browser, product.url, 'leader', DESK);
    await page.goto(`${product.url}/?period=${MONTH}`);
    await page.getByTestId('red-unit').first().waitFor();
    const overdue = summary.redByDepartment.flatMap((g) => g.items.slice(0, 4)).filter((i) => i.daysOverdue !== null);
    expect(overdue.length).toBeGreaterThan(0);
    for (const item of overdue) {
      const shown = page
        .locator(`[data-testid=red-unit-item][data-metric-id="${item.metricId}"] [data-testid=days-overdue]`)
        .first();
      await expect(shown.textContent()).resolves.toBe(`逾期 ${item.daysOverdue} 天`);
      await expect(shown.getAttribute('title')).resolves.toBe(`应报 ${item.dueDate}`);
    }
    const onTime = summary.redByDepartment
      .flatMap((g) => g.items.slice(0, 4))
      .find((i) => i.daysOverdue === null && i.dueDate)!;
    await expect(
      page
        .locator(`[data-testid=red-unit-item][data-metric-id="${onTime.metricId}"] [data-testid=due-date]`)
        .first()
        .textContent(),
    ).resolves.toBe(`应报 ${onTime.dueDate}`);
    // A red metric drills to its page with the month kept.
    await page.locator(`[data-testid=red-unit-item][data-metric-id="${overdue[0].metricId}"] a`).first().click();
    await page.getByTestId('metric-page').waitFor();
    expect(new URL(page.url()).searchParams.get('period')).toBe(MONTH);
    await page.context().close();
  });

  it('reads first on a phone: the headline, then the red units, then the indicators, without sideways scrolling', async () => {
    const phone = await signedInPage(browser, product.url, 'leader', PHONE);
    await phone.goto(`${product.url}/?period=${MONTH}`);
    await phone.getByTestId('red-unit').first().waitFor();
    const [headline, units, tiles] = [
      await box(phone, 'count-red'),
      await box(phone, 'red-unit'),
      await box(phone, 'indicator-tile'),
    ];
    expect(headline.bottom).toBeLessThan(units.top);
    expect(units.top).toBeLessThan(PHONE.height);
    expect(units.bottom).toBeLessThan(tiles.top);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'cockpit-phone.png');
    await phone.context().close();
  });

  it('ranks the departments worst first by default, with red, amber (预警) and green counts', async () => {
    const page = await signedInPage(browser, product.url, 'leader', DESK);
    await page.goto(`${product.url}/?period=${MONTH}`);
    await page.getByTestId('ranking-row').first().waitFor();
    const comparison: DepartmentComparisonResponse = await (
      await page.request.get(`${product.url}/api/dashboard/departments?planId=1&period=${MONTH}`)
    ).json();
    const headings = await page.locator('[data-testid=department-ranking] thead th').allTextContents();
    expect(headings.map((h) => h.replace(/[▲▼↕]/g, ''))).toEqual([
      '排名',
      '单位',
      '指标数',
      '未达标',
      '预警',
      '达标',
      '达标率',
      '按时报送率',
    ]);
    await expect(
      page
        .locator('[data-testid=department-ranking] button[data-sort=red]')
        .locator('xpath=..')
        .getAttribute('aria-sort'),
    ).resolves.toBe('descending');
    const ids = await page
      .getByTestId('ranking-row')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-department-id'))));
    const shown = ids.map((id) => comparison.departments.find((d) => d.id === id)!.counts);
    for (let i = 1; i < shown.length; i++) {
      const [a, b] = [shown[i - 1], shown[i]];
      expect(a.red > b.red || (a.red === b.red && a.amber >= b.amber)).toBe(true);
    }
    const first = page.getByTestId('ranking-row').first().locator('td');
    await expect(first.nth(2).textContent()).resolves.toBe(String(shown[0].red));
    await expect(first.nth(3).textContent()).resolves.toBe(String(shown[0].amber));
    await expect(first.nth(4).textContent()).resolves.toBe(String(shown[0].green));
    await page.context().close();
  });

  it('names every failing department of a 需关注 item with its own figure and 督办单 (T076-1: two units red in December)', async () => {
    const page = await signedInPage(browser, product.url, 'leader', DESK);
    await page.goto(`${product.url}/attention?period=2020-12`);
    const december: DashboardSummaryResponse = await (
      await page.request.get(`${product.url}/api/dashboard/summary?planId=1&period=2020-12`)
    ).json();
    const item = december.attention.find((a) => a.code === 'T076-1')!;
    expect(item.failingDepartments.length).toBeGreaterThanOrEqual(2);
    const rows = page.locator(
      `[data-testid=attention-item][data-metric-id="${item.metricId}"] [data-testid=failing-department]`,
    );
    await rows.first().waitFor();
    expect(await rows.count()).toBe(item.failingDepartments.length);
    for (const [i, d] of item.failingDepartments.entries()) {
      const row = rows.nth(i);
      await expect(row.getAttribute('data-status')).resolves.toBe(d.status);
      await expect(row.getByRole('link', { name: d.name }).count()).resolves.toBe(1);
      await expect(row.locator('.failing-reason').textContent()).resolves.toBe(d.reasonZh);
      // Both units' December figures carry a 督办单 (issued in February), linked from the row.
      expect(d.notice).not.toBeNull();
      await expect(row.locator('.failing-notice').getAttribute('href')).resolves.toMatch(
        new RegExp(`^/notices/${d.notice!.id}\\?`),
      );
    }
    await screenshot(page, 'attention.png');
    await page.context().close();
  });

  it('keeps 需关注 in full and the whole plan tree a link away, with the month carried', async () => {
    const page = await signedInPage(browser, product.url, 'leader', DESK);
    await page.goto(`${product.url}/?period=${MONTH}`);
    await expect(page.getByTestId('attention-link').textContent()).resolves.toBe(
      `需关注全部 ${summary.attention.length} 项 →`,
    );
    await page.getByTestId('attention-link').click();
    await page.getByTestId('attention-item').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/attention');
    expect(new URL(page.url()).searchParams.get('period')).toBe(MONTH);
    expect(await page.getByTestId('attention-item').count()).toBe(summary.attention.length);
    await page.goto(`${product.url}/?period=${MONTH}`);
    await page.getByTestId('tree-link').click();
    await page.getByTestId('first-level').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/tree');
    await expect(page.getByLabel('统计月份').inputValue()).resolves.toBe(MONTH);
    await page.context().close();
  });
});

import type { DashboardSummaryResponse, MetricResponse } from '@taizhang/contracts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

const MONTH = '2020-06';

/** SCREENSHOTS_DIR=docs/screenshots refreshes the pictures in the docs. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name), fullPage: false });
}

/** Where the year will end: a green metric forecast to miss is on 需关注 with its reason; its page says it in words and draws it dashed. */
describe('the year-end forecast in Chromium', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let summary: DashboardSummaryResponse;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    page = await signedInPage(browser, product.url, 'leader', { width: 1440, height: 900 });
    summary = await (await page.request.get(`${product.url}/api/dashboard/summary?planId=1&period=${MONTH}`)).json();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('lists a metric that is green in 2020-06 but forecast to miss the year on 需关注, with the forecast’s reason', async () => {
    const green = summary.attention.filter((a) => a.status === 'green');
    expect(green.length).toBeGreaterThan(0);
    await page.goto(`${product.url}/attention?period=${MONTH}`);
    const item = page.locator(`[data-testid=attention-item][data-metric-id="${green[0].metricId}"]`);
    await item.waitFor();
    const line = item.getByTestId('attention-forecast');
    await expect(line.textContent()).resolves.toContain(green[0].forecast!.reasonZh);
    await expect(line.locator('.badge').textContent()).resolves.toMatch(/预计未达标|已无法达标/);
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'attention-forecast.png');
  });

  it('says where the year will end on the metric page, in words, and draws the projection dashed to year-end', async () => {
    const id = summary.attention.find((a) => a.status === 'green')!.metricId;
    const metric: MetricResponse = await (
      await page.request.get(`${product.url}/api/metrics/${id}?period=${MONTH}`)
    ).json();
    await page.goto(`${product.url}/metrics/${id}?period=${MONTH}`);
    const forecast = page.getByTestId('metric-forecast');
    await forecast.waitFor();
    expect(await forecast.getAttribute('data-status')).toBe(metric.forecast!.status);
    await expect(forecast.getByTestId('forecast-reason').textContent()).resolves.toBe(metric.forecast!.reasonZh);
    await expect(forecast.locator('h3').textContent()).resolves.toBe('年末预测（至 2020-12）');
    await expect(forecast.textContent()).resolves.toContain('推算方法：近三期平均');
    const chart = page.locator('figure.chart[data-datasets]');
    await chart.waitFor();
    expect((await chart.getAttribute('data-datasets'))!.split(' ')).toContain('projection');
    // The chart's table has the projection as a column, from the month shown to December.
    await expect(chart.locator('th').allTextContents()).resolves.toContain('年末预测');
    await forecast.scrollIntoViewIfNeeded();
    await screenshot(page, 'metric-forecast.png');
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'metric-forecast-chart.png');

    await page.getByRole('button', { name: '切换到英文界面' }).click();
    await expect(forecast.getByTestId('forecast-reason').textContent()).resolves.toBe(metric.forecast!.reasonEn);
    await expect(forecast.locator('.badge').textContent()).resolves.toMatch(/Projected to miss|Cannot be met/);
    await page.getByRole('button', { name: 'Switch to the Chinese interface' }).click();
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const id = summary.attention.find((a) => a.status === 'green')!.metricId;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${product.url}/metrics/${id}?period=${MONTH}`);
    await page.getByTestId('metric-forecast').waitFor();
    await page.getByTestId('metric-forecast').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'metric-forecast-phone.png');
  });
});

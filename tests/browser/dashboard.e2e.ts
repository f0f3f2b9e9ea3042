import { AxeBuilder } from '@axe-core/playwright';
import type { DashboardSummaryResponse, DepartmentComparisonResponse } from '@taizhang/contracts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

const percent = (v: number | null) =>
  v === null ? '—' : new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(v / 100);
const STATUS_ZH = { red: '未达标', amber: '预警', green: '达标', grey: '无数据' } as const;
const countsLine = (c: { red: number; amber: number; green: number; grey: number }) =>
  `未达标 ${c.red} · 预警 ${c.amber} · 达标 ${c.green} · 无数据 ${c.grey}`;

async function screenshot(page: Page, name: string): Promise<void> {
  // SCREENSHOTS_DIR=docs/screenshots refreshes the pictures in the docs.
  if (!process.env.SCREENSHOTS_DIR) return;
  mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name) });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the leadership dashboard in Chromium', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let summary: DashboardSummaryResponse;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    page = await signedInPage(browser, product.url, 'leader');
    await page.getByTestId('indicator-tile').first().waitFor();
    summary = await (await page.request.get(`${product.url}/api/dashboard/summary?planId=1`)).json();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('shows the headline figures and the changes since last month as GET /api/dashboard/summary gives them', async () => {
    expect(summary.previous).not.toBeNull();
    for (const status of ['red', 'amber', 'green', 'grey'] as const) {
      await expect(page.getByTestId(`count-${status}`).locator('.status-card-count').textContent()).resolves.toBe(
        String(summary.counts[status]),
      );
      const delta = summary.counts[status] - summary.previous!.counts[status];
      const signed = delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${Math.abs(delta)}`;
      await expect(page.getByTestId(`change-${status}`).textContent()).resolves.toBe(`${STATUS_ZH[status]} ${signed}`);
    }
    await expect(page.getByTestId('share-green').locator('.rate-value').textContent()).resolves.toBe(
      percent(summary.shareGreen),
    );
    await expect(page.getByTestId('on-time-rate').locator('.rate-value').textContent()).resolves.toBe(
      percent(summary.onTimeRate),
    );
    await expect(page.getByTestId('share-green').locator('.rate-change').textContent()).resolves.toMatch(/个百分点/);
    await expect(page.getByTestId('evaluated-at').textContent()).resolves.toMatch(/评估时间 \d{4}年/);
  });

  it('shows the nine first-level tiles with their worst status and counts per status', async () => {
    const tiles = page.getByTestId('indicator-tile');
    expect(await tiles.count()).toBe(9);
    for (const [i, indicator] of summary.indicators.entries()) {
      await expect(tiles.nth(i).getAttribute('data-status')).resolves.toBe(indicator.status);
      await expect(tiles.nth(i).locator('.tile-status').textContent()).resolves.toContain(countsLine(indicator.counts));
      expect(await tiles.nth(i).locator('.tile-children li').count()).toBe(indicator.children.length);
    }
  });

  it('lists every red metric, then every amber one, under 需关注 (a link from the cockpit)', async () => {
    await page.getByTestId('attention-link').click();
    await page.waitForURL(/\/attention$/);
    const items = page.getByTestId('attention-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(summary.attention.length);
    const statuses = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(summary.attention.map((a) => a.status));
    expect(statuses.lastIndexOf('red')).toBeLessThan(statuses.indexOf('amber'));
    await expect(page.getByTestId('attention-reason').first().textContent()).resolves.toBe(
      summary.attention[0].reasonZh,
    );
  });

  it('sorts the departments by a column chosen with the keyboard', async () => {
    await page.goto(product.url);
    await page.getByTestId('ranking-row').first().waitFor();
    const comparison: DepartmentComparisonResponse = await (
      await page.request.get(`${product.url}/api/dashboard/departments?planId=1`)
    ).json();
    const rows = page.getByTestId('ranking-row');
    expect(await rows.count()).toBe(comparison.departments.length);
    const button = page.locator('[data-testid=department-ranking] button[data-sort=red]');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button.locator('xpath=..').getAttribute('aria-sort')).resolves.toBe('ascending');
    await page.keyboard.press('Enter');
    await expect(button.locator('xpath=..').getAttribute('aria-sort')).resolves.toBe('descending');
    const ids = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-department-id'))));
    const reds = ids.map((id) => comparison.departments.find((d) => d.id === id)!.counts.red);
    expect(reds).toEqual([...reds].sort((a, b) => b - a));
  });

  it('drills from 需关注 to a red metric: its reason, and a chart with the target line and amber band', async () => {
    const red = summary.attention.find((a) => a.status === 'red')!;
    await page.goto(`${product.url}/attention`);
    await page.locator(`[data-testid=attention-item][data-metric-id="${red.metricId}"] a.metric-name`).click();
    await page.waitForURL(new RegExp(`/metrics/${red.metricId}$`));
    const chart = page.getByRole('img', { name: /逐期数值折线图/ });
    await chart.waitFor();
    await expect(chart.evaluate((el) => el.tagName)).resolves.toBe('CANVAS');
    const datasets = (await page.locator('figure.chart').getAttribute('data-datasets'))!.split(' ');
    expect(datasets).toEqual(expect.arrayContaining(['target', 'overall']));
    expect(datasets.some((d) => d.startsWith('band'))).toBe(true);
    const metric = await (await page.request.get(`${product.url}/api/metrics/${red.metricId}`)).json();
    await expect(page.getByTestId('metric-reason').textContent()).resolves.toBe(metric.current.reasonZh);
    expect(metric.current.reasonZh).toBe(red.reasonZh);
    await page.getByTestId('submissions').waitFor();
    await screenshot(page, 'metric.png');
    // The text alternative carries the same target the chart draws.
    await page.getByText('以表格查看图表数据').click();
    await expect(page.locator('.chart-data thead').textContent()).resolves.toContain('目标值');
    await expect(page.getByRole('navigation', { name: '位置' }).textContent()).resolves.toContain(red.firstLevel.title);
    await page.getByTestId('status-history').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('drills from a tile to its second-level indicator, a task and one of its metrics', async () => {
    await page.goto(product.url);
    const tile = page.locator('[data-testid=indicator-tile][data-status=red]').first();
    await tile.locator('.tile-title a').click();
    await page.waitForURL(/\/indicators\/\d+$/);
    await page
      .locator('[data-testid=second-level-row]', { has: page.locator('.badge-red') })
      .first()
      .getByRole('link')
      .click();
    await page.waitForURL(/\/indicators\/\d+\/\d+$/);
    const metric = page.locator('[data-testid=task] [data-testid=metric].metric-red').first();
    await metric.getByRole('link').click();
    await page.waitForURL(/\/metrics\/\d+$/);
    await page.getByRole('img', { name: /逐期数值折线图/ }).waitFor();
    await expect(
      page.getByTestId('current-status').locator('.badge').first().getAttribute('data-status'),
    ).resolves.toBe('red');
  });

  it('shows a department its metrics and statuses above what is due', async () => {
    const comparison: DepartmentComparisonResponse = await (
      await page.request.get(`${product.url}/api/dashboard/departments?planId=1`)
    ).json();
    const department = comparison.departments.find((d) => d.counts.red > 0)!;
    await page.goto(`${product.url}/departments/${department.id}`);
    await page.getByTestId('department-metrics').waitFor();
    await page.getByTestId('queue-item').first().waitFor();
    expect(await page.locator('[data-testid=department-metric][data-status=red]').count()).toBe(department.counts.red);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious or critical accessibility violation on the overview, and fits a tablet', async () => {
    await page.goto(product.url);
    await page.getByTestId('indicator-tile').first().waitFor();
    await page.getByRole('img', { name: /逐月达标情况/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 768, height: 1024 });
    for (const url of [product.url, `${product.url}/metrics/${summary.attention[0].metricId}`]) {
      await page.goto(url);
      await page.locator('figure.chart canvas').waitFor();
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).resolves.toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('switches the headings to English and back', async () => {
    await page.goto(product.url);
    const heading = page.locator('#red-by-unit-title');
    await expect(heading.textContent()).resolves.toBe('未达标，按责任单位');
    await page.getByRole('button', { name: '切换到英文界面' }).click();
    await expect(heading.textContent()).resolves.toBe('Missed, by responsible department');
    await expect(page.locator('#ranking-title').textContent()).resolves.toBe('Departments compared');
    await expect(page.getByTestId('attention-link').textContent()).resolves.toMatch(/^All \d+ that need attention →$/);
    await page.getByRole('button', { name: 'Switch to the Chinese interface' }).click();
    await expect(heading.textContent()).resolves.toBe('未达标，按责任单位');
  });
});

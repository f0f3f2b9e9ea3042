import type { DashboardSummaryResponse } from '@taizhang/contracts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

const FIRST_LEVEL_TITLES = [
  '依法全面履行政府职能',
  '完善依法行政制度建设',
  '重大行政决策科学民主合法',
  '坚持严格规范公正文明执法',
  '强化行政权力的制约监督',
  '依法有效化解社会矛盾纠纷',
  '政府工作人员法治思维和依法行政能力全面提高',
  '法治政府建设组织领导落实到位',
  '加强法治宣传教育',
];

describe('the overview page in Chromium', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    page = await signedInPage(browser, product.url, 'leader');
    await page.getByTestId('indicator-tile').first().waitFor();
    // The whole plan tree is a page of its own, a link away from the cockpit.
    await page.getByTestId('tree-link').click();
    await page.getByTestId('first-level').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('shows the nine first-level indicator titles of the 2020 plan, in Chinese', async () => {
    const titles = await page.locator('[data-testid=first-level] > details > summary .tree-title').allTextContents();
    expect(titles).toEqual(FIRST_LEVEL_TITLES.map((t, i) => `${i + 1}. ${t}`));
    await expect(page.locator('h1').textContent()).resolves.toContain('台账');
  });

  it('says plainly that it shows demo data', async () => {
    await expect(page.getByRole('note').textContent()).resolves.toContain('演示数据');
  });

  it('shows the same counts by status as GET /api/dashboard/summary', async () => {
    await page.goto(product.url);
    const summary: DashboardSummaryResponse = await (
      await page.request.get(`${product.url}/api/dashboard/summary?planId=1`)
    ).json();
    for (const status of ['red', 'amber', 'green', 'grey'] as const) {
      await expect(page.getByTestId(`count-${status}`).locator('.status-card-count').textContent()).resolves.toBe(
        String(summary.counts[status]),
      );
    }
  });

  it('labels every status with a word and an icon, not colour alone', async () => {
    await page.goto(`${product.url}/tree`);
    await page.getByTestId('first-level').first().waitFor();
    const badges = page.locator('[data-testid=metric] .badge');
    expect(await badges.count()).toBeGreaterThan(40);
    const words = new Set(await badges.allTextContents());
    for (const w of words) expect(w).toMatch(/^[✕!✓–](未达标|预警|达标|无数据)$/);
  });

  it('says 无量化指标, not 无数据, for an indicator with no metric beneath it', async () => {
    const summary = page.locator('.tree-second > details > summary', { hasText: '优化政府组织结构' });
    await expect(summary.textContent()).resolves.toBe('–无量化指标3. 优化政府组织结构');
    // One with metrics keeps its status word and counts.
    await expect(
      page.locator('.tree-second > details > summary', { hasText: '强化节能和生态环境保护' }).textContent(),
    ).resolves.toMatch(
      /^[✕!✓](未达标|预警|达标)7\. 强化节能和生态环境保护未达标 \d+ · 预警 \d+ · 达标 \d+ · 无数据 \d+$/,
    );
    // The cockpit's indicator tiles say the same.
    await page.goto(product.url);
    const tile = page.getByTestId('indicator-tile').locator('li', { hasText: '优化政府组织结构' });
    await expect(tile.textContent()).resolves.toBe('–无量化指标 3. 优化政府组织结构');
  });

  it('switches to English and back, saying in English that the plan’s own names have no English name', async () => {
    expect(await page.getByTestId('names-note').count()).toBe(0);
    await page.getByRole('button', { name: '切换到英文界面' }).click();
    await expect(page.getByTestId('count-green').textContent()).resolves.toContain('On target');
    await expect(page.getByTestId('names-note').textContent()).resolves.toBe(
      'Plan, indicator and department names have no English name yet and are shown in Chinese',
    );
    await page.getByRole('button', { name: 'Switch to the Chinese interface' }).click();
    await expect(page.getByTestId('count-green').textContent()).resolves.toContain('达标');
    expect(await page.getByTestId('names-note').count()).toBe(0);
  });

  it('changes month with the selector and keeps it in the address', async () => {
    await page.getByLabel('统计月份').selectOption('2020-03');
    await page.waitForURL(/period=2020-03/);
    const summary: DashboardSummaryResponse = await (
      await page.request.get(`${product.url}/api/dashboard/summary?planId=1&period=2020-03`)
    ).json();
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=count-red] .status-card-count')?.textContent === n,
      String(summary.counts.red),
    );
  });

  it('prints the overview on one A4 page', async () => {
    await page.goto(product.url);
    await page.getByTestId('indicator-tile').first().waitFor();
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    // Each page object of the PDF is "/Type /Page" (the page tree is "/Type /Pages").
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
  });

  it('fits a tablet screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(product.url);
    await page.getByTestId('indicator-tile').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // SCREENSHOTS_DIR=docs/screenshots refreshes the pictures in the docs.
    if (process.env.SCREENSHOTS_DIR) {
      mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, 'overview.png') });
      await page.getByRole('button', { name: '切换到英文界面' }).click();
      await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, 'overview-en.png') });
    }
  });
});

import type { MetricResponse } from '@taizhang/contracts';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

/** A small ledger of the 民生实事 shape: numbered items, no department the reader attaches, one area it does not read. */
const LEDGER_TEXT = [
  '2025年某区民生实事项目',
  '一、教育惠民',
  '01 新建幼儿园3所,新增学位1080个。',
  '二、居住改善',
  '02 完成老旧小区综合改造提升15万平方米,加装电梯40台。',
].join('\n');
const MISSED = '完成老旧小区综合改造提升15万平方米';
const CODE = 'minsheng-2025-review';
const TITLE = '某区2025年民生实事项目';

/** SCREENSHOTS_DIR=docs/screenshots refreshes the pictures in the docs. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name), fullPage: false });
}

describe('an admin imports a ledger, adds a target the reader missed from the source text, confirms and sees statuses at once (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let planId: number;
  const ledger = path.join(os.tmpdir(), `minsheng-${process.pid}.txt`);

  beforeAll(async () => {
    writeFileSync(ledger, LEDGER_TEXT);
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    page = await signedInPage(browser, product.url, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const confirmButton = () => page.getByRole('button', { name: '确认创建计划' });
  const problems = () => page.getByTestId('import-problems').locator('li');
  /** Ticks a reporting department in a target's fields. */
  const report = async (code: string, department: string) => {
    await page.getByRole('button', { name: `修改目标 ${code}` }).click();
    await page.locator(`[data-testid=import-target][data-code="${code}"]`).getByLabel(department).check();
    await page.getByRole('button', { name: `完成修改目标 ${code}` }).click();
  };

  it('reads the ledger and says in Chinese what blocks it, the confirm button disabled', async () => {
    await page.goto(`${product.url}/admin/import`);
    await page.getByLabel('台账文件（.txt、.docx、.xlsx）').setInputFiles(ledger);
    await page.getByLabel('计划代码', { exact: true }).fill(CODE);
    await page.getByLabel('计划名称', { exact: true }).fill(TITLE);
    await page.getByLabel('年度', { exact: true }).fill('2025');
    await page.getByLabel('地区', { exact: true }).fill('某区');
    await page.getByRole('button', { name: '读取并预览' }).click();
    await page.getByTestId('source-text').waitFor();
    await expect(page.getByTestId('import-summary').textContent()).resolves.toContain(
      '一级指标 2 项 · 二级指标 2 项 · 任务 2 项 · 量化目标 3 项',
    );
    await expect(problems().allTextContents()).resolves.toEqual([
      '二级指标 1「教育惠民」没有牵头单位：请为其下指标 T001-1、T001-2 指定填报部门',
      '二级指标 2「居住改善」没有牵头单位：请为其下指标 T002-1 指定填报部门',
    ]);
    await expect(confirmButton().isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-testid=import-target] .metric-name').allTextContents()).resolves.toEqual([
      '新建幼儿园',
      '新增学位',
      '加装电梯',
    ]);
  });

  it('adds the missed target by selecting its words in the source text: a form prefilled from them, then every term set', async () => {
    await page.evaluate((words) => {
      const root = document.querySelector('[data-testid=source-text]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(words);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`words not in the source text: ${words}`);
    }, MISSED);
    const form = page.getByTestId('import-add');
    await form.waitFor();
    await expect(form.locator('.import-selected').textContent()).resolves.toBe(MISSED);
    await expect(form.getByText('加入任务 2，代码 T002-2').count()).resolves.toBe(1);
    await expect(form.getByLabel('名称').inputValue()).resolves.toBe('完成老旧小区综合改造提升');
    await expect(form.getByRole('button', { name: '添加为目标' }).isDisabled()).resolves.toBe(true);
    await form.getByLabel('名称').fill('老旧小区综合改造提升面积（平方米）');
    await form.getByLabel('类型').selectOption('value');
    await form.getByLabel('比较').selectOption('gte');
    await form.getByLabel('目标值').fill('150000');
    await form.getByLabel('单位').selectOption('count');
    await form.getByLabel('考核周期').selectOption('year');
    await form.getByLabel('区政务服务办').check();
    await page.setViewportSize({ width: 1440, height: 900 });
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-import-add-target.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-import-add-target-390.png');
    await page.setViewportSize({ width: 1440, height: 900 });
    await form.getByRole('button', { name: '添加为目标' }).click();
    const item = page.locator('[data-testid=import-target][data-code="T002-2"]');
    await item.waitFor();
    await expect(item.getByText('手动添加').count()).resolves.toBe(1);
    await expect(item.getByTestId('target-reporters').textContent()).resolves.toBe('填报部门：区政务服务办');
    await expect(page.locator('[data-testid=source-text] mark[data-codes="T002-2"]').textContent()).resolves.toBe(
      MISSED,
    );
    await expect(page.getByTestId('import-summary').textContent()).resolves.toContain('量化目标 4 项（保留 4 项）');
  });

  it('names who reports each target read; the problems go and the confirm button is enabled', async () => {
    await report('T001-1', '区政府办');
    await expect(problems().allTextContents()).resolves.toEqual([
      '二级指标 1「教育惠民」没有牵头单位：请为其下指标 T001-2 指定填报部门',
      '二级指标 2「居住改善」没有牵头单位：请为其下指标 T002-1 指定填报部门',
    ]);
    await report('T001-2', '区政府办');
    await report('T002-1', '区政务服务办');
    await expect(page.getByTestId('import-problems').count()).resolves.toBe(0);
    await expect(confirmButton().isEnabled()).resolves.toBe(true);
    await page.getByRole('button', { name: '修改目标 T002-1' }).click();
    await page.locator('[data-testid=import-target][data-code="T002-1"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-import-review.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-testid=import-target][data-code="T002-1"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-import-review-390.png');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: '完成修改目标 T002-1' }).click();
  });

  it('confirms: the plan holds the added target, and its overview shows statuses at once', async () => {
    await confirmButton().click();
    await page.getByText(`已创建计划“${TITLE}”。`).waitFor();
    const href = await page.getByRole('link', { name: '查看该计划的总览' }).getAttribute('href');
    planId = Number(new URL(href!, product.url).searchParams.get('plan'));
    const metrics: MetricResponse[] = await (
      await page.request.get(`${product.url}/api/metrics?planId=${planId}`)
    ).json();
    expect(metrics.map((m) => m.code).sort()).toEqual(['T001-1', 'T001-2', 'T002-1', 'T002-2']);
    expect(metrics.find((m) => m.code === 'T002-2')).toMatchObject({
      name: '老旧小区综合改造提升面积（平方米）',
      target: 150000,
      comparator: 'gte',
      source: MISSED,
    });
    await page.getByRole('link', { name: '查看该计划的总览' }).click();
    await page.getByTestId('indicator-tile').first().waitFor();
    // 2025 is over and nothing was reported: judged at once, red, not 暂无数据 until the next cycle.
    await expect(
      page.getByTestId('indicator-tile').evaluateAll((ts) => ts.map((t) => (t as HTMLElement).dataset.status)),
    ).resolves.toEqual(['red', 'red']);
    await screenshot(page, 'plan-import-overview.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'plan-import-overview-390.png');
  });
});

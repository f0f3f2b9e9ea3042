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

describe('an admin edits a target in the plan editor, retires a metric and starts next year from the plan (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct({ FIXED_TODAY: '2020-07-15' }), launchChromium()]);
    page = await signedInPage(browser, product.url, 'admin', { width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const metric = (code: string) => page.locator(`[data-testid=editor-metric][data-code="${code}"]`);

  it('opens the editor from the admin page, in Chinese, with the whole plan', async () => {
    await page.goto(`${product.url}/admin`);
    await page.getByRole('link', { name: '编辑计划：指标、任务、单位与量化指标' }).click();
    await page.getByRole('heading', { name: '编辑计划：红桥区2020年法治政府建设年度计划' }).waitFor();
    await expect(page.getByTestId('editor-summary').textContent()).resolves.toBe(
      '一级指标 9 项 · 二级指标 33 项 · 任务 94 项 · 量化指标 50 项（已停用 0 项）',
    );
    await expect(metric('T007-1').getByTestId('editor-target').textContent()).resolves.toContain('80');
  });

  it("edits a metric's target: saved at once, the metric judged against the new target", async () => {
    await page.getByRole('button', { name: '修改指标 T007-1' }).click();
    const form = page.getByRole('form', { name: '修改指标 T007-1' });
    await form.getByLabel('目标值').fill('85');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    await expect(metric('T007-1').getByTestId('editor-target').textContent()).resolves.toContain('85');
    const id = Number((await metric('T007-1').getByRole('link').getAttribute('href'))!.split('/').pop());
    const current = await page.evaluate(
      async (metricId) => (await (await fetch(`/api/metrics/${metricId}`)).json()).current,
      id,
    );
    expect(current.target).toBe(85);
  });

  it('retires a metric with figures (delete is not offered): it leaves the plan tree, its row stays marked', async () => {
    await expect(metric('T004-1').getByRole('button', { name: '删除指标 T004-1' }).count()).resolves.toBe(0);
    await expect(metric('T004-1').textContent()).resolves.toContain('只能停用');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '停用指标 T004-1' }).click();
    await metric('T004-1').locator('.tag-retired').waitFor();
    await expect(page.getByTestId('editor-summary').textContent()).resolves.toBe(
      '一级指标 9 项 · 二级指标 33 项 · 任务 94 项 · 量化指标 50 项（已停用 1 项）',
    );
    await expect(page.getByRole('button', { name: '停用指标 T004-1' }).count()).resolves.toBe(0);
    const inTree = await page.evaluate(async () =>
      JSON.stringify(await (await fetch('/api/plans/1')).json()).includes('"code":"T004-1"'),
    );
    expect(inTree).toBe(false);
    await metric('T007-1').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-editor.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await metric('T004-1').scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-editor-390.png');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('starts next year from the plan: the 2021 copy keeps the new target and leaves the retired metric behind, judged at once', async () => {
    const panel = page.getByRole('form', { name: '以此计划开始下一年' });
    await expect(panel.getByLabel('新计划代码').inputValue()).resolves.toBe('hongqiao-2021');
    await expect(panel.getByLabel('新计划名称').inputValue()).resolves.toBe('红桥区2021年法治政府建设年度计划');
    await panel.getByRole('button', { name: '开始 2021 年计划' }).click();
    const done = page.getByTestId('next-year-done');
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain(
      '已创建“红桥区2021年法治政府建设年度计划”（hongqiao-2021），含 49 项量化指标。',
    );
    await screenshot(page, 'plan-editor-next-year.png');
    await done.getByRole('link', { name: '编辑新计划' }).click();
    await page.getByRole('heading', { name: '编辑计划：红桥区2021年法治政府建设年度计划' }).waitFor();
    await expect(page.getByTestId('editor-summary').textContent()).resolves.toBe(
      '一级指标 9 项 · 二级指标 33 项 · 任务 94 项 · 量化指标 49 项（已停用 0 项）',
    );
    await expect(metric('T007-1').getByTestId('editor-target').textContent()).resolves.toContain('85');
    await expect(metric('T004-1').count()).resolves.toBe(0);
    // No figures came along: every metric of the copy may still be deleted.
    await expect(page.getByRole('button', { name: '删除指标 T007-1' }).isEnabled()).resolves.toBe(true);
    const planId = Number(page.url().split('/').pop());
    const tree = await page.evaluate(
      async (id) =>
        (await (await fetch(`/api/plans/${id}`)).json()) as { year: number; counts: Record<string, number> },
      planId,
    );
    expect(tree.year).toBe(2021);
    expect(Object.values(tree.counts).reduce((a, b) => a + b, 0)).toBe(49);
  });
});

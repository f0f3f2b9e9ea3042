import type { MetricResponse } from '@taizhang/contracts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

const LEDGER = path.resolve(__dirname, '../../seeds/hongqiao-2020-plan-ledger.txt');
const CODE = 'hongqiao-2020-review';
const TITLE = '红桥区2020年计划（导入复核）';

/** SCREENSHOTS_DIR=docs/screenshots refreshes the pictures in the docs. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name) });
}

describe('an admin imports a plan ledger, reviews the targets and creates the plan (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let targetCount: number;
  let discarded: string;
  let changed: string;
  let planId: number;

  const items = () => page.getByTestId('import-target');
  const codeOf = async (item: Locator) => (await item.getAttribute('data-code'))!;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    page = await signedInPage(browser, product.url, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('reaches the import page from the admin page and reads the ledger text', async () => {
    await page.getByRole('link', { name: '管理' }).click();
    await page.getByRole('link', { name: '导入计划台账（.txt、.docx、.xlsx）' }).click();
    await page.getByRole('heading', { name: '导入计划台账', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/import');
    await page.getByLabel('台账文件（.txt、.docx、.xlsx）').setInputFiles(LEDGER);
    await page.getByLabel('计划代码', { exact: true }).fill(CODE);
    await page.getByLabel('计划名称', { exact: true }).fill(TITLE);
    await page.getByLabel('年度', { exact: true }).fill('2020');
    await page.getByLabel('地区', { exact: true }).fill('红桥区');
    await page.getByRole('button', { name: '读取并预览' }).click();
    await page.getByTestId('source-text').waitFor();
    targetCount = await items().count();
    expect(targetCount).toBeGreaterThanOrEqual(45);
    await expect(page.getByTestId('import-summary').textContent()).resolves.toContain(
      `一级指标 9 项 · 二级指标 33 项 · 任务 94 项 · 量化目标 ${targetCount} 项（保留 ${targetCount} 项）`,
    );
  });

  it('highlights every target in the source text, each mark labelled with its code and words', async () => {
    // Targets read from the same words (one figure, several subjects) share a mark that carries all their codes.
    const marked = (
      await page
        .locator('[data-testid=source-text] mark.mark-target')
        .evaluateAll((ms) => ms.map((m) => (m as HTMLElement).dataset.codes!.split(' ')))
    ).flat();
    const listed = await items().evaluateAll((is) => is.map((i) => (i as HTMLElement).dataset.code!));
    expect(marked.sort()).toEqual([...listed].sort());
    const first = items().first();
    const code = await codeOf(first);
    const mark = page.locator(`mark[data-codes~="${code}"]`);
    const words = (await mark.textContent())!;
    await expect(mark.getAttribute('aria-label')).resolves.toMatch(
      new RegExp(`^量化目标 (T\\d{3}-\\d+、)*${code}(、T\\d{3}-\\d+)*：`),
    );
    expect((await mark.getAttribute('aria-label'))!.endsWith(`：${words}`)).toBe(true);
    // The quotation under the target is its words in the source.
    expect(words).toContain((await first.locator('.import-quote').textContent())!.slice(1, -1));
  });

  it("moves the focus to a target's highlight when its quotation is chosen from the list", async () => {
    const item = items().nth(10);
    const code = await codeOf(item);
    await page.getByRole('button', { name: `在原文中定位目标 ${code}` }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (c) => (document.activeElement as HTMLElement | null)?.dataset.codes?.split(' ').includes(c),
      code,
    );
    await expect(page.locator(`mark[data-codes~="${code}"]`).isVisible()).resolves.toBe(true);
  });

  it('discards one target: struck through in the list and in the text, one fewer kept', async () => {
    // A target with a mark of its own, so that the whole mark shows it discarded.
    let item = items().first();
    for (let i = 0; ; i++) {
      item = items().nth(i);
      if ((await page.locator(`mark[data-codes="${await codeOf(item)}"]`).count()) === 1) break;
    }
    discarded = await codeOf(item);
    await page.getByRole('button', { name: `舍弃目标 ${discarded}` }).click();
    await expect(item.getByText('已舍弃').count()).resolves.toBe(1);
    await expect(page.locator(`mark[data-codes="${discarded}"]`).getAttribute('aria-label')).resolves.toMatch(
      new RegExp(`^已舍弃的量化目标 ${discarded}：`),
    );
    await expect(page.getByTestId('import-summary').textContent()).resolves.toContain(`（保留 ${targetCount - 1} 项）`);
  });

  it('changes one target value inline', async () => {
    // The first kept target that has a figure (deadlines have a date instead).
    for (let i = 0; i < targetCount && !changed; i++) {
      const item = items().nth(i);
      const code = await codeOf(item);
      if (code === discarded) continue;
      await page.getByRole('button', { name: `修改目标 ${code}` }).click();
      const value = item.getByLabel('目标值');
      if (await value.count()) {
        await value.fill('88');
        changed = code;
      }
      await page.getByRole('button', { name: `完成修改目标 ${code}` }).click();
    }
    expect(changed).toBeDefined();
    const item = page.locator(`[data-testid=import-target][data-code="${changed}"]`);
    await expect(item.getByTestId('target-reading').textContent()).resolves.toMatch(/88/);
    await expect(item.getByText('已修改').count()).resolves.toBe(1);
    await page.getByRole('button', { name: `修改目标 ${changed}` }).click();
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-import.png');
    await page.getByRole('button', { name: `完成修改目标 ${changed}` }).click();
  });

  it('creates the plan as edited and links to its overview', async () => {
    await page.getByRole('button', { name: '确认创建计划' }).click();
    await page.getByText(`已创建计划“${TITLE}”。`).waitFor();
    const href = await page.getByRole('link', { name: '查看该计划的总览' }).getAttribute('href');
    planId = Number(new URL(href!, product.url).searchParams.get('plan'));
    expect(planId).toBeGreaterThan(1);
    const metrics: MetricResponse[] = await (
      await page.request.get(`${product.url}/api/metrics?planId=${planId}`)
    ).json();
    expect(metrics).toHaveLength(targetCount - 1);
    expect(metrics.find((m) => m.code === changed)?.target).toBe(88);
    expect(metrics.some((m) => m.code === discarded)).toBe(false);
  });

  it('shows the new plan on the overview when chosen in the plan selector, and the reports page follows', async () => {
    await page.getByRole('link', { name: '台账 · 法治政府建设计划监测' }).click();
    // The demo plan stays the default: it is the one with data.
    await page.getByTestId('indicator-tile').first().waitFor();
    await expect(page.locator('.plan-title').textContent()).resolves.toBe('红桥区2020年法治政府建设年度计划');
    await page.getByLabel('计划', { exact: true }).selectOption(String(planId));
    await page.locator('.plan-title', { hasText: TITLE }).waitFor();
    expect(new URL(page.url()).searchParams.get('plan')).toBe(String(planId));
    await expect(page.getByTestId('indicator-tile').count()).resolves.toBe(9);
    // The whole tree, a link away, keeps the plan chosen.
    await page.getByTestId('tree-link').click();
    await page.getByTestId('first-level').first().waitFor();
    expect(new URL(page.url()).searchParams.get('plan')).toBe(String(planId));
    await expect(page.getByTestId('first-level').count()).resolves.toBe(9);
    await expect(page.locator('[data-testid=metric]').count()).resolves.toBe(targetCount - 1);
    await page.getByRole('link', { name: '月报' }).click();
    await page.getByRole('heading', { name: '月度情况通报' }).waitFor();
    await expect(page.getByLabel('计划', { exact: true }).inputValue()).resolves.toBe(String(planId));
  });
});

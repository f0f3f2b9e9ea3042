import type { PlanTreeResponse } from '@taizhang/contracts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

// The 2020 ledger with two figures raised and one target dropped, as next year's ledger of the demo plan's district.
const LEDGER_2021 = readFileSync(path.resolve(__dirname, '../../seeds/hongqiao-2020-plan-ledger.txt'), 'utf8')
  .replace('网上可办率不低于80%', '网上可办率不低于90%')
  .replace('专题培训不少于40学时', '专题培训不少于60学时')
  .replace('对检察建议100%回复', '对检察建议及时回复');

/** SCREENSHOTS_DIR=docs/screenshots refreshes the pictures in the docs. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name), fullPage: false });
}

describe("an admin imports next year's ledger and sees it compared with the current plan before confirming (Chromium)", () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let demoTree: PlanTreeResponse;

  const counts = async () =>
    Object.fromEntries(
      await page
        .locator('[data-testid=comparison-counts] li')
        .evaluateAll((lis) =>
          lis.map((li) => [(li as HTMLElement).dataset.change!, Number(li.querySelector('strong')!.textContent)]),
        ),
    );
  const rows = () => page.getByTestId('comparison-row');
  const tree = async (id: number): Promise<PlanTreeResponse> =>
    (await page.request.get(`${product.url}/api/plans/${id}`)).json();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'taizhang-ledger-'));
    writeFileSync(path.join(dir, 'hongqiao-2021-ledger.txt'), LEDGER_2021);
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    page = await signedInPage(browser, product.url, 'admin');
    demoTree = await tree(1);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the comparison with the 2020 plan before the confirm button: 46 unchanged, 2 target changed, 2 removed', async () => {
    await page.goto(`${product.url}/admin/import`);
    await page.getByLabel('台账文件（.txt、.docx、.xlsx）').setInputFiles(path.join(dir, 'hongqiao-2021-ledger.txt'));
    await page.getByLabel('计划代码', { exact: true }).fill('hongqiao-2021');
    await page.getByLabel('计划名称', { exact: true }).fill('红桥区2021年法治政府建设年度计划');
    await page.getByLabel('年度', { exact: true }).fill('2021');
    await page.getByLabel('地区', { exact: true }).fill('天津市红桥区');
    await page.getByRole('button', { name: '读取并预览' }).click();
    const section = page.getByRole('region', { name: '与上一年度计划对比' });
    await section.waitFor();
    await expect(section.textContent()).resolves.toContain(
      '与“红桥区2020年法治政府建设年度计划”（2020 年，hongqiao-2020）逐项对比',
    );
    await expect(section.textContent()).resolves.toContain('2020 年计划及其填报、评估结果保持不变');
    await expect(counts()).resolves.toEqual({ unchanged: 46, 'target-changed': 2, new: 0, removed: 2 });
    await expect(rows().count()).resolves.toBe(50);
    // The comparison comes before the confirm button in reading order.
    const order = await page.evaluate(() => {
      const comparison = document.querySelector('[data-testid=import-comparison]')!;
      const confirm = [...document.querySelectorAll('button')].find((b) => b.textContent === '确认创建计划')!;
      return comparison.compareDocumentPosition(confirm) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
  });

  it('filters the table by class: the two raised targets with before → after', async () => {
    await page.getByRole('radio', { name: '目标变化' }).check();
    await expect(rows().count()).resolves.toBe(2);
    await expect(page.locator('.comparison-table caption').textContent()).resolves.toBe('指标对比（显示 2 / 50 项）');
    const cells = await rows().evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())),
    );
    expect(cells[0][1]).toBe('目标变化（目标值）');
    expect(cells[0][2]).toMatch(/80/);
    expect(cells[0][3]).toMatch(/90/);
    expect(cells[1][2]).toMatch(/40/);
    expect(cells[1][3]).toMatch(/60/);
    await page.getByRole('radio', { name: '删除' }).check();
    await expect(rows().locator('th .import-code').allTextContents()).resolves.toEqual(['T021-2', 'T067-1']);
    await page.getByRole('radio', { name: '新增' }).check();
    await page.getByText('该类别没有指标。').waitFor();
    await page.getByRole('radio', { name: '全部' }).check();
  });

  it('compares again when a target is discarded: one more removed', async () => {
    const item = page.locator('[data-testid=import-target]', { hasText: '被诉行政机关负责人出庭率' });
    const code = (await item.getAttribute('data-code'))!;
    await page.getByRole('button', { name: `舍弃目标 ${code}` }).click();
    await expect(counts()).resolves.toEqual({ unchanged: 45, 'target-changed': 2, new: 0, removed: 3 });
    await page.getByRole('region', { name: '与上一年度计划对比' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-import-compare.png');
  });

  it('creates the 2021 plan and leaves the 2020 plan as it was', async () => {
    await page.getByRole('button', { name: '确认创建计划' }).click();
    await page.getByText('已创建计划“红桥区2021年法治政府建设年度计划”。').waitFor();
    expect(await tree(1)).toEqual(demoTree);
  });
});

import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

// A minimal but real PDF, and a text file that only calls itself one: the server judges a file by its bytes.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const FAKE_PDF = Buffer.from('Just some text that ends in .pdf\n');

interface QueueItem {
  metricId: number;
  metricCode: string;
  period: string;
  state: string;
  accepts: string[];
  unit: string;
}

/**
 * The clerk's desk: a figure and its evidence are one act (a refused file leaves nothing half-saved, and the retry is
 * revision 1), a late figure asks for its explanation, and the leader finds it among the flagged figures and accepts it.
 */
describe("the clerk's desk: evidence all or nothing, a late figure explained, a leader accepts it (Chromium)", () => {
  let product: RunningProduct;
  let browser: Browser;
  let clerk: Page;
  let target: QueueItem;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    clerk = await signedInPage(browser, product.url, 'sfj');
    const queue = await (await clerk.request.get(`${product.url}/api/queue?planId=1`)).json();
    // An overdue figure entered as a numerator and denominator, or as a single figure.
    target =
      queue.items.find((i: QueueItem) => i.state === 'overdue' && i.accepts.includes('ratio')) ??
      queue.items.find((i: QueueItem) => i.state === 'overdue' && i.accepts.includes('value'));
    // The list comes a page at a time: the clerk searches the metric.
    await clerk.goto(`${product.url}/?q=${target.metricCode}`);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const itemOf = (page: Page) =>
    page.locator(`[data-testid=queue-item][data-metric="${target.metricCode}"][data-period="${target.period}"]`);
  const revisions = async () =>
    (
      (await (await clerk.request.get(`${product.url}/api/submissions?metricId=${target.metricId}`)).json()) as Array<{
        period: string;
        revision: number;
        explanation: string | null;
        flags: Array<{ rule: string }>;
        evidence: unknown[];
      }>
    ).filter((r) => r.period === target.period);
  const stateNow = async () =>
    ((await (await clerk.request.get(`${product.url}/api/queue?planId=1`)).json()).items as QueueItem[]).find(
      (i) => i.metricCode === target.metricCode && i.period === target.period,
    )!.state;
  async function fillFigure(item: Locator): Promise<void> {
    if (target.accepts.includes('ratio')) {
      await item.getByLabel(/^分子（/).fill('45');
      await item.getByLabel(/^分母（/).fill('50');
    } else {
      await item.getByLabel('数值').first().fill('3');
    }
  }

  it('asks a late figure for its explanation, naming the rule, and saves nothing', async () => {
    expect(target).toBeDefined();
    const item = itemOf(clerk);
    await item.waitFor();
    await item.getByRole('button', { name: '填报' }).click();
    // Overdue: the form says so before anything is sent.
    await expect(item.locator('fieldset.explanation').textContent()).resolves.toMatch(
      /本期数据已逾期（截止 \d{4}-\d{2}-\d{2}），逾期报送须填写说明/,
    );
    await fillFigure(item);
    await item
      .getByLabel(/佐证材料/)
      .setInputFiles({ name: '证明材料.pdf', mimeType: 'application/pdf', buffer: FAKE_PDF });
    await item.getByRole('button', { name: '提交' }).click();
    await item.getByTestId('soft-rules').waitFor();
    await expect(item.locator('[data-rule=late]').textContent()).resolves.toMatch(
      /^逾期报送：.* 的数据应于 \d{4}-\d{2}-\d{2} 前报送，已晚 \d+ 个工作日（\d+ 天），请说明逾期原因$/,
    );
    await expect(item.getByRole('alert').textContent()).resolves.toContain('请在“说明”中解释后再提交');
    expect(await revisions()).toEqual([]);
  });

  it('refuses the fake PDF with the figure: nothing is half-saved, the card still says overdue', async () => {
    const item = itemOf(clerk);
    await item.getByLabel('说明', { exact: true }).fill('台账系统迁移，数据补报');
    await item.getByRole('button', { name: '提交' }).click();
    await expect(item.getByRole('alert').filter({ hasText: '文件类型' }).textContent()).resolves.toMatch(
      /^无法识别或不允许的文件类型/,
    );
    expect(await revisions()).toEqual([]);
    expect(await stateNow()).toBe('overdue');
    await expect(item.getAttribute('data-state')).resolves.toBe('overdue');
    // Nothing was saved, so nothing asks for a correction's reason.
    expect(await item.getByLabel('更正理由').count()).toBe(0);
  });

  it('takes the retry with a real PDF as revision 1, with its explanation and evidence', async () => {
    const item = itemOf(clerk);
    await item.getByLabel(/佐证材料/).setInputFiles({ name: '证明材料.pdf', mimeType: 'application/pdf', buffer: PDF });
    await item.getByRole('button', { name: '提交' }).click();
    await item.getByTestId('entry-result').waitFor();
    await expect(item.getByTestId('entry-result').textContent()).resolves.toMatch(
      /已保存第 1 版：.*（已附说明，待领导审阅）/,
    );
    const [only, ...rest] = await revisions();
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      revision: 1,
      explanation: '台账系统迁移，数据补报',
      flags: expect.arrayContaining([{ rule: 'late', messageZh: expect.any(String), messageEn: expect.any(String) }]),
    });
    expect(only.evidence).toHaveLength(1);
    expect(await stateNow()).toBe('submitted');
  });

  it('shows the leader the flagged figure from the navigation, with its explanation, and lets the leader accept it', async () => {
    const leader = await signedInPage(browser, product.url, 'leader');
    await leader.getByRole('navigation').getByRole('link', { name: '待审数据' }).click();
    await leader.getByRole('heading', { name: '需说明的报送数据' }).waitFor();
    const row = leader.locator(
      `[data-testid=flagged-item][data-metric="${target.metricCode}"][data-period="${target.period}"]`,
    );
    await row.waitFor();
    await expect(row.getAttribute('data-state')).resolves.toBe('pending');
    await expect(row.textContent()).resolves.toContain('台账系统迁移，数据补报');
    await expect(row.textContent()).resolves.toContain('逾期报送');
    await row.getByRole('textbox').fill('已核实迁移记录');
    await row.getByRole('button', { name: '接受' }).click();
    await expect(
      leader
        .locator(
          `[data-testid=flagged-item][data-metric="${target.metricCode}"][data-period="${target.period}"][data-state=accepted]`,
        )
        .textContent(),
    ).resolves.toMatch(/已接受.*leader 于 .* 接受/);
    // A department is refused the list.
    expect((await clerk.request.get(`${product.url}/api/submissions/flagged?planId=1`)).status()).toBe(403);
  });
});

import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

// A minimal but real PDF: the server checks the type by content, so the bytes must be a PDF.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * Fills whichever form the item's metric takes. The most urgent item depends on the demo history, so it may be
 * a ratio, a value, a completion date or a case record; `attempt` makes the correction differ from the first figure.
 */
async function fillFigure(item: Locator, attempt: 1 | 2): Promise<void> {
  // The labels name the metric's own numerator and denominator (分子（法制审核人员数）…), always starting 分子（ / 分母（.
  if (await item.getByLabel(/^分子（/).count()) {
    await item.getByLabel(/^分子（/).fill(attempt === 1 ? '45' : '48');
    await item.getByLabel(/^分母（/).fill('50');
  } else if (await item.getByLabel('编号', { exact: true }).count()) {
    await item.getByLabel('编号', { exact: true }).first().fill('GK-2020-001');
    if (await item.getByLabel('开始日期', { exact: true }).count()) {
      await item.getByLabel('开始日期', { exact: true }).first().fill('2020-01-02');
      await item
        .getByLabel(/办结日期/)
        .first()
        .fill(attempt === 1 ? '2020-01-20' : '2020-01-16');
    } else {
      await item.getByLabel('数值').first().fill(String(attempt));
    }
  } else if (await item.getByLabel(/完成日期/).count()) {
    await item
      .getByLabel(/完成日期/)
      .first()
      .fill(attempt === 1 ? '2020-01-20' : '2020-01-16');
  } else {
    await item.getByLabel('数值').first().fill(String(attempt));
  }
}

/** A late figure (every 2020 period is long past due) asks for an explanation (说明): the form shows the field up front. */
async function explainIfAsked(item: Locator): Promise<void> {
  if (await item.getByLabel('说明', { exact: true }).count())
    await item.getByLabel('说明', { exact: true }).fill('台账系统迁移，数据补报');
}

describe('a department reports, a leader returns, the department corrects (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let clerk: Page;
  let leader: Page;
  let metric: string;
  let period: string;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    clerk = await signedInPage(browser, product.url, 'sfj');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const itemOf = (page: Page) =>
    page.locator(`[data-testid=queue-item][data-metric="${metric}"][data-period="${period}"]`);

  it('shows the clerk what is due, most urgent first, with due dates in working days', async () => {
    await clerk.getByTestId('queue-item').first().waitFor();
    await expect(clerk.getByRole('heading', { level: 2 }).first().textContent()).resolves.toContain('区司法局');
    const states = await clerk
      .getByTestId('queue-item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-state')));
    expect(states[0]).toBe('overdue');
    // Overdue items come before everything submitted.
    expect(states.lastIndexOf('overdue')).toBeLessThan(states.indexOf('submitted'));
    const first = clerk.locator('[data-testid=queue-item][data-state=overdue]').first();
    metric = (await first.getAttribute('data-metric'))!;
    period = (await first.getAttribute('data-period'))!;
    await expect(first.textContent()).resolves.toMatch(/逾期未报.*截止 \d{4}-\d{2}-\d{2}/);
  });

  it('submits a figure with an evidence file and sees the new status and its reason at once', async () => {
    const item = itemOf(clerk);
    await item.getByRole('button', { name: '填报' }).click();
    await fillFigure(item, 1);
    await explainIfAsked(item);
    await item.getByLabel(/佐证材料/).setInputFiles({ name: '证明材料.pdf', mimeType: 'application/pdf', buffer: PDF });
    await item.getByRole('button', { name: '提交' }).click();
    const result = item.getByTestId('entry-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/已保存第 1 版：.*(达标|预警|未达标|无数据)/);
    // Submitted, it has moved to the end of the list (pages away): the clerk finds it by searching its code.
    await clerk.goto(`${product.url}/?q=${metric}`);
    await itemOf(clerk).waitFor();
    await expect(itemOf(clerk).getAttribute('data-state')).resolves.toBe('submitted');
  });

  it('lets a leader return it with a comment, and offers the leader no entry form', async () => {
    const me = await (await clerk.request.get(`${product.url}/api/auth/me`)).json();
    leader = await signedInPage(browser, product.url, 'leader');
    await leader.goto(`${product.url}/departments/${me.departmentId}?q=${metric}`);
    const item = itemOf(leader);
    await item.waitFor();
    expect(await leader.getByRole('button', { name: '填报' }).count()).toBe(0);
    await item.getByLabel('退回意见').fill('分母与台账不符，请核实');
    await item.getByRole('button', { name: '退回' }).click();
    await item.getByRole('note').waitFor();
    await expect(item.getByRole('note').textContent()).resolves.toContain('分母与台账不符');
    // A returned figure is not an accepted one: the period waits for a corrected figure, and past its due date it is red.
    await leader.reload();
    await itemOf(leader).waitFor();
    await expect(itemOf(leader).locator('.badge').first().getAttribute('data-status')).resolves.toBe('red');
    await expect(itemOf(leader).locator('.metric-reason').textContent()).resolves.toMatch(/退回/);
  });

  it('shows the clerk the return, and takes a correction with a reason as revision 2', async () => {
    // The returned tab, as the bell's message about the return links to it.
    await clerk.goto(`${product.url}/?state=returned`);
    const item = itemOf(clerk);
    await item.waitFor();
    await expect(item.getAttribute('data-state')).resolves.toBe('returned');
    await expect(item.textContent()).resolves.toContain('已退回：分母与台账不符');
    await item.getByRole('button', { name: '更正' }).click();
    await fillFigure(item, 2);
    await explainIfAsked(item);
    await item.getByLabel('更正理由').fill('分母按台账重新核对');
    await item.getByRole('button', { name: '提交更正' }).click();
    // Corrected, the figure is no longer returned and leaves this tab; the page keeps the confirmation.
    const saved = clerk.getByTestId('queue-saved');
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toMatch(/已移出此标签：\s*已保存第 2 版/);
    await expect(itemOf(clerk).count()).resolves.toBe(0);
  });

  it('keeps both revisions, the return and the evidence in the history', async () => {
    const metricId = (await (await clerk.request.get(`${product.url}/api/queue?planId=1`)).json()).items.find(
      (i: { metricCode: string; period: string }) => i.metricCode === metric && i.period === period,
    ).metricId;
    const history = await (await clerk.request.get(`${product.url}/api/submissions?metricId=${metricId}`)).json();
    const forPeriod = history.filter((r: { period: string }) => r.period === period);
    expect(forPeriod.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(forPeriod[1].returns[0].comment).toBe('分母与台账不符，请核实');
    expect(forPeriod[1].evidence[0]).toMatchObject({
      filename: '证明材料.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
    });
    expect(forPeriod[0].reason).toBe('分母按台账重新核对');
  });
});

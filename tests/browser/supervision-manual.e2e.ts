import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

interface Metric {
  id: number;
  code: string;
  current: { period: string } | null;
  departments: Array<{ departmentId: number | null; status: string }>;
}
interface Notice {
  id: number;
  metric: { id: number };
  department: { id: number; name: string };
  period: string;
  state: string;
  level: string;
}

/**
 * What a leader and an admin do by hand around the supervision loop: a leader issues a notice from a metric
 * page (a second one for the same period is refused with the API's message) and finds it on /notices;
 * an admin sets a department's webhook in the departments table.
 */
describe('supervision by hand: a leader issues a notice, an admin sets a webhook (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let leader: Page;
  let target: { metric: Metric; departmentId: number; departmentName: string; period: string };
  let issuedId: number;
  const note = '请说明本期数据偏低的原因并提出整改措施';

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
    leader = await signedInPage(browser, product.url, 'leader');
    // A metric and a department that has no open notice for the metric's current period.
    const api = async <T>(path: string): Promise<T> =>
      (await leader.request.get(`${product.url}${path}`)).json() as Promise<T>;
    const open = new Set(
      (await api<Notice[]>('/api/notices?state=open')).map((n) => `${n.metric.id}:${n.department.id}:${n.period}`),
    );
    const departments = await api<Array<{ id: number; name: string }>>('/api/departments');
    for (const m of await api<Metric[]>('/api/metrics?planId=1')) {
      const d =
        m.current &&
        m.departments.find(
          (e) =>
            e.departmentId !== null &&
            e.status === 'green' &&
            !open.has(`${m.id}:${e.departmentId}:${m.current!.period}`),
        );
      if (d && m.current) {
        target = {
          metric: m,
          departmentId: d.departmentId!,
          departmentName: departments.find((x) => x.id === d.departmentId)!.name,
          period: m.current.period,
        };
        break;
      }
    }
    expect(target).toBeDefined();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it("lets a leader issue a notice from the metric page; a second one for the same period is refused with the API's message", async () => {
    await leader.goto(`${product.url}/metrics/${target.metric.id}`);
    const form = leader.getByTestId('issue-notice');
    await form.waitFor();
    await form.getByLabel('被督办单位').selectOption(String(target.departmentId));
    await expect(form.getByLabel('报送期').inputValue()).resolves.toBe(target.period);
    await form.getByLabel('级别').selectOption('listed');
    await form.getByLabel('督办说明（可选）').fill(note);
    await form.getByRole('button', { name: '下发督办单' }).click();
    const done = leader.getByTestId('issue-notice-done');
    await done.waitFor();
    issuedId = Number((await done.textContent())!.match(/督办单 (\d+) 号/)![1]);
    // The metric's own list shows it at once.
    const row = leader.getByTestId('metric-notices').locator(`[data-testid=notice-row][data-notice="${issuedId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('挂牌督办');

    await form.getByRole('button', { name: '下发督办单' }).click();
    const error = leader.getByTestId('issue-notice-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('该指标、单位和报送期已有未办结的督办单');
    const notice: Notice = await (await leader.request.get(`${product.url}/api/notices/${issuedId}`)).json();
    expect(notice).toMatchObject({
      metric: { id: target.metric.id },
      department: { id: target.departmentId },
      period: target.period,
      level: 'listed',
      state: 'issued',
    });
  });

  it('shows the notice issued by hand on /notices, from the navigation', async () => {
    await leader.getByRole('link', { name: '督办', exact: true }).click();
    await leader.getByRole('heading', { name: '督办事项' }).waitFor();
    const row = leader.locator(`[data-testid=notice-row][data-notice="${issuedId}"]`);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('挂牌督办');
    expect(text).toContain(target.departmentName);
    expect(text).toContain('已下发');
    await row.getByRole('link').click();
    await leader.waitForURL(`**/notices/${issuedId}`);
    await expect(leader.getByTestId('notice-page').textContent()).resolves.toContain(note);
  });

  it("lets an admin set a department's webhook in the departments table, and shows the API's message for a bad one", async () => {
    const admin = await signedInPage(browser, product.url, 'admin');
    await admin.getByRole('link', { name: '管理', exact: true }).click();
    const webhook = admin.getByLabel(`${target.departmentName} 的 Webhook 地址`);
    await webhook.fill('ftp://example.com/hook');
    await admin.getByRole('button', { name: `保存 ${target.departmentName}` }).click();
    const row = admin.locator('[data-testid=department-row]').filter({ has: webhook });
    await expect(row.getByRole('alert').textContent()).resolves.toContain(
      'webhookUrl 应为 http:// 或 https:// 开头的网址',
    );
    await webhook.fill('https://im.example.gov.cn/hook/abc');
    await admin.getByRole('button', { name: `保存 ${target.departmentName}` }).click();
    await row.getByRole('status').waitFor();
    const list: Array<{ id: number; webhookUrl?: string | null }> = await (
      await admin.request.get(`${product.url}/api/departments`)
    ).json();
    expect(list.find((d) => d.id === target.departmentId)?.webhookUrl).toBe('https://im.example.gov.cn/hook/abc');
    // The failed-deliveries panel is there (empty on a fresh demo).
    await admin.getByRole('heading', { name: '发送失败的消息' }).waitFor();
  });
});

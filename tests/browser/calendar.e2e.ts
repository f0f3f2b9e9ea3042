import { AxeBuilder } from '@axe-core/playwright';
import type { CalendarYearResponse } from '@taizhang/contracts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct, type RunningProduct } from './support/product';
import { signedInPage } from './support/session';

/**
 * A 2027 notice written as the State Council writes them (the weekdays are 2027's: the reader refuses a sentence
 * whose weekday is wrong). BROKEN gives 20 February, a Saturday, as a Sunday.
 */
const NOTICE_2027 = [
  '国务院办公厅关于2027年部分节假日安排的通知',
  '',
  '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
  '经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。',
  '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
  '二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。1月31日（周日）、2月20日（周六）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月5日）休息。',
  '三、清明节：4月3日（周六）至5日（周一）放假，共3天。',
  '四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。',
  '五、端午节：6月9日（周三）放假1天，不调休。',
  '六、中秋节：9月15日（周三）放假1天，不调休。',
  '七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。',
  '',
  '国务院办公厅',
  '2026年11月10日',
].join('\n');
const BROKEN = NOTICE_2027.replace('2月20日（周六）上班', '2月20日（周日）上班');

/** SCREENSHOTS_DIR=docs/screenshots refreshes the pictures in the docs. */
async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(process.env.SCREENSHOTS_DIR, name), fullPage });
}

/** Serious or critical accessibility faults axe finds on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('an admin keeps the working-day calendar: provisional 2027, the pasted notice, a day set by hand (Chromium)', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  const day = (iso: string) => page.locator(`button[data-date="${iso}"]`);
  const source = () => page.getByTestId('calendar-source');
  const sentences = () => page.getByTestId('notice-sentence');
  const confirmButton = () => page.getByRole('button', { name: '确认并保存' });

  beforeAll(async () => {
    // Mid-November 2026: 2027 has no notice yet, so the admin is warned (from 1 November) and 2027 is the default year.
    [product, browser] = await Promise.all([startProduct({ FIXED_TODAY: '2026-11-15' }), launchChromium()]);
    page = await signedInPage(browser, product.url, 'admin', { width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('warns on the admin page that 2027 is provisional and links to its calendar', async () => {
    await page.getByRole('link', { name: '管理' }).click();
    const banner = page.getByTestId('calendar-banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('2027 年工作日历尚为暂定');
    await expect(banner.textContent()).resolves.toContain('请粘贴国务院办公厅放假安排通知');
    await banner.getByRole('link', { name: '前往 2027 年工作日历' }).click();
    await page.getByRole('heading', { name: '2027 年工作日历' }).waitFor();
    expect(new URL(page.url()).search).toBe('?year=2027');
    // The admin page links to it too, and without a year the page opens on next year (it is past 1 November).
    await page.getByRole('navigation', { name: '导航' }).getByRole('link', { name: '管理' }).click();
    await page.getByRole('link', { name: '工作日历（放假与调休）' }).click();
    await page.getByRole('heading', { name: '2027 年工作日历' }).waitFor();
  });

  it('shows 2027 as provisional, as twelve Monday-first months with no make-up days', async () => {
    await page.goto(`${product.url}/admin/calendar?year=2027`);
    await page.getByTestId('calendar-provisional').waitFor();
    await expect(page.getByTestId('calendar-provisional').textContent()).resolves.toContain('2027 年日历为暂定');
    await expect(source().textContent()).resolves.toContain('暂定（按放假办法推算，未含调休）');
    await expect(page.getByTestId('calendar-month').count()).resolves.toBe(12);
    const january = page.getByTestId('calendar-month').first();
    await expect(january.locator('thead th').allTextContents()).resolves.toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '日',
    ]);
    // 1 January 2027 is a Friday: the fifth cell of the first week.
    await expect(
      january.locator('tbody tr').first().locator('td').nth(4).locator('button').getAttribute('data-date'),
    ).resolves.toBe('2027-01-01');
    await expect(day('2027-01-01').getAttribute('data-kind')).resolves.toBe('holiday');
    await expect(day('2027-01-01').textContent()).resolves.toBe('1休');
    await expect(day('2027-02-20').getAttribute('data-kind')).resolves.toBe('weekend');
    await expect(page.locator('button[data-kind=workday]').count()).resolves.toBe(0);
    // Four months across at 1440 px.
    const lefts = await page
      .getByTestId('calendar-month')
      .evaluateAll((ms) => ms.map((m) => Math.round(m.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(4);
  });

  it('previews a notice with a wrong weekday: read sentences marked ✓, the wrong one ✕ with why, confirming refused', async () => {
    await page.getByLabel('通知全文').fill(BROKEN);
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await page.getByTestId('notice-reading').waitFor();
    await expect(page.getByTestId('notice-reading').textContent()).resolves.toContain('通知年份：2027 年');
    const states = await sentences().evaluateAll((ss) => ss.map((s) => (s as HTMLElement).dataset.state));
    expect(states.filter((s) => s === 'read')).toHaveLength(9);
    expect(states.filter((s) => s === 'ignored')).toHaveLength(1);
    const unread = sentences().and(page.locator('[data-state=unread]'));
    await expect(unread.count()).resolves.toBe(1);
    await expect(unread.textContent()).resolves.toMatch(
      /^✕ 未能读出春节：1月31日\(周日\)、2月20日\(周日\)上班2027-02-20 是周六，与括号中所写的"周日"不符/,
    );
    await expect(sentences().first().textContent()).resolves.toMatch(/^✓ 已读出元旦：/);
    await expect(sentences().and(page.locator('[data-state=ignored]')).textContent()).resolves.toContain(
      '倡议，不是放假安排',
    );
    await expect(confirmButton().isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('notice-blocked').textContent()).resolves.toContain('有 1 句未能读出，不能确认');
    // The preview is drawn on the months, boxed, before anything is stored: 2 January is a day off in the notice.
    await expect(day('2027-01-02').getAttribute('data-kind')).resolves.toBe('holiday');
    await expect(day('2027-01-02').getAttribute('data-preview')).resolves.toBe('true');
    await expect(day('2027-01-02').getAttribute('aria-label')).resolves.toContain('（通知预览）');
    await expect(day('2027-05-08').getAttribute('data-kind')).resolves.toBe('workday');
    await expect(source().textContent()).resolves.toContain('暂定');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await unread.scrollIntoViewIfNeeded();
    await screenshot(page, 'calendar-notice-preview.png');
  });

  it('refuses to confirm a text changed after its preview, then confirms the corrected notice', async () => {
    await page.getByLabel('通知全文').fill(NOTICE_2027);
    await expect(page.getByTestId('notice-blocked').textContent()).resolves.toContain('有 1 句未能读出');
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=notice-sentence][data-state=unread]').length === 0,
    );
    await expect(page.getByTestId('notice-counts').textContent()).resolves.toBe('读出放假 28 天、调休上班 6 天');
    await expect(confirmButton().isEnabled()).resolves.toBe(true);
    await page.getByLabel('通知全文').fill(`${NOTICE_2027}\n`);
    await expect(page.getByTestId('notice-blocked').textContent()).resolves.toContain('原文在预览后有改动');
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await page.getByTestId('notice-blocked').waitFor({ state: 'detached' });
    await confirmButton().click();
    await page.getByTestId('calendar-saved').waitFor();
    await expect(page.getByTestId('calendar-saved').textContent()).resolves.toContain(
      '已按官方通知保存 2027 年工作日历',
    );
    await expect(source().textContent()).resolves.toContain('官方通知');
    await expect(source().textContent()).resolves.toContain('国务院办公厅关于2027年部分节假日安排的通知');
    await expect(page.getByTestId('calendar-provisional').count()).resolves.toBe(0);
    await expect(day('2027-02-20').getAttribute('data-kind')).resolves.toBe('workday');
    await expect(day('2027-02-20').textContent()).resolves.toBe('20班');
    await expect(day('2027-02-20').getAttribute('data-preview')).resolves.toBeNull();
    await expect(day('2027-01-02').textContent()).resolves.toBe('2休');
    // 2027 is official now: the banner is gone.
    await page.getByTestId('calendar-banner').waitFor({ state: 'detached' });
    const stored: CalendarYearResponse = await (
      await page.request.get(`${product.url}/api/calendar/years/2027`)
    ).json();
    expect(stored.source).toBe('official');
    expect(stored.workingDays).toEqual([
      '2027-01-31',
      '2027-02-20',
      '2027-04-25',
      '2027-05-08',
      '2027-09-26',
      '2027-10-09',
    ]);
  });

  it("sets one day by hand, with a reason; the API's refusals are shown", async () => {
    const dialog = page.getByTestId('day-dialog');
    await day('2027-03-03').click();
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('现为：工作日');
    // A Wednesday cannot be a make-up working day.
    await dialog.getByLabel('调休上班').check();
    await dialog.getByLabel('理由（必填，记入审计日志）').fill('测试');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe('2027-03-03 不是周末，无需设为调休上班日');
    // A day off needs a reason.
    await dialog.getByLabel('放假').check();
    await dialog.getByLabel('理由（必填，记入审计日志）').fill('  ');
    await dialog.getByRole('button', { name: '保存' }).click();
    // The refusal replaces the one before (wait for it: the earlier alert is on screen until the answer comes).
    await dialog.getByRole('alert').filter({ hasText: '请填写调整理由' }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await dialog.getByLabel('理由（必填，记入审计日志）').fill('本区防汛应急，经区政府同意调整');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByTestId('day-saved').textContent()).resolves.toContain('已将 2027-03-03 设为：放假');
    await expect(day('2027-03-03').getAttribute('data-kind')).resolves.toBe('holiday');
    // The focus goes back to the day that was set.
    await expect(page.evaluate(() => (document.activeElement as HTMLElement).dataset.date)).resolves.toBe('2027-03-03');
    await expect(source().textContent()).resolves.toContain('官方通知');
    await expect(source().textContent()).resolves.toContain('手工调整');
    // The whole page: the official source with the manual change noted, and the months with 班 and 休.
    await page.mouse.move(0, 0);
    await screenshot(page, 'calendar-admin.png', true);
  });

  it("gives the API's refusal in English when the interface is in English", async () => {
    await page.getByRole('button', { name: '切换到英文界面' }).click();
    await page.getByRole('heading', { name: 'Working-day calendar 2027' }).waitFor();
    await expect(source().textContent()).resolves.toContain('Official notice');
    await day('2027-03-04').click();
    const dialog = page.getByTestId('day-dialog');
    await dialog.getByLabel('Make-up working day').check();
    await dialog.getByLabel('Reason (required, recorded in the audit log)').fill('test');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe(
      '2027-03-04 is not a weekend day: it is a working day already',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Switch to the Chinese interface' }).click();
    await page.getByRole('heading', { name: '2027 年工作日历' }).waitFor();
  });

  it('moves between years with the buttons, the year in the address', async () => {
    await page.getByRole('button', { name: '上一年（2026）' }).click();
    await page.getByRole('heading', { name: '2026 年工作日历' }).waitFor();
    expect(new URL(page.url()).search).toBe('?year=2026');
    await expect(source().textContent()).resolves.toContain('随软件附带 (chinese-days)');
    await page.getByRole('button', { name: '下一年（2027）' }).click();
    await page.getByRole('heading', { name: '2027 年工作日历' }).waitFor();
  });

  it('fits a 390 px phone: one month per row, no sideways scroll', async () => {
    const phone = await signedInPage(browser, product.url, 'admin', { width: 390, height: 844 });
    await phone.goto(`${product.url}/admin/calendar?year=2027`);
    await phone.getByTestId('calendar-month').first().waitFor();
    const lefts = await phone
      .getByTestId('calendar-month')
      .evaluateAll((ms) => ms.map((m) => Math.round(m.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    await expect(
      phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).resolves.toBe(true);
    await phone.getByRole('heading', { name: '2027 年各月' }).evaluate((h) => h.scrollIntoView());
    await screenshot(phone, 'calendar-admin-phone.png');
    await phone.context().close();
  });
});

import type { Browser, Page } from 'playwright-core';

export const DEMO_PASSWORDS: Record<string, string> = {
  admin: 'taizhang-admin',
  leader: 'taizhang-leader',
  sfj: 'taizhang-dept',
  zfb: 'taizhang-dept',
  zwfwb: 'taizhang-dept',
};

/** A fresh browser context signed in through the login form, as a person would. */
export async function signedInPage(
  browser: Browser,
  url: string,
  username: string,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORDS[username]);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
  return page;
}

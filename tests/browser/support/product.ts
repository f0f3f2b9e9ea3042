import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startApi } from '../../support/api-process';

const repoRoot = path.resolve(__dirname, '../../..');

/** The built product (API serving the web app) on a free port and a fresh SQLite file, as `npm start` runs it. */
export interface RunningProduct {
  url: string;
  stop(): Promise<void>;
}

export async function startProduct(env: Record<string, string> = {}): Promise<RunningProduct> {
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-e2e-'));
  // The web app is served too, from its build.
  const { child, url } = await startApi({
    SQLITE_PATH: path.join(dir, 'taizhang.sqlite'),
    DATABASE_URL: '',
    WEB_DIST: path.join(repoRoot, 'apps/web/dist'),
    ...env,
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags this sandbox needs (no sandbox, no background networking). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

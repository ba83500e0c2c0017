// Headless Debian chromium for the web page's tests, driven by playwright-core (which never downloads a browser).
// When /usr/bin/chromium is absent the tests are skipped and say why; .ci/run installs it with apt-get.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO } from '../../helpers/paths.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `${CHROMIUM} is missing: browser tests skipped (install it with: apt-get install chromium)`;
if (!HAS_CHROMIUM) console.warn(`test/server/web: ${SKIP_REASON}`);

/** Screenshots taken during the run, to look at (gitignored). */
export const SCREENSHOTS = join(REPO, '.scratch', 'screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors (a CSP violation is one). */
  problems: string[];
}

export async function openPage(browser: Browser, url: string): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  // Nothing beyond this server: any other origin is a failure (the page must work offline).
  const origin = new URL(url).origin;
  await context.route(
    (u) => u.origin !== origin,
    async (route) => {
      problems.push(`request outside the server: ${route.request().url()}`);
      await route.abort();
    },
  );
  await page.goto(url);
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

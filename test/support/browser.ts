/**
 * What every browser suite shares: the npm-installed headless chromium (./chromium.ts) driven by
 * playwright-core, phone-sized contexts signed in with a dev-session token, and waits on the
 * app's own state (never a fixed delay). Importing it fails fast when the H5 build is missing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { removeDataDir, startCloud, type RunningCloud } from './localCloud';

const root = join(__dirname, '..', '..');
export const SHOTS = join(root, 'docs', 'screenshots');

if (!existsSync(join(root, 'dist', 'h5', 'index.html'))) throw new Error('dist/h5 is missing: run `node config/build-app.mjs h5`');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return launchChromium();
}

/** What a browser suite runs against: a fresh local cloud and one chromium. */
export interface BrowserSuite {
  cloud: RunningCloud;
  browser: Browser;
}

/**
 * Registers the suite's set-up and tear-down: a local cloud on a fresh data folder and the
 * browser before its tests, both stopped (and the folder removed) after them. The fields are
 * there once `beforeAll` has run.
 */
export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.cloud = await startCloud();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    if (suite.cloud) {
      await suite.cloud.stop();
      removeDataDir(suite.cloud.dataDir);
    }
  });
  return suite;
}

/**
 * The one error not counted: NutUI's Tabs measure their titles (a selector query) in an
 * animation frame; on a slow machine that frame can run after the next page's route took
 * over, and Taro H5 then finds no container for the query and throws. Nothing on screen
 * depends on that measurement (the new page is already showing); every other error counts.
 */
const TARO_MEASURE_RACE = '在已加载页面中没有找到对应的容器元素。';

/**
 * A 375×812 phone; with a token it is signed in (the dev-session token is in Taro's H5 storage
 * before any app code runs) and has answered the first-run large-text offer, without one it is
 * a first-time visitor. Errors thrown in any of its tabs are
 * collected into `errors`, labelled `who`.
 */
export async function newPhone(browser: Browser, token: string | null, who: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN', hasTouch: true, isMobile: true });
  if (token) {
    await context.addInitScript((value: string) => {
      // about:blank (see openRoute) has no storage of its own, nor has a PDF opened in the
      // browser's viewer (a proof download): only app pages get the session.
      if (window.location.protocol.startsWith('http') && window.localStorage) {
        window.localStorage.setItem('linli.token', JSON.stringify({ data: value }));
        // A returning user: the first-run large-text offer was answered long ago (the journey
        // suite, a first visit, answers it itself).
        window.localStorage.setItem('linli.elderlyOffered', JSON.stringify({ data: true }));
      }
    }, token);
  }
  context.on('page', (page) =>
    page.on('pageerror', (error) => {
      if (error.message === TARO_MEASURE_RACE) return;
      errors.push(`${who}: ${error.message}`);
    }),
  );
  return context.newPage();
}

/** The visible page's element (Taro H5 keeps the pages below it in the DOM, shaded). */
export const on = (page: Page, selector: string) => page.locator(`.taro_page:not(.taro_page_shade) ${selector}`);

/** One page on screen, slid in, skeletons and toasts gone: a screenshot shows content, not a transition. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll('.taro_page:not(.taro_page_shade)'));
    const toast = document.querySelector<HTMLElement>('.taro__toast');
    const toastGone = !toast || toast.style.display === 'none';
    return toastGone && pages.length === 1 && Math.abs(pages[0]!.getBoundingClientRect().left) < 1 && !pages[0]!.querySelector('.linli-state--loading');
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/**
 * Opens a page of the app with a full load. A hash-only `goto` would be a same-document
 * navigation the Taro router may read as "back"; leaving for about:blank first avoids that.
 */
export async function openRoute(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${baseUrl}/#${route}`);
}

/**
 * Taps a choice (radio or checkbox) until it shows as chosen. A form that scrolls to its first
 * problem after a refused submit can move the choice away under a tap already on its way; a
 * second tap comes only when the first has visibly not landed.
 */
export async function choose(page: Page, selector: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await on(page, selector).click();
    try {
      await on(page, `${selector}[aria-checked="true"]`).waitFor({ timeout: 2000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

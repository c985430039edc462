/**
 * The app (issue: the mini-program shell): weapp package sizes against the WeChat budgets, and
 * H5 first load to interactive in headless chromium — from navigation start to the first group
 * card rendered by React (its tap handler is live then), median of 5 cold loads, each in a new
 * browser context (empty cache) signed in as demo-resident. Baseline: DOMContentLoaded of the
 * same loads, so the ratio is what booting the app costs after the HTML arrived.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchChromium } from '../../support/chromium';
import { Client } from '../../support/localCloud';
import { percentile, type Row } from '../harness';
import type { BenchContext } from '../run';

const root = join(__dirname, '..', '..', '..');
const WEAPP = join(root, 'dist', 'weapp');
const H5 = join(root, 'dist', 'h5');
const RUNS = 5;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const kb = (bytes: number) => bytes / 1024;

/** One row for a size (no spread, so median = p95). */
function sizeRow(group: string, scenario: string, bytes: number, note: string): Row {
  return { group, scenario, median: kb(bytes), p95: kb(bytes), unit: 'KB', note };
}

/** Main package and subpackages of dist/weapp, as WeChat counts them (every file under each root). */
export function weappPackageSizes(): { main: number; subpackages: Record<string, number> } {
  const appJson = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((r) => [r, 0]));
  let main = 0;
  for (const file of files(WEAPP)) {
    const path = relative(WEAPP, file).split('\\').join('/');
    // DevTools metadata, not uploaded as code
    if (path === 'project.config.json' || path === 'project.private.config.json' || path.endsWith('.LICENSE.txt')) continue;
    const size = statSync(file).size;
    const owner = roots.find((r) => path.startsWith(`${r}/`));
    if (owner) subpackages[owner]! += size;
    else main += size;
  }
  return { main, subpackages };
}

function ensureBuilt(): void {
  const result = spawnSync(process.execPath, [join(root, 'config', 'build-app.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the app failed');
}

async function firstLoad(url: string, token: string): Promise<{ interactive: number[]; domContentLoaded: number[] }> {
  const browser = await launchChromium();
  const interactive: number[] = [];
  const domContentLoaded: number[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      // Signed in (Taro H5 storage format) before any app code runs; record the first card.
      await context.addInitScript((value: string) => {
        window.localStorage.setItem('linli.token', JSON.stringify({ data: value }));
        const observer = new MutationObserver(() => {
          if (document.querySelector('.linli-group-card')) {
            (window as unknown as { __firstCard: number }).__firstCard = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document, { childList: true, subtree: true });
      }, token);
      const page = await context.newPage();
      await page.goto(`${url}/#/pages/home/index`);
      await page.waitForFunction(() => typeof (window as unknown as { __firstCard?: number }).__firstCard === 'number', undefined, { timeout: 30_000 });
      const timing = await page.evaluate(() => ({
        card: (window as unknown as { __firstCard: number }).__firstCard,
        dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      }));
      interactive.push(timing.card);
      domContentLoaded.push(timing.dcl);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { interactive: interactive.sort((a, b) => a - b), domContentLoaded: domContentLoaded.sort((a, b) => a - b) };
}

export async function appScenarios(ctx: BenchContext): Promise<Row[]> {
  ensureBuilt();
  const rows: Row[] = [];

  const sizes = 'App packages (dist/weapp as uploaded to WeChat, dist/h5 as served)';
  const { main, subpackages } = weappPackageSizes();
  rows.push(sizeRow(sizes, 'weapp main package', main, 'budget ≤ 1024 KB (WeChat hard limit 2048 KB)'));
  for (const [name, bytes] of Object.entries(subpackages)) rows.push(sizeRow(sizes, `weapp subpackage ${name}`, bytes, 'budget ≤ 1024 KB'));
  if (existsSync(H5)) {
    const all = files(H5).filter((f) => !f.endsWith('.LICENSE.txt'));
    const total = all.reduce((sum, f) => sum + statSync(f).size, 0);
    const html = readFileSync(join(H5, 'index.html'), 'utf8');
    const entry = [...html.matchAll(/(?:src|href)="\/?((?:js|css)\/[^"]+)"/g)].map((m) => join(H5, m[1]!)).filter(existsSync);
    const first = entry.reduce((sum, f) => sum + statSync(f).size, statSync(join(H5, 'index.html')).size);
    rows.push(sizeRow(sizes, 'h5 total (all pages, uncompressed)', total, ''));
    rows.push(sizeRow(sizes, 'h5 first load (index.html + entry js/css, uncompressed)', first, 'page chunks load on demand'));
  }

  // After a build of minutes the first call may meet a keep-alive socket the cloud closed meanwhile
  // (EPIPE, seen once): a sign-in is safe to send again, so one failed send is retried.
  const client = await Client.signIn(ctx.cloud.url, 'demo-resident').catch(() => Client.signIn(ctx.cloud.url, 'demo-resident'));
  const { interactive, domContentLoaded } = await firstLoad(ctx.cloud.url, client.token!);
  rows.push({
    group: 'H5 first load (headless chromium, 375×812, cold cache, local cloud)',
    scenario: `navigation start → first group card rendered (home, ${RUNS} loads)`,
    median: percentile(interactive, 50),
    p95: percentile(interactive, 95),
    unit: 'ms',
    baseline: { name: 'DOMContentLoaded', median: percentile(domContentLoaded, 50) },
    note: 'includes account.me + groups.list round trips',
  });
  return rows;
}

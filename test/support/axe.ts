/**
 * Accessibility checks in the browser suites: axe-core (the npm package's own browser build,
 * axe.min.js, injected into the page as its README shows: https://github.com/dequelabs/axe-core#getting-started)
 * run over the whole document, and the app's settings (language, elderly mode) put into a
 * phone's storage before any app code runs.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One rule axe found broken, with where (CSS selectors of the first few elements). */
export interface AxeFinding {
  rule: string;
  impact: ImpactValue | null;
  help: string;
  targets: string[];
  /** axe's own account of what is wrong with the first element (e.g. the contrast ratio it measured). */
  summary: string;
}

/** Impacts that fail the check; moderate and minor ones are listed, not failed. */
export const BLOCKING: ReadonlySet<ImpactValue> = new Set<ImpactValue>(['serious', 'critical']);

/**
 * The rule sets run: WCAG 2.0–2.2 A and AA plus axe's best practices (landmarks, one main,
 * headings) — https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#axe-core-tags.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe over the page's document as it is now and returns every violation found. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    summary: (violation.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
  }));
}

/** How the app is set up on a phone: its language and elderly mode (src/stores/settings.ts). */
export interface AppSettings {
  locale: 'zh-CN' | 'en';
  elderly: boolean;
}

/**
 * Stores the settings where the app reads them at start-up, before any of its code runs, on
 * every page the phone opens. Taro H5 keeps each storage value as `{ data }` JSON in
 * localStorage (the same shape as the session token of test/support/browser.ts).
 */
export async function applySettings(page: Page, settings: AppSettings): Promise<void> {
  await page.context().addInitScript((value: AppSettings) => {
    if (!window.location.protocol.startsWith('http') || !window.localStorage) return;
    window.localStorage.setItem('linli.locale', JSON.stringify({ data: value.locale }));
    window.localStorage.setItem('linli.elderly', JSON.stringify({ data: value.elderly }));
  }, settings);
}

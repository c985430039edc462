/**
 * Issue 16, elderly mode everywhere it matters, checked on the sources the builds use: pinch-zoom
 * is never blocked (WCAG 1.4.4; the H5 page template is src/index.html, and no config or
 * runtime writes another viewport), the tab bar is ours (tabBar.custom with its component), and
 * its stylesheet makes labels 18 CSS px in elderly mode with tap targets of at least 44 CSS px
 * in every mode (sizes are 750-wide design px: 2 = 1 CSS px on a 375-wide phone).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'sass';

const root = join(__dirname, '../..');

interface TabBarConfig {
  tabBar: { custom?: boolean; list: Array<{ pagePath: string }> };
}
(globalThis as { defineAppConfig?: (config: TabBarConfig) => TabBarConfig }).defineAppConfig = (config) => config;
const config = (require('../../src/app.config') as { default: TabBarConfig }).default;

/** The viewport meta tags of an HTML page. */
function viewports(html: string): string[] {
  return [...html.matchAll(/<meta[^>]*name=["']viewport["'][^>]*>/gi)].map((match) => match[0]);
}

function blocksZoom(viewport: string): boolean {
  return /user-scalable\s*=\s*(no|0)/i.test(viewport) || /maximum-scale\s*=/i.test(viewport);
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

/** Declarations of the rule with exactly `selector` in compiled CSS. */
function rule(css: string, selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|\\n)${escaped} \\{([^}]*)\\}`).exec(css);
  if (!match) throw new Error(`no rule ${selector}`);
  return Object.fromEntries(
    match[1]!
      .split(';')
      .map((line) => line.trim())
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}
const px = (value: string | undefined) => Number(/^(\d+)px$/.exec(value ?? '')?.[1] ?? Number.NaN);

describe('zoom', () => {
  it('the H5 page allows pinch-zoom', () => {
    const html = readFileSync(join(root, 'src/index.html'), 'utf8');
    const [viewport, ...others] = viewports(html);
    expect(others).toEqual([]);
    expect(viewport).toContain('width=device-width');
    expect(blocksZoom(viewport!)).toBe(false);
  });

  it('the scanner would see a blocked zoom', () => {
    expect(blocksZoom('<meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">')).toBe(true);
    expect(blocksZoom('<meta name="viewport" content="width=device-width,maximum-scale=1">')).toBe(true);
  });

  it('no source or build config sets another viewport', () => {
    const sources = [...filesUnder(join(root, 'src'), /\.(ts|tsx)$/), ...filesUnder(join(root, 'config'), /\.(ts|js|mjs)$/)];
    const offenders = sources.filter((file) => /user-scalable|maximum-scale/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('a built H5 page (when there is one) allows it too', () => {
    const built = join(root, 'dist/h5/index.html');
    if (!existsSync(built)) return;
    for (const viewport of viewports(readFileSync(built, 'utf8'))) expect(blocksZoom(viewport)).toBe(false);
  });
});

describe('the tab bar', () => {
  it('is our own component (the native one cannot grow its labels)', () => {
    expect(config.tabBar.custom).toBe(true);
    expect(existsSync(join(root, 'src/custom-tab-bar/index.tsx'))).toBe(true);
    expect(existsSync(join(root, 'src/custom-tab-bar/index.config.ts'))).toBe(true);
  });

  it('has 18 px labels in elderly mode and targets of at least 44 px in every mode', () => {
    const { css } = compile(join(root, 'src/components/TabBar/index.scss'), { loadPaths: [join(root, 'src')] });
    const normalLabel = px(rule(css, '.linli-tabbar__label')['font-size']);
    const elderlyLabel = px(rule(css, '.linli-tabbar--elderly .linli-tabbar__label')['font-size']);
    expect(elderlyLabel).toBeGreaterThanOrEqual(36);
    expect(elderlyLabel).toBeGreaterThan(normalLabel);
    expect(px(rule(css, '.linli-tabbar__item')['min-height'])).toBeGreaterThanOrEqual(88);
    expect(px(rule(css, '.linli-tabbar--elderly .linli-tabbar__item')['min-height'])).toBeGreaterThanOrEqual(88);
    // opaque, above the home indicator
    expect(rule(css, '.linli-tabbar').background).toBe('#ffffff');
    expect(rule(css, '.linli-tabbar')['padding-bottom']).toBe('env(safe-area-inset-bottom)');
  });
});

describe('bottom bars', () => {
  // Fixed bars over page text: semi-transparent ones let the text show through their buttons.
  const bars: Array<[string, string]> = [
    ['src/package-leader/components/leader.scss', '.leader-bar'],
    ['src/pages/activity/index.scss', '.activity__bar'],
    ['src/pages/group/index.scss', '.group__bar'],
    ['src/components/CommunityPicker/index.scss', '.linli-community-picker__bar'],
    ['src/package-volunteer/components/volunteer.scss', '.volunteer-bar'],
  ];
  it.each(bars)('%s %s is opaque and clears the home indicator', (file, selector) => {
    const { css } = compile(join(root, file), { loadPaths: [join(root, 'src')] });
    const declarations = rule(css, selector);
    expect(declarations.background).toBe('#ffffff');
    expect(declarations.padding).toContain('env(safe-area-inset-bottom)');
  });
});

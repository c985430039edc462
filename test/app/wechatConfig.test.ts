/**
 * app.config.ts's WeChat settings point at real things: every preloadRule page is a page and
 * every package it names a subpackage; sitemap.json names only pages that exist, lets the
 * public ones be indexed and keeps private ones (staff, leaders, volunteer records, inbox,
 * sign-in) out. A page renamed without these files would fail silently in WeChat.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface AppConfig {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
  preloadRule: Record<string, { network?: 'all' | 'wifi'; packages: string[] }>;
  sitemapLocation: string;
  resizable: boolean;
  __usePrivacyCheck__: boolean;
}

interface Sitemap {
  rules: Array<{ action?: 'allow' | 'disallow'; page: string }>;
}

const root = join(__dirname, '../..');
(globalThis as { defineAppConfig?: (config: AppConfig) => AppConfig }).defineAppConfig = (config) => config;
const config = (require('../../src/app.config') as { default: AppConfig }).default;
const sitemap = JSON.parse(readFileSync(join(root, 'src', config.sitemapLocation), 'utf8')) as Sitemap;

const allPages = [...config.pages, ...config.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];

/** WeChat matches sitemap rules top to bottom; the first rule naming the page (or "*") decides. */
function indexed(page: string): boolean {
  const rule = sitemap.rules.find((r) => r.page === page || r.page === '*');
  return (rule?.action ?? 'allow') === 'allow';
}

describe('app.config WeChat settings', () => {
  it('every page of the config has its source', () => {
    for (const page of allPages) expect(existsSync(join(root, 'src', `${page}.tsx`)) || `missing src/${page}.tsx`).toBe(true);
  });

  it('preloadRule: real pages leading to real subpackages', () => {
    const roots = config.subPackages.map((pkg) => pkg.root);
    expect(Object.keys(config.preloadRule).length).toBeGreaterThan(0);
    for (const [page, rule] of Object.entries(config.preloadRule)) {
      expect(allPages).toContain(page);
      for (const name of rule.packages) expect(roots).toContain(name);
    }
    expect(config.preloadRule['pages/me/index']?.packages).toEqual(expect.arrayContaining(['package-volunteer', 'package-staff']));
    expect(config.preloadRule['pages/activity/index']?.packages).toContain('package-events');
  });

  it('sitemap.json: only existing pages; public ones indexed, private ones not', () => {
    for (const rule of sitemap.rules) {
      if (rule.page !== '*') expect(allPages).toContain(rule.page);
    }
    for (const page of ['pages/home/index', 'pages/activities/index', 'pages/group/index', 'pages/activity/index', 'package-volunteer/verify/index']) {
      expect(indexed(page) || `${page} should be indexed`).toBe(true);
    }
    const isPrivate = (page: string) =>
      /^package-(staff|leader|me|events)\//.test(page) ||
      (page.startsWith('package-volunteer/') && page !== 'package-volunteer/verify/index') ||
      ['pages/login/index', 'pages/inbox/index', 'pages/me/index', 'pages/my-activities/index', 'pages/proxies/index', 'pages/checkin/index'].includes(page);
    for (const page of allPages.filter(isPrivate)) expect(indexed(page) ? `${page} is indexed` : 'private').toBe('private');
  });

  it('PC WeChat may resize the window; privacy APIs go through the notice', () => {
    expect(config.resizable).toBe(true);
    expect(config.__usePrivacyCheck__).toBe(true);
  });
});

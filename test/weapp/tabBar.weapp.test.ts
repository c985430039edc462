/**
 * The custom tab bar from the real build (dist/weapp/custom-tab-bar, app.json tabBar.custom):
 * WeChat renders it as a component on tab pages, so it is loaded here as miniprogram-simulate
 * loads any component, beside a tab page of the same build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { account, groupCard, page } from '../components/support/fixtures';
import { DIST, loadPage, waitFor } from './harness';

if (!existsSync(join(DIST, 'app.js'))) throw new Error(`${DIST} is missing: run \`node config/build-app.mjs weapp\``);

interface Simulate {
  load(path: string, options: { compiler: string; rootPath: string }): string;
  render(id: string): { dom: HTMLElement; attach(parent: Element): void };
}

describe('weapp build: custom-tab-bar', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('is declared in app.json and renders the three tabs, the page shown marked', async () => {
    const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { tabBar: { custom?: boolean } };
    expect(app.tabBar.custom).toBe(true);
    expect(JSON.parse(readFileSync(join(DIST, 'custom-tab-bar/index.json'), 'utf8'))).toMatchObject({ component: true });

    const cloud = {
      init: jest.fn(),
      callFunction: jest.fn(async ({ data }: { data: { action: string } }) => ({
        errMsg: 'cloud.callFunction:ok',
        result: data.action === 'account.me' ? { ok: true, data: account() } : { ok: true, data: page([groupCard()]) },
      })),
    };
    // A tab page of the build: it launches the app and records itself as the tab shown.
    const { page: home } = loadPage('pages/home/index', { wx: { cloud } });
    await waitFor(() => home.dom.textContent?.includes('北苑晨练太极队'));

    const simulate = require('miniprogram-simulate') as Simulate;
    // Taro's component config may carry no behaviors list; simulate maps over one.
    const globals = globalThis as unknown as { Component: (definition: Record<string, unknown>) => unknown };
    const component = globals.Component;
    globals.Component = (definition) => component({ ...definition, behaviors: Array.isArray(definition.behaviors) ? definition.behaviors : [] });
    const id = simulate.load(join(DIST, 'custom-tab-bar/index'), { compiler: 'official', rootPath: DIST });
    const bar = simulate.render(id);
    bar.attach(document.createElement('parent-wrapper'));
    await waitFor(() => bar.dom.textContent?.includes('我的'));
    expect(bar.dom.textContent).toContain('首页');
    expect(bar.dom.textContent).toContain('活动');
    // the home page recorded itself when shown: its tab is the selected one (simulate prefixes
    // a component's classes with "main--")
    const selected = await waitFor(() => bar.dom.querySelector('.main--linli-tabbar__item--selected'));
    expect(selected.textContent).toBe('首页');
    expect(bar.dom.querySelectorAll('.main--linli-tabbar__item')).toHaveLength(3);
    // The icons are the package's own files (src/components/TabBar/icons.weapp.ts), the ones
    // app.json's tabBar names, not base64 copies inlined into the main package's scripts.
    const tabBar = (JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { tabBar: { list: Array<{ iconPath: string; selectedIconPath: string }> } }).tabBar.list;
    const common = readFileSync(join(DIST, 'common.js'), 'utf8');
    expect(common).not.toContain('data:image/png');
    for (const tab of tabBar) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(existsSync(join(DIST, icon))).toBe(true);
        expect(common).toContain(`"/${icon}"`);
      }
    }
  });
});

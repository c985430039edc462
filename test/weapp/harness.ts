/**
 * Loads pages of the REAL Taro build (dist/weapp) into miniprogram-simulate.
 *
 * Order matters:
 *  1. global.wx (our stubs) must exist before miniprogram-simulate is required: simulate does
 *     `global.wx = Object.assign(simulateApi, global.wx)`, so our stubs win over its mock API.
 *  2. App / getApp / getCurrentPages / Page must exist before dist/weapp/app.js runs: taro.js
 *     builds Taro.* from Object.keys(wx) when it loads and reads getApp/getCurrentPages as
 *     free globals; app.js calls App(), every page calls Page().
 *  3. require(dist/weapp/app.js): it requires ./vendors, ./taro, ./runtime, ./common itself.
 *     app.onLaunch() makes Taro mount the React root; pages mount into it on Page.onLoad.
 *  4. simulate.load(<dist>/pages/x/index, { compiler: 'official', rootPath: <dist> }) compiles
 *     every wxml under rootPath with the official wcc binary, then requires the page's js,
 *     which calls Page(); our Page shim forwards to simulate's Component().
 */
import { join, resolve } from 'node:path';

export const DIST = resolve(__dirname, '../../dist/weapp');

type Options = Record<string, unknown>;

interface SimulatedComponent {
  dom: HTMLElement;
  querySelector(selector: string): SimulatedComponent | null;
  querySelectorAll(selector: string): SimulatedComponent[];
  dispatchEvent(name: string, detail?: unknown): void;
  attach(parent: Element): void;
  detach(): void;
}

interface Simulate {
  load(path: string, options: { compiler: string; rootPath: string }): string;
  render(id: string): SimulatedComponent;
}

interface AppOptions {
  onLaunch(options: Options): void;
  onShow(options: Options): void;
}

interface PageInstance {
  route?: string;
  __route__?: string;
  options?: Options;
  onLoad?(query: Options): void;
  onShow?(): void;
  onReady?(): void;
  onUnload?(): void;
  onShareAppMessage?(options: Options): unknown;
}

/**
 * A chainable wx.createSelectorQuery (simulate's select() returns undefined, which crashes
 * NutUI Tabs): select() answers an empty rect, selectAll() an empty list.
 */
function createSelectorQuery() {
  const rect = { id: '', dataset: {}, left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0, scrollLeft: 0, scrollTop: 0 };
  const results: unknown[] = [];
  let all = false;
  const push = () => {
    results.push(all ? [] : { ...rect });
    return query;
  };
  const query = {
    in: () => query,
    select: () => {
      all = false;
      return query;
    },
    selectAll: () => {
      all = true;
      return query;
    },
    selectViewport: () => {
      all = false;
      return query;
    },
    boundingClientRect: push,
    scrollOffset: push,
    fields: push,
    node: push,
    exec: (callback?: (results: unknown[]) => void) => {
      setTimeout(() => callback?.(results.slice()), 0);
      return query;
    },
  };
  return query;
}

/** Page() options (what Taro's createPageConfig returns) as a Component() definition. */
function pageToComponent(pageOptions: Options, route: string, query: Options, pages: PageInstance[]) {
  const { data, ...rest } = pageOptions;
  const methods: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'function') methods[key] = value;
  }
  return {
    data,
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        this.route = route;
        this.__route__ = route;
        this.options = query;
        pages.push(this);
        this.onLoad?.(query);
      },
      ready(this: PageInstance) {
        this.onShow?.();
        this.onReady?.();
      },
      detached(this: PageInstance) {
        this.onUnload?.();
        const index = pages.indexOf(this);
        if (index >= 0) pages.splice(index, 1);
      },
    },
  };
}

export interface LoadedPage {
  page: SimulatedComponent;
  pages: PageInstance[];
}

type Globals = {
  wx: Record<string, unknown>;
  App: (options: AppOptions) => void;
  getApp: () => AppOptions | null;
  getCurrentPages: () => PageInstance[];
  Page: (options: Options) => void;
  Component: (definition: unknown) => void;
};

/**
 * Loads `route` of dist/weapp with `wx` stubs (e.g. { cloud }) on top of simulate's mock API.
 * Call jest.resetModules() before each load: app.js must run afresh.
 */
export function loadPage(route: string, options: { wx?: Record<string, unknown>; query?: Options } = {}): LoadedPage {
  const query = options.query ?? {};
  const pages: PageInstance[] = [];
  let app: AppOptions | null = null;
  const globals = globalThis as unknown as Globals;

  globals.wx = { createSelectorQuery, ...options.wx };
  const simulate = require('miniprogram-simulate') as Simulate;
  globals.App = (appOptions) => {
    app = appOptions;
  };
  globals.getApp = () => app;
  globals.getCurrentPages = () => pages;
  globals.Page = (pageOptions) => globals.Component(pageToComponent(pageOptions, route, query, pages));

  require(join(DIST, 'app.js'));
  const launched = app as AppOptions | null;
  if (!launched) throw new Error('dist/weapp/app.js did not call App()');
  const launch = { path: route, query, scene: 1001 };
  launched.onLaunch(launch);
  launched.onShow(launch);

  const id = simulate.load(join(DIST, route), { compiler: 'official', rootPath: DIST });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  return { page, pages };
}

/**
 * Polls (no fixed sleeps) until `predicate` returns something truthy. The bound only ends a wait
 * for something that will never come: a loaded 2-core CI renders several times slower than an
 * idle machine, so it sits well above any real wait (and below jest's 60 s testTimeout).
 */
export async function waitFor<T>(predicate: () => T, { timeout = 20_000, interval = 10 } = {}): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = predicate();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeout) throw new Error(`waitFor timed out after ${timeout} ms`);
    await new Promise((resolveTick) => setTimeout(resolveTick, interval));
  }
}

/**
 * Taps `element`, marking in `events` when the tap arrives ('tap') and when its handler has
 * returned ('tap returned'), and waits for both.
 */
export async function tapMarked(element: SimulatedComponent, events: string[]): Promise<void> {
  element.dom.addEventListener(
    'tap',
    () => {
      events.push('tap');
      queueMicrotask(() => events.push('tap returned'));
    },
    { once: true },
  );
  element.dispatchEvent('tap');
  await waitFor(() => events.includes('tap returned'));
}

/** The slice of `events` from the tap to its handler's return. */
export function inTheTap(events: string[]): string[] {
  return events.slice(events.indexOf('tap') + 1, events.indexOf('tap returned'));
}

export type { SimulatedComponent };

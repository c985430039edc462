/**
 * `@tarojs/taro` for jsdom component tests: the real H5 implementation (@tarojs/taro-h5, what the
 * h5 build aliases @tarojs/taro to) with three changes:
 *  - page lifecycle hooks: the real ones only fire inside a page the Taro router created, so
 *    here useLoad/useDidShow run once on mount and every hook registers its callback, which a
 *    test fires with `triggerLifecycle('reachBottom')` etc.;
 *  - navigation, toasts and bar APIs are jest mocks (there is no router or native UI);
 *  - `useRouter().params` is whatever the test put in `routerParams`.
 */
import { useEffect, useRef } from 'react';
import * as TaroH5 from '@tarojs/taro-h5';
import { Current } from '@tarojs/runtime';

/** taro-h5 DOM queries (NutUI Tabs) look up the current page's element by this id; see support/render.tsx. */
export const TEST_PAGE_ID = 'taro-test-page';
Current.page = { path: TEST_PAGE_ID, route: TEST_PAGE_ID } as typeof Current.page;

/** Query parameters of the page under test (`useRouter().params`, `useLoad`). */
export const routerParams: Record<string, string> = {};
/** Path of the page under test (`useRouter().path`). */
export const routerPath = { current: '/pages/test/index' };

export type LifecycleKind = 'didShow' | 'pullDownRefresh' | 'reachBottom' | 'shareAppMessage';
type Callback = () => unknown;
const registry: Record<LifecycleKind, Set<Callback>> = {
  didShow: new Set(),
  pullDownRefresh: new Set(),
  reachBottom: new Set(),
  shareAppMessage: new Set(),
};

/** Fires a page lifecycle event in every mounted component that listens; returns their results. */
export function triggerLifecycle(kind: LifecycleKind): unknown[] {
  return [...registry[kind]].map((callback) => callback());
}

function useLifecycle(kind: LifecycleKind, callback: Callback, runOnMount = false): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const listener = () => latest.current();
    registry[kind].add(listener);
    if (runOnMount) listener();
    return () => {
      registry[kind].delete(listener);
    };
  }, [kind, runOnMount]);
}

export const useDidShow = (callback: Callback) => useLifecycle('didShow', callback, true);
export const usePullDownRefresh = (callback: Callback) => useLifecycle('pullDownRefresh', callback);
export const useReachBottom = (callback: Callback) => useLifecycle('reachBottom', callback);
export const useShareAppMessage = (callback: Callback) => useLifecycle('shareAppMessage', callback);
export const useLoad = (callback: (params: Record<string, string>) => void) => useOnce(() => callback({ ...routerParams }));
export const useReady = (callback: Callback) => useOnce(callback);
export const useDidHide = (_callback: Callback) => undefined;
export const useUnload = (callback: Callback) => useEffect(() => () => void callback(), []);
export const useLaunch = (callback: Callback) => useOnce(callback);
export const usePageScroll = (_callback: Callback) => undefined;
export const useRouter = () => ({ params: { ...routerParams }, path: routerPath.current });

function useOnce(callback: Callback): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    latest.current();
  }, []);
}

const resolved = () => jest.fn((..._args: unknown[]) => Promise.resolve({ errMsg: 'ok' }));

/** APIs replaced by jest mocks; assert on them through the default export (`Taro.navigateTo`). */
export const mocked = {
  navigateTo: resolved(),
  navigateBack: resolved(),
  redirectTo: resolved(),
  reLaunch: resolved(),
  switchTab: resolved(),
  showToast: resolved(),
  setNavigationBarTitle: resolved(),
  setTabBarItem: resolved(),
  setClipboardData: resolved(),
  stopPullDownRefresh: jest.fn(),
  getCurrentPages: jest.fn(() => [] as Array<{ route: string }>),
};

// Like the H5 build, the default export carries every API (taro-h5's own default holds only a few).
const h5 = TaroH5 as unknown as Record<string, unknown> & { default: Record<string, unknown> };
const Taro: Record<string, unknown> = {
  ...h5,
  ...h5.default,
  ...mocked,
  useDidShow,
  usePullDownRefresh,
  useReachBottom,
  useShareAppMessage,
  useLoad,
  useReady,
  useDidHide,
  useUnload,
  useLaunch,
  usePageScroll,
  useRouter,
};

export * from '@tarojs/taro-h5';
export const { navigateTo, navigateBack, redirectTo, reLaunch, switchTab, showToast, setNavigationBarTitle, setTabBarItem, setClipboardData, stopPullDownRefresh, getCurrentPages } = mocked;
export default Taro;

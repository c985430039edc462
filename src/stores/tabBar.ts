/**
 * Which tab page is showing, for the custom tab bar. WeChat gives every tab page its own
 * custom-tab-bar instance and leaves the selected state to the app ("如需实现 tab 选中态，要在
 * 当前页面下 … 更新选中态", https://developers.weixin.qq.com/miniprogram/dev/framework/ability/custom-tabbar.html);
 * tab pages record their route here when shown (PageRoot), and every instance reads it.
 */
import { createStore } from './createStore';

export const currentTabStore = createStore<string>('');

/** Records the tab page now showing ('/pages/me/index'). */
export function showTab(route: string): void {
  currentTabStore.set(route.startsWith('/') ? route : `/${route}`);
}

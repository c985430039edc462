/**
 * Brings a form field into view. Every field wrapper carries the class `fieldAnchor(name)`:
 * WeChat's `wx.pageScrollTo({ selector })` takes SelectorQuery syntax (ids, classes,
 * descendants — no attribute selectors), so a class is what works on both platforms.
 * https://developers.weixin.qq.com/miniprogram/dev/api/ui/scroll/wx.pageScrollTo.html
 * On H5 the element scrolls itself into view (`Element.scrollIntoView`), which also works
 * inside Taro's H5 page container whatever element scrolls.
 */
import Taro from '@tarojs/taro';
import { isWeapp } from './platform';

/** The class that marks the wrapper of field `name` (class-name safe: field names are identifiers). */
export function fieldAnchor(name: string): string {
  return `form-anchor-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Scrolls the page so that field `name` is in view; a field not on the page is ignored. */
export function scrollToField(name: string): void {
  scrollToClass(fieldAnchor(name));
}

/** Scrolls the page so that the first element with class `className` is in view (a section, a field). */
export function scrollToClass(className: string): void {
  const selector = `.${className}`;
  if (isWeapp) {
    // offsetTop keeps the label visible under the navigation bar (base library 2.23.1+).
    Taro.pageScrollTo({ selector, offsetTop: -16, duration: 200 }).catch(() => undefined);
    return;
  }
  if (typeof document === 'undefined') return;
  const element = document.querySelector(selector);
  if (element && typeof element.scrollIntoView === 'function') element.scrollIntoView({ behavior: 'smooth', block: 'center' });
}

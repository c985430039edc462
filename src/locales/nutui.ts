/**
 * NutUI React Taro's own texts (input placeholders, picker buttons, empty states) in the app's
 * language: its shipped zh-CN and en-US locales, with the texts our pages show taken from our
 * catalogues (NutUI's en-US placeholder reads "Placeholder"). PageRoot hands the result to
 * NutUI's ConfigProvider, which its components read through `useConfig()`
 * (node_modules/@nutui/nutui-react-taro/dist/es/packages/configprovider/configprovider.js).
 */
import enUS from '@nutui/nutui-react-taro/dist/es/locales/en-US';
import zhCN from '@nutui/nutui-react-taro/dist/es/locales/zh-CN';
import type { BaseLang } from '@nutui/nutui-react-taro/dist/es/locales/base';
import { translate, type Locale } from './index';

const cache = new Map<Locale, BaseLang>();

/** NutUI's locale object for an app locale (built once per locale). */
export function nutuiLocaleOf(locale: Locale): BaseLang {
  const cached = cache.get(locale);
  if (cached) return cached;
  const base = locale === 'en' ? enUS : zhCN;
  const built: BaseLang = {
    ...base,
    placeholder: translate(locale, 'notices.nutui.placeholder'),
    select: translate(locale, 'notices.nutui.select'),
    confirm: translate(locale, 'notices.nutui.confirm'),
    cancel: translate(locale, 'notices.nutui.cancel'),
    noData: translate(locale, 'notices.nutui.noData'),
    infiniteloading: { ...base.infiniteloading, loadMoreText: translate(locale, 'notices.nutui.loadMoreText') },
  };
  cache.set(locale, built);
  return built;
}

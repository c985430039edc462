import { useEffect, type ReactNode } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ConfigProvider } from '@nutui/nutui-react-taro';
import { nutuiLocaleOf } from '../../locales/nutui';
import type { MessageKey } from '../../locales';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { applyTabBarLocale } from '../../utils/tabBar';
import { cx } from '../../utils/cx';
import { PrivacyPopup } from '../PrivacyPopup';

export interface PageRootProps {
  /** Locale key of the navigation bar title. */
  titleKey: MessageKey;
  /** Tab pages also relabel the tab bar when the language changes. */
  tab?: boolean;
  className?: string;
  /** Content is (re)loading: told to assistive technology as aria-busy. */
  busy?: boolean;
  children?: ReactNode;
}

/**
 * The root of every page: applies elderly mode and the language (as classes, so NutUI's CSS
 * variables cascade), keeps the navigation bar title in the current language, and holds the
 * privacy notice WeChat may ask for on any page.
 */
export function PageRoot({ titleKey, tab = false, className, busy = false, children }: PageRootProps) {
  const { t, locale } = useI18n();
  const { elderly } = useSettings();
  const heading = t(titleKey);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: heading }).catch(() => undefined);
  }, [heading]);

  useEffect(() => {
    if (tab) applyTabBarLocale(locale);
  }, [tab, locale]);

  // A language changed on another page shows when the user comes back.
  useDidShow(() => {
    if (tab) applyTabBarLocale(locale);
  });

  return (
    <View className={cx('linli-page', elderly && 'linli-page--elderly', `linli-page--${locale}`, className)} data-locale={locale} aria-busy={busy}>
      {/* NutUI's own texts (placeholders, picker buttons) follow the app's language. */}
      <ConfigProvider locale={nutuiLocaleOf(locale)} className='linli-page__body'>
        {children}
      </ConfigProvider>
      {/* weapp: WeChat's privacy notice, whichever page's API asks (renders nothing on H5). */}
      <PrivacyPopup />
    </View>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ConfigProvider } from '@nutui/nutui-react-taro';
import { nutuiLocaleOf } from '../../locales/nutui';
import type { MessageKey } from '../../locales';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { cx } from '../../utils/cx';
import { isH5 } from '../../utils/platform';
import { TAB_ROUTES } from '../../utils/routes';
import { useStore } from '../../stores/createStore';
import { currentTabStore, showTab } from '../../stores/tabBar';
import { ElderlyPrompt } from '../ElderlyPrompt';
import { PrivacyPopup } from '../PrivacyPopup';
import { useKeyboardAccess } from './keyboardAccess';
import { TabBar } from '../TabBar';

export interface PageRootProps {
  /** Locale key of the navigation bar title. */
  titleKey: MessageKey;
  /**
   * A tab page: it shows the custom tab bar (which follows elderly mode and the language), and
   * offers elderly mode once on first run.
   */
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
  const root = useRef<HTMLElement>(null);
  useKeyboardAccess(root, t('common.mainNavigation'));
  const path = useRouter().path.split('?')[0] ?? '';
  const route = TAB_ROUTES.find((candidate) => candidate === path || candidate === `/${path}`) ?? null;
  const currentTab = useStore(currentTabStore);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: heading }).catch(() => undefined);
  }, [heading]);

  // The custom tab bar marks the tab now showing (it reads the language and the unread count
  // itself: with tabBar.custom, WeChat's setTabBarItem/setTabBarBadge no longer apply).
  useDidShow(() => {
    if (tab && route) showTab(route);
  });

  return (
    // The page's main landmark (WCAG 1.3.1; axe's `region` and `landmark-one-main`), named by its title.
    <View ref={root} className={cx('linli-page', elderly && 'linli-page--elderly', tab && 'linli-page--tab', `linli-page--${locale}`, className)} data-locale={locale} aria-busy={busy ? 'true' : 'false'} role='main' aria-label={heading}>
      {/* First run: large text is offered on the first tab page opened, before anything else. */}
      {tab ? <ElderlyPrompt /> : null}
      {/* NutUI's own texts (placeholders, picker buttons) follow the app's language. */}
      <ConfigProvider locale={nutuiLocaleOf(locale)} className='linli-page__body'>
        {children}
      </ConfigProvider>
      {/* H5: Taro's router draws no tab bar when tabBar.custom is set, so tab pages draw ours
          (weapp: WeChat renders src/custom-tab-bar). */}
      {tab && isH5 ? <TabBar current={route ?? currentTab} /> : null}
      {/* weapp: WeChat's privacy notice, whichever page's API asks (renders nothing on H5). */}
      <PrivacyPopup />
    </View>
  );
}

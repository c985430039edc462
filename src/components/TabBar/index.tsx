import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { MessageKey } from '../../locales';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { useStore } from '../../stores/createStore';
import { unreadStore } from '../../stores/events';
import { routes, type TAB_ROUTES } from '../../utils/routes';
import { cx } from '../../utils/cx';
import { pressable } from '../Pressable';
import { tabIcons } from './icons';
import './index.scss';

interface TabItem {
  route: (typeof TAB_ROUTES)[number];
  label: MessageKey;
  icon: string;
  activeIcon: string;
}

/** The tabs, in the order of app.config.ts's tabBar.list (WeChat still reads that list to know the tab pages). */
export const TAB_ITEMS: readonly TabItem[] = [
  { route: routes.home, label: 'tabs.home', ...tabIcons.home },
  { route: routes.activities, label: 'tabs.activities', ...tabIcons.activities },
  { route: routes.me, label: 'tabs.me', ...tabIcons.me },
];

export interface TabBarProps {
  /** The route of the tab page showing ('/pages/me/index'). */
  current: string;
}

/**
 * The app's tab bar, drawn by us so that it follows elderly mode (the native tab bar's labels
 * stay at 10 px whatever the page does) and the language, with the inbox's unread count on the Me tab.
 * weapp: rendered by WeChat from src/custom-tab-bar (tabBar.custom); H5: Taro's router draws no
 * tab bar when tabBar.custom is set (@tarojs/router initTabbar returns early), so PageRoot
 * renders this one on tab pages.
 */
export function TabBar({ current }: TabBarProps) {
  const { t } = useI18n();
  const { elderly } = useSettings();
  const unread = useStore(unreadStore);
  const open = (route: string) => {
    if (route !== current) Taro.switchTab({ url: route }).catch(() => undefined);
  };
  return (
    <View className={cx('linli-tabbar', elderly && 'linli-tabbar--elderly')} role='navigation' aria-label={t('tabs.label')}>
      {TAB_ITEMS.map((item) => {
        const selected = item.route === current;
        const badge = item.route === routes.me && unread !== null && unread > 0 ? (unread > 99 ? '99+' : String(unread)) : null;
        return (
          <View
            key={item.route}
            className={cx('linli-tabbar__item', 'linli-pressable', selected && 'linli-tabbar__item--selected')}
            // Keyboard users reach and open tabs as they do cards (Enter/Space, focus ring).
            {...pressable(() => open(item.route), { role: 'link', label: badge ? t('tabs.withUnread', { label: t(item.label), count: badge }) : t(item.label) })}
            aria-current={selected ? 'page' : undefined}
            data-route={item.route}
            onClick={() => open(item.route)}
          >
            {/* The label comes first in reading order and the icon is drawn above it (CSS order):
                the visible text then reads "label count", a prefix of the accessible name
                (WCAG 2.5.3 Label in Name; axe label-content-name-mismatch). */}
            <Text className='linli-tabbar__label'>{t(item.label)}</Text>
            <View className='linli-tabbar__icon-wrap'>
              {/* Decorative: the label names the tab. */}
              <Image className='linli-tabbar__icon' src={selected ? item.activeIcon : item.icon} mode='aspectFit' aria-hidden />
              {badge ? <Text className='linli-tabbar__badge'>{badge}</Text> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}

/** Tab bar labels follow the chosen language (the static ones in app.config.ts are Chinese). */
import Taro from '@tarojs/taro';
import { translate, type Locale, type MessageKey } from '../locales';

const TAB_LABELS: readonly MessageKey[] = ['tabs.home', 'tabs.activities', 'tabs.me'];

export function applyTabBarLocale(locale: Locale): void {
  TAB_LABELS.forEach((key, index) => {
    // Fails harmlessly where there is no tab bar (a non-tab page on some platforms).
    Taro.setTabBarItem({ index, text: translate(locale, key) }).catch(() => undefined);
  });
}

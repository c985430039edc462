/**
 * weapp: a new version of the mini-program. WeChat may start an old cached package; it checks
 * for a new one at every start (hot starts too) and downloads it in the background. The old code
 * would keep meeting a newer server's replies, which fail its response schemas (BAD_RESPONSE),
 * so once the new package is downloaded we offer a restart into it (applyUpdate). Declining is
 * safe: WeChat starts the new version next time.
 * https://developers.weixin.qq.com/miniprogram/dev/api/base/update/UpdateManager.html
 */
import Taro from '@tarojs/taro';
import { translate } from '../locales';
import { serviceLocale } from './locale';

export function watchForUpdates(): void {
  // H5 always loads the newest files; old base libraries (< 1.9.90) have no update manager.
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.getUpdateManager !== 'function') return;
  const manager = Taro.getUpdateManager();
  manager.onUpdateReady(() => {
    const locale = serviceLocale();
    Taro.showModal({
      title: translate(locale, 'update.title'),
      content: translate(locale, 'update.body'),
      confirmText: translate(locale, 'update.restart'),
      cancelText: translate(locale, 'update.later'),
    })
      .then(({ confirm }) => {
        if (confirm) manager.applyUpdate();
      })
      .catch(() => undefined);
  });
  // A failed download changes nothing now: WeChat tries again on the next cold start.
  manager.onUpdateFailed(() => undefined);
}

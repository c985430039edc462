/**
 * Synchronous Taro storage that never throws: storage can fail (quota, private mode, a
 * simulator without it), and a preference that cannot be saved must not break a page.
 */
import Taro from '@tarojs/taro';

export const STORAGE_KEYS = {
  token: 'linli.token',
  locale: 'linli.locale',
  elderly: 'linli.elderly',
  /** Set once the first-run "需要大字模式吗？" prompt was answered (or the mode was switched). */
  elderlyOffered: 'linli.elderlyOffered',
} as const;

export function readStorage(key: string): unknown {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

export function writeStorage(key: string, value: string | boolean): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // best effort: the setting still applies for this session
  }
}

export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // nothing stored, nothing to remove
  }
}

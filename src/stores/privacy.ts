/**
 * WeChat's privacy requests (weapp). Before a privacy API or component runs (avatar, nickname,
 * location, album…) and the user has not agreed yet, WeChat holds the call and asks through
 * wx.onNeedPrivacyAuthorization; the call goes on or fails when we resolve with the user's
 * answer. The listener is registered once for the whole app (wx has no "off", and a page's own
 * registration would leave a closed page answering); the requests wait here, and the
 * PrivacyPopup that PageRoot mounts on every page shows while any does.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html
 */
import Taro from '@tarojs/taro';
import { createStore, useStore } from './createStore';

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;

/** Every call WeChat holds: two privacy APIs may ask before the user answers once. */
const pending = createStore<readonly Resolve[]>([]);
let listening = false;

/** Registers the one listener (weapp, base library ≥ 2.32.3); later calls do nothing. */
export function listenForPrivacyRequests(): void {
  if (listening || process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  listening = true;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending.set((current) => [...current, resolve]);
    // Tells WeChat our own notice is on screen (the popup renders from this store right away).
    resolve({ event: 'exposureAuthorization' });
  });
}

/**
 * The user's answer for every held call: "agree" only after a tap on the button with
 * open-type="agreePrivacyAuthorization" and this id (WeChat checks that it was tapped), else
 * "disagree", and the held calls fail with "privacy permission is not authorized".
 */
export function answerPrivacyRequests(agreed: boolean, buttonId: string): void {
  const waiting = pending.get();
  pending.set([]);
  for (const resolve of waiting) resolve(agreed ? { event: 'agree', buttonId } : { event: 'disagree' });
}

/** Whether a privacy request waits for the user's answer. */
export function usePrivacyRequested(): boolean {
  return useStore(pending).length > 0;
}

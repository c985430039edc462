/**
 * Activity state shared across pages: a version that counts sign-up and activity changes (so a
 * list shown earlier reloads when the user comes back to it) and the inbox's unread count,
 * mirrored on the 我的 tab as a badge.
 */
import Taro from '@tarojs/taro';
import { call } from '../services/cloud';
import { routes, TAB_ROUTES } from '../utils/routes';
import { createStore } from './createStore';

export const activityVersion = createStore(0);

/** Call after a sign-up, cancellation, offer confirmation, check-in or an activity edit. */
export function activitiesChanged(): void {
  activityVersion.set((v) => v + 1);
}

/** Unread inbox items; null until first known. */
export const unreadStore = createStore<number | null>(null);

const ME_TAB = (TAB_ROUTES as readonly string[]).indexOf(routes.me);

/** Shows the count on the 我的 tab (or clears it). Best effort: pages without a tab bar reject. */
export function applyUnreadBadge(count: number | null): void {
  if (count !== null && count > 0) {
    Taro.setTabBarBadge({ index: ME_TAB, text: count > 99 ? '99+' : String(count) }).catch(() => undefined);
  } else {
    Taro.removeTabBarBadge({ index: ME_TAB }).catch(() => undefined);
  }
}

export function setUnread(count: number): void {
  unreadStore.set(count);
  applyUnreadBadge(count);
}

let inflight: Promise<void> | null = null;

/** Asks the server how many inbox items are unread; concurrent callers share one request. */
export function refreshUnread(): Promise<void> {
  inflight ??= call('inbox.list', { limit: 1 })
    .then((page) => setUnread(page.unread))
    // The badge is a hint; a failed count leaves the last one in place.
    .catch(() => undefined)
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

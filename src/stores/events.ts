/**
 * Activity state shared across pages: a version that counts sign-up and activity changes (so a
 * list shown earlier reloads when the user comes back to it) and the inbox's unread count,
 * shown on the 我的 tab by the custom tab bar (src/components/TabBar).
 */
import { call } from '../services/cloud';
import { createStore } from './createStore';

export const activityVersion = createStore(0);

/** Call after a sign-up, cancellation, offer confirmation, check-in or an activity edit. */
export function activitiesChanged(): void {
  activityVersion.set((v) => v + 1);
}

/** Unread inbox items; null until first known. */
export const unreadStore = createStore<number | null>(null);

export function setUnread(count: number): void {
  unreadStore.set(count);
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

/**
 * The signed-in account for pages that need one. Without an H5 session it sends the user to
 * the sign-in page; with `requireCommunity`, a user without a home community goes to the
 * community picker first (the first-run flow).
 */
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { hasSession } from '../services/cloud';
import { loadAccount, sessionStore, type SessionState } from '../stores/session';
import { useStore } from '../stores/createStore';
import { communityPath, loginPath } from '../utils/routes';

export interface AccountState extends SessionState {
  retry: () => void;
}

const retry = () => {
  void loadAccount(true);
};

export function useAccount(options: { requireCommunity?: boolean } = {}): AccountState {
  const state = useStore(sessionStore);
  const requireCommunity = options.requireCommunity ?? false;
  const router = useRouter();

  useEffect(() => {
    if (!hasSession()) {
      // Come back here after signing in (e.g. a group link opened in a fresh browser).
      const query = Object.entries(router.params)
        .filter(([key, value]) => key !== '$taroTimestamp' && typeof value === 'string')
        .map(([key, value]) => `${key}=${encodeURIComponent(value ?? '')}`)
        .join('&');
      const here = `/${router.path.replace(/^\//, '').split('?')[0]}${query ? `?${query}` : ''}`;
      Taro.reLaunch({ url: loginPath(here) }).catch(() => undefined);
      return;
    }
    void loadAccount().then((me) => {
      if (me && requireCommunity && !me.account.homeCommunity) {
        Taro.reLaunch({ url: communityPath(true) }).catch(() => undefined);
      }
    });
    // Runs once per page: the route of a page does not change while it is open.
  }, [requireCommunity]);

  return { ...state, retry };
}

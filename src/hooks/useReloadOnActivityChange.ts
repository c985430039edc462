/**
 * Reloads a page's data when it is shown again after a sign-up or activity changed elsewhere
 * (another page answered with the new state; this one still shows the old).
 */
import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { activityVersion } from '../stores/events';

export function useReloadOnActivityChange(reload: () => void): void {
  const seen = useRef(activityVersion.get());
  useDidShow(() => {
    const version = activityVersion.get();
    if (version !== seen.current) {
      seen.current = version;
      reload();
    }
  });
}

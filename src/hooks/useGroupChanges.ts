/** Runs `onChange` when the page is shown again after another page changed the group. */
import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { groupVersion } from '../stores/groupChanges';

export function useGroupChanges(groupId: string, onChange: () => void): void {
  const seen = useRef(groupVersion(groupId));
  useDidShow(() => {
    const version = groupVersion(groupId);
    if (version === seen.current) return;
    seen.current = version;
    onChange();
  });
}

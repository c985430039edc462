/**
 * The home page's pin of urgent committee notices (water cuts, weather warnings…) of her community
 * that are in force and that she has not dismissed: each opens the notice; "Got it" closes it for
 * good (notices.dismiss keeps her dismissal, and counts as reading it). Shows nothing while
 * loading, when there is none, or when the pin cannot be fetched — the page beneath matters more.
 */
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Notice } from '@nutui/icons-react-taro';
import type { NoticeView } from '../../shared/schemas/notices';
import { call } from '../../services/cloud';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { noticeDetailPath } from '../../utils/noticeRoutes';
import { cx } from '../../utils/cx';
import { pressable } from '../Pressable';
import { colors } from '../../styles/colors';
import './index.scss';

export interface UrgentNoticesProps {
  /** Her home community; nothing is asked before she has one. */
  communityId: string | null;
}

export function UrgentNotices({ communityId }: UrgentNoticesProps) {
  const { t } = useI18n();
  const pinned = useAsync(() => call('notices.pinned', {}), [communityId], { enabled: communityId !== null });
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  // Back from a notice or another tab: a notice may have come or gone meanwhile.
  useDidShow(() => {
    if (communityId && pinned.data) void pinned.reload();
  });

  const items = (pinned.data?.items ?? []).filter((n) => !dismissed.has(n.id));
  if (items.length === 0) return null;
  const openNotice = (notice: NoticeView) => void Taro.navigateTo({ url: noticeDetailPath(notice.id) }).catch(() => undefined);
  const dismiss = (notice: NoticeView) => {
    setDismissed((current) => new Set([...current, notice.id]));
    // Hidden at once; if the server did not keep it, it comes back on the next visit.
    call('notices.dismiss', { noticeId: notice.id }).catch(() => undefined);
  };
  return (
    <View className='urgent-notices' role='region' aria-label={t('communityNotices.pin.label')}>
      {items.map((notice) => (
        <View key={notice.id} className='urgent-notices__item' data-notice-id={notice.id}>
          <View className='urgent-notices__head'>
            <Notice size={20} color={colors.danger} />
            <Text className='urgent-notices__label'>{`${t('communityNotices.pin.label')}${t('common.separator')}${t(`communityNotices.kinds.${notice.kind}`)}`}</Text>
          </View>
          {/* A link to the notice for touch and keyboard alike (Tab reaches it, Enter opens it). */}
          <View className={cx('linli-pressable', 'urgent-notices__main')} onClick={() => openNotice(notice)} {...pressable(() => openNotice(notice), { role: 'link' })}>
            <Text className='urgent-notices__title'>{notice.title}</Text>
            <Text className='urgent-notices__body'>{notice.body}</Text>
            <Text className='urgent-notices__open'>{t('communityNotices.pin.open')}</Text>
          </View>
          <Button className='urgent-notices__dismiss' fill='outline' aria-label={t('communityNotices.pin.dismissLabel', { title: notice.title })} onClick={() => dismiss(notice)}>
            {t('communityNotices.pin.dismiss')}
          </Button>
        </View>
      ))}
    </View>
  );
}

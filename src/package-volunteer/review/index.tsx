import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ReasonDialog } from '../../components/ReasonDialog';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { formatDateTime } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { hoursOf } from '../components/format';
import '../components/volunteer.scss';
import './index.scss';
import { DANGER_BUTTON } from '../../styles/buttons';

type Item = OutputOf<'hours.queue'>['items'][number];

/** Approve or reject one queue item: self-reports are decided on their record, corrections on themselves. */
function decide(item: Item, approve: boolean, reason?: string) {
  const decision = { approve, ...(reason ? { reason } : {}) };
  return item.kind === 'self_report' ? call('hours.review', { recordId: item.recordId, ...decision }) : call('hours.reviewCorrection', { correctionId: item.id, ...decision });
}

/**
 * What waits for a leader or staff member: self-reported hours (with their evidence photo) and
 * correction requests, oldest first, the ones past the 3-day deadline marked. Approve, or reject
 * with a reason the volunteer will read.
 */
export default function ReviewPage() {
  const { t } = useI18n();
  useAccount();
  const queue = usePaged<Item>((offset) => call('hours.queue', { offset, limit: 20 }), (item) => `${item.kind}:${item.id}`, []);
  const [approving, setApproving] = useState<Item | null>(null);
  const [rejecting, setRejecting] = useState<Item | null>(null);

  usePullDownRefresh(() => {
    void queue.refresh().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => {
    if (queue.hasMore && !queue.loadingMore && !queue.loading) void queue.loadMore();
  });

  const done = (item: Item, message: string) => {
    queue.setItems((items) => items.filter((x) => !(x.kind === item.kind && x.id === item.id)));
    Taro.showToast({ title: message, icon: 'none' }).catch(() => undefined);
  };

  const approve = async () => {
    if (!approving) return;
    try {
      await decide(approving, true);
      done(approving, t('volunteer.review.approved'));
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    }
  };

  const render = () => {
    if (queue.loading) return <LoadingState cards={3} />;
    if (queue.error) return <ErrorState message={queue.error} onRetry={() => void queue.refresh()} />;
    if (queue.items.length === 0) return <EmptyState title={t('volunteer.review.empty')} description={t('volunteer.review.emptyHint')} />;
    return (
      <View className='linli-section'>
        <Text className='linli-section__title'>{t('volunteer.review.count', { count: queue.total })}</Text>
        <View className='volunteer-list'>
          {queue.items.map((item) => (
            <View key={`${item.kind}:${item.id}`} className={cx('linli-card volunteer-item review__item', item.overdue && 'review__item--overdue')} data-item-id={item.id}>
              <View className='volunteer-item__head'>
                <Text className='volunteer-item__title'>{t('volunteer.review.who', { name: item.nickname, group: item.groupName })}</Text>
                <Tag type={item.kind === 'correction' ? 'primary' : 'default'}>{t(`volunteer.review.kinds.${item.source ?? item.kind}`)}</Tag>
                {item.overdue ? (
                  <Tag className='review__overdue' type='danger'>
                    {t('volunteer.review.overdue')}
                  </Tag>
                ) : null}
              </View>
              <Text className='volunteer-item__line'>{t('volunteer.review.serviceDate', { date: item.serviceDate })}</Text>
              <Text className='volunteer-item__line review__minutes'>
                {item.kind === 'correction' && item.requestedMinutes !== null
                  ? t('volunteer.review.correction', { from: hoursOf(item.minutes), to: hoursOf(item.requestedMinutes) })
                  : t('volunteer.review.minutes', { hours: hoursOf(item.minutes) })}
              </Text>
              <Text className='volunteer-item__line'>{item.content}</Text>
              {item.reason ? <Text className='volunteer-item__line'>{t('volunteer.review.reason', { reason: item.reason })}</Text> : null}
              <Text className='volunteer-item__line'>{formatDateTime(t, item.createdAt)}</Text>
              {item.evidence ? (
                <Image
                  className='volunteer-item__evidence'
                  src={item.evidence}
                  mode='aspectFill'
                  ariaLabel={t('volunteer.review.evidence')}
                  onClick={() => {
                    const url = item.evidence ?? '';
                    Taro.previewImage({ urls: [url], current: url }).catch(() => undefined);
                  }}
                />
              ) : null}
              <View className='volunteer-item__actions'>
                <Button className={`review__reject ${DANGER_BUTTON}`} fill='outline' onClick={() => setRejecting(item)}>
                  {t('volunteer.review.reject')}
                </Button>
                <Button className='review__approve' type='primary' onClick={() => setApproving(item)}>
                  {t('volunteer.review.approve')}
                </Button>
              </View>
            </View>
          ))}
          <ListFooter hasMore={queue.hasMore} loadingMore={queue.loadingMore} error={queue.moreError} onLoadMore={() => void queue.loadMore()} />
        </View>
      </View>
    );
  };

  return (
    <PageRoot titleKey='volunteer.titles.review' className='hours-review' busy={queue.loading}>
      <Text className='volunteer-intro'>{t('volunteer.review.intro')}</Text>
      {render()}
      <ConfirmDialog
        visible={approving !== null}
        title={t('volunteer.review.approveTitle')}
        message={t('volunteer.review.approveMessage')}
        confirmText={t('volunteer.review.approve')}
        onConfirm={approve}
        onClose={() => setApproving(null)}
      />
      <ReasonDialog
        visible={rejecting !== null}
        title={t('volunteer.review.rejectTitle')}
        confirmText={t('volunteer.review.reject')}
        placeholder={t('volunteer.common.reasonPlaceholder')}
        onConfirm={async (reason) => {
          if (!rejecting) return;
          await decide(rejecting, false, reason);
          done(rejecting, t('volunteer.review.rejected'));
          setRejecting(null);
        }}
        onClose={() => setRejecting(null)}
      />
    </PageRoot>
  );
}

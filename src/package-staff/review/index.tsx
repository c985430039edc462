import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Checked } from '@nutui/icons-react-taro';
import type { ApplicationView } from '../../shared/schemas/groups';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { GroupBadge } from '../../components/GroupBadge';
import { ListFooter } from '../../components/ListFooter';
import { ReasonDialog } from '../../components/ReasonDialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { groupChanged } from '../../stores/groupChanges';
import { TYPE_COLORS } from '../../utils/groupStyle';
import { formatDateTime } from '../../utils/registryFormat';
import { groupPath } from '../../utils/routes';
import { cx } from '../../utils/cx';
import { ApproveDialog } from './ApproveDialog';
import './index.scss';
import { colors } from '../../styles/colors';
import { DANGER_BUTTON } from '../../styles/buttons';

const PAGE_SIZE = 20;

/**
 * The applications this staff member may review (their grants decide: committee → community-
 * managed, street → filed, county → registered), oldest first. Approve (with the number where
 * the level needs one) or decline with a reason. Usable at desktop width in a browser too.
 */
export default function ReviewPage() {
  const { t } = useI18n();
  const focusId = useRouter().params.id ?? '';
  useAccount();
  const queue = usePaged((offset) => call('groups.reviewQueue', { offset, limit: PAGE_SIZE }), (item) => item.group.id, []);
  const [approving, setApproving] = useState<ApplicationView | null>(null);
  const [declining, setDeclining] = useState<ApplicationView | null>(null);

  usePullDownRefresh(() => {
    void queue.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (queue.hasMore && !queue.loading && !queue.loadingMore) void queue.loadMore();
  });

  const decided = (application: ApplicationView, message: string) => {
    queue.setItems(queue.items.filter((item) => item.group.id !== application.group.id));
    groupChanged(application.group.id);
    Taro.showToast({ title: message, icon: 'none' }).catch(() => undefined);
  };

  const approve = async (number: string | undefined, note: string | undefined) => {
    if (!approving) return;
    await call('groups.review', { groupId: approving.group.id, decision: 'approve', ...(number ? { number } : {}), ...(note ? { reason: note } : {}) });
    decided(approving, t('registry.review.approved', { name: approving.group.name }));
  };

  const decline = async (reason: string | undefined) => {
    if (!declining) return;
    await call('groups.review', { groupId: declining.group.id, decision: 'reject', reason: reason ?? '' });
    decided(declining, t('registry.review.rejected', { name: declining.group.name }));
  };

  // The application opened from a group page comes first; the rest stay oldest first.
  const items = focusId ? [...queue.items].sort((a, b) => Number(b.group.id === focusId) - Number(a.group.id === focusId)) : queue.items;

  const body = () => {
    if (queue.loading && !queue.loaded) return <LoadingState cards={3} />;
    if (queue.error) return <ErrorState message={queue.error} onRetry={() => void queue.refresh()} />;
    if (items.length === 0) return <EmptyState title={t('registry.review.empty')} description={t('registry.review.emptyHint')} icon={<Checked size={40} color={colors.decoration} />} />;
    return (
      <>
        <View className='review__list'>
          {items.map((item) => (
            <ApplicationCard key={item.group.id} item={item} focused={item.group.id === focusId} onApprove={() => setApproving(item)} onDecline={() => setDeclining(item)} />
          ))}
        </View>
        <ListFooter hasMore={queue.hasMore} loadingMore={queue.loadingMore} error={queue.moreError} onLoadMore={() => void queue.loadMore()} />
      </>
    );
  };

  return (
    <PageRoot titleKey='registry.titles.review' className='review' busy={queue.loading}>
      <View className='review__frame'>
        <View className='review__head'>
          <Text className='review__intro'>{t('registry.review.intro')}</Text>
          {queue.loaded ? <Text className='review__total'>{t('registry.review.total', { count: queue.total })}</Text> : null}
        </View>
        {body()}
      </View>
      <ApproveDialog application={approving} onConfirm={approve} onClose={() => setApproving(null)} />
      <ReasonDialog
        visible={declining !== null}
        title={declining ? t('registry.review.rejectTitle', { name: declining.group.name }) : ''}
        message={t('registry.review.rejectMessage')}
        confirmText={t('registry.common.reject')}
        onConfirm={decline}
        onClose={() => setDeclining(null)}
      />
    </PageRoot>
  );
}

interface ApplicationCardProps {
  item: ApplicationView;
  focused: boolean;
  onApprove: () => void;
  onDecline: () => void;
}

function ApplicationCard({ item, focused, onApprove, onDecline }: ApplicationCardProps) {
  const { t } = useI18n();
  const typeColors = TYPE_COLORS[item.group.type];
  return (
    <View className={cx('linli-card review__item', focused && 'review__item--focused')} data-group-id={item.group.id}>
      <View className='review__item-head'>
        <GroupBadge type={item.group.type} />
        <View className='review__item-titles'>
          <Text className='review__name'>{item.group.name}</Text>
          <View className='review__tags'>
            <Tag background={typeColors.soft} color={typeColors.strong}>
              {t(`groupTypes.${item.group.type}`)}
            </Tag>
            <Tag plain color={colors.ink2}>
              {t(`levels.${item.managementLevel}`)}
            </Tag>
          </View>
        </View>
      </View>
      <Text className='review__summary'>{item.group.summary}</Text>
      <Text className='review__meta'>
        {[item.group.regionName, t('registry.review.applicant', { name: item.applicant.nickname }), t('registry.review.submittedAt', { time: formatDateTime(item.submittedAt) })].join(
          t('common.separator'),
        )}
      </Text>
      <View className='review__actions'>
        <Button className='review__approve' type='primary' size='small' onClick={onApprove}>
          {t('registry.common.approve')}
        </Button>
        <Button className={`review__reject ${DANGER_BUTTON}`} size='small' fill='outline' onClick={onDecline}>
          {t('registry.common.reject')}
        </Button>
        <Button className='review__details' size='small' fill='none' onClick={() => void Taro.navigateTo({ url: groupPath(item.group.id) }).catch(() => undefined)}>
          {t('registry.review.details')}
        </Button>
      </View>
    </View>
  );
}

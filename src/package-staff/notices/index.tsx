import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { NoticesWithdrawInput, type NoticeView } from '../../shared/schemas/notices';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { ListFooter } from '../../components/ListFooter';
import { ReasonDialog } from '../../components/ReasonDialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { usePagedList } from '../../hooks/usePagedList';
import { needsRegionTree, rollCallCommunities } from '../components/rollCallCommunities';
import { NoticeForm } from './NoticeForm';
import { NoticeRow } from './NoticeRow';
import '../components/staff.scss';
import './index.scss';

/**
 * Committee notices for staff: write one to every resident of a community (published at once or
 * kept as a draft), edit or publish drafts, withdraw published ones with a reason, and see how
 * many residents have read each. Street and county staff choose among the communities below them.
 */
export default function StaffNoticesPage() {
  const { t } = useI18n();
  const preferred = useRouter().params.communityId ?? null;
  const account = useAccount();
  const wantsTree = account.me ? needsRegionTree(account.me.account) : false;
  const tree = useAsync(() => call('regions.tree', {}), [wantsTree], { enabled: wantsTree });
  const communities = account.me ? rollCallCommunities(account.me.account, tree.data?.roots ?? []) : [];
  const [chosen, setChosen] = useState<string | null>(preferred);
  const communityId = chosen ?? communities[0]?.id ?? null;

  const render = () => {
    if (!account.me) return account.status === 'error' ? <ErrorState message={account.error ?? ''} onRetry={account.retry} /> : <LoadingState cards={2} />;
    if (wantsTree && tree.error) return <ErrorState message={tree.error} onRetry={() => void tree.reload()} />;
    if (wantsTree && !tree.data) return <LoadingState cards={2} />;
    if (!communityId) return <EmptyState title={t('communityNotices.staff.noCommunity')} description={t('communityNotices.staff.noCommunityHint')} />;
    return (
      <>
        <Text className='staff-intro'>{t('communityNotices.staff.intro')}</Text>
        {communities.length > 1 ? (
          <View className='linli-section'>
            <Text className='linli-section__title'>{t('communityNotices.staff.community')}</Text>
            <ChoiceChips options={communities.map((c) => ({ value: c.id, label: c.name }))} value={communityId} onChange={setChosen} />
          </View>
        ) : null}
        <CommunityNotices key={communityId} communityId={communityId} />
      </>
    );
  };

  return (
    <PageRoot titleKey='communityNotices.staff.title' className='staff-page notices-staff'>
      <View className='staff-frame'>{render()}</View>
    </PageRoot>
  );
}

/** The form and the list of one community's notices. */
function CommunityNotices({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const list = usePagedList<NoticeView>((offset, limit) => call('notices.list', { communityId, offset, limit }), [communityId], { pageSize: 20, keyOf: (n) => n.id });
  const [editing, setEditing] = useState<NoticeView | null>(null);
  const [withdrawing, setWithdrawing] = useState<NoticeView | null>(null);
  const replace = (saved: NoticeView) => list.setItems((items) => (items.some((n) => n.id === saved.id) ? items.map((n) => (n.id === saved.id ? saved : n)) : [saved, ...items]));

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.loading) void list.loadMore();
  });

  const withdraw = async (reason: string | undefined) => {
    const notice = withdrawing!;
    const next = await call('notices.withdraw', { noticeId: notice.id, reason: reason ?? '' });
    replace(next);
    setWithdrawing(null);
    Taro.showToast({ title: t('communityNotices.staff.withdrawnToast'), icon: 'none', duration: 2500 }).catch(() => undefined);
  };

  const renderList = () => {
    if (list.loading) return <LoadingState cards={2} />;
    if (list.error) return <ErrorState message={list.error} onRetry={() => void list.refresh()} />;
    if (list.items.length === 0) return <EmptyState title={t('communityNotices.staff.empty')} description={t('communityNotices.staff.emptyHint')} />;
    return (
      <View className='notices-staff__list'>
        {list.items.map((notice) => (
          <NoticeRow key={notice.id} notice={notice} onEdit={setEditing} onWithdraw={setWithdrawing} />
        ))}
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onLoadMore={() => void list.loadMore()} />
      </View>
    );
  };

  return (
    <View className='notices-staff__community'>
      <NoticeForm
        key={editing?.id ?? 'new'}
        communityId={communityId}
        editing={editing}
        onSaved={(saved) => {
          replace(saved);
          setEditing(null);
        }}
        onCancelEdit={() => setEditing(null)}
      />
      <View className='linli-section'>
        <Text className='linli-section__title'>{t('communityNotices.staff.list')}</Text>
        {renderList()}
      </View>
      <ReasonDialog
        visible={withdrawing !== null}
        title={t('communityNotices.staff.withdrawTitle')}
        message={t('communityNotices.staff.withdrawHint')}
        required
        schema={NoticesWithdrawInput.shape.reason}
        placeholder={t('communityNotices.staff.withdrawReasonPlaceholder')}
        confirmText={t('communityNotices.staff.withdraw')}
        onConfirm={(reason) => withdraw(reason)}
        onClose={() => setWithdrawing(null)}
      />
    </View>
  );
}

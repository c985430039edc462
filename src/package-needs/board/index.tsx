import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { NeedCategory, NeedView } from '../../shared/schemas/needs';
import { NeedCategory as NeedCategories } from '../../shared/schemas/needs';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { usePaged } from '../../hooks/usePaged';
import { useAsync } from '../../hooks/useAsync';
import { Offers } from './Offers';
import { useI18n } from '../../hooks/useI18n';
import { useAccount } from '../../hooks/useAccount';
import { pressable } from '../../components/Pressable';
import { cx } from '../../utils/cx';
import { needRoutes, needWhenText } from '../../utils/needRoutes';
import './index.scss';

type Tab = 'board' | 'mine' | 'offers';
type Filter = NeedCategory | 'all';

/**
 * The community's needs board: open needs first, filtered by category, and
 * "mine" — what I posted (or posted for someone I act for) and what I or my groups took on.
 */
export default function NeedsBoardPage() {
  const { t } = useI18n();
  // Signed in, with a home community: the board is her community's.
  useAccount({ requireCommunity: true });
  const [tab, setTab] = useState<Tab>('board');
  const [filter, setFilter] = useState<Filter>('all');
  const needs = usePaged<NeedView>(
    (offset) => (tab === 'mine' ? call('needs.mine', { offset, limit: 20 }) : call('needs.list', { offset, limit: 20, ...(filter === 'all' ? {} : { category: filter }) })),
    (n) => n.id,
    [tab, filter],
  );
  // The time-bank board answers NOT_FOUND where the community has it off: then there is no tab for
  // it. Any other failure keeps the tab, which says so with a retry (never a tab that vanishes).
  const offers = useAsync(() => call('needs.offers', { limit: 50 }), []);
  const hasOffers = offers.data !== null || (offers.error !== null && offers.errorCode !== 'NOT_FOUND');
  useDidShow(() => void needs.refresh());
  usePullDownRefresh(() => void needs.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => {
    if (needs.hasMore && !needs.loadingMore) void needs.loadMore();
  });
  const open = (id: string) => void Taro.navigateTo({ url: needRoutes.detail(id) }).catch(() => undefined);

  const list = () => {
    if (needs.loading && needs.items.length === 0) return <LoadingState cards={3} />;
    if (needs.error) return <ErrorState message={needs.error} onRetry={() => void needs.refresh()} />;
    if (needs.items.length === 0) return <EmptyState title={t(tab === 'mine' ? 'needs.board.emptyMine' : 'needs.board.empty')} />;
    return (
      <>
        {needs.items.map((need) => (
          <View key={need.id} className={cx('linli-card linli-pressable needs-card', `needs-card--${need.state}`)} data-need-id={need.id} onClick={() => open(need.id)} {...pressable(() => open(need.id), { role: 'link' })}>
            <View className='needs-card__head'>
              <Tag type='primary' plain>
                {t(`needs.categories.${need.category}`)}
              </Tag>
              <Text className='needs-card__state'>{t(`needs.states.${need.state}`)}</Text>
            </View>
            <Text className='needs-card__what'>{need.what}</Text>
            <Text className='needs-card__meta'>{t('needs.board.when', { when: needWhenText(t, need) })}</Text>
            <Text className='needs-card__meta'>
              {t('needs.board.by', { name: need.residentName })}
              {need.postedForResident ? ` · ${t('needs.board.proxy')}` : ''}
            </Text>
            {need.addressedTo ? <Text className='needs-card__addressed'>{t('needs.board.addressedTo', { name: need.addressedTo.name })}</Text> : null}
            {need.claimer ? <Text className='needs-card__meta'>{t('needs.board.claimer', { name: need.claimer.name })}</Text> : null}
          </View>
        ))}
        <ListFooter hasMore={needs.hasMore} loadingMore={needs.loadingMore} error={needs.moreError} onLoadMore={() => void needs.loadMore()} />
      </>
    );
  };

  const offersTab = () => {
    if (offers.data) return <Offers offers={offers.data.items} onChanged={() => void offers.reload()} />;
    if (offers.error) return <ErrorState message={offers.error} onRetry={() => void offers.reload()} />;
    return <LoadingState cards={2} />;
  };

  return (
    <PageRoot titleKey='needs.titles.board' className='needs-board' busy={needs.loading}>
      <ChoiceChips<Tab>
        className='needs-board__tabs'
        options={[
          { value: 'board', label: t('needs.board.tabs.board') },
          { value: 'mine', label: t('needs.board.tabs.mine') },
          ...(hasOffers ? [{ value: 'offers' as const, label: t('needs.board.tabs.offers') }] : []),
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'board' ? (
        <ChoiceChips<Filter>
          className='needs-board__filter'
          options={[{ value: 'all', label: t('needs.board.all') }, ...NeedCategories.options.map((c) => ({ value: c, label: t(`needs.categories.${c}`) }))]}
          value={filter}
          onChange={setFilter}
        />
      ) : null}
      <View className='linli-section needs-board__list'>{tab === 'offers' ? offersTab() : list()}</View>
      <View className='needs-board__bar'>
        <Button className='needs-board__post' type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: needRoutes.post }).catch(() => undefined)}>
          {t('needs.board.post')}
        </Button>
      </View>
    </PageRoot>
  );
}

import { useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SearchBar, Tabs } from '@nutui/nutui-react-taro';
import { Location, Search } from '@nutui/icons-react-taro';
import type { GroupArea, GroupType } from '../../shared/schemas/groups';
import { PageRoot } from '../../components/PageRoot';
import { GroupCard } from '../../components/GroupCard';
import { TypeFilter } from '../../components/TypeFilter';
import { ChoiceChips } from '../../components/ChoiceChips';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useGroupList } from '../../hooks/useGroupList';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { useNearSort } from '../../hooks/useNearSort';
import { NearPlaceStatus } from '../../components/NearPlaceStatus';
import { UrgentNotices } from '../../components/UrgentNotices';
import { pressable } from '../../components/Pressable';
import { membershipVersion } from '../../stores/session';
import { communityPath, groupPath } from '../../utils/routes';
import { needRoutes } from '../../utils/needRoutes';
import './index.scss';
import { colors } from '../../styles/colors';

const openGroup = (groupId: string) => {
  Taro.navigateTo({ url: groupPath(groupId) }).catch(() => undefined);
};

/** The Home tab: the groups of my community or nearby, with search, type filter and paging. */
export default function HomePage() {
  const { t } = useI18n();
  const { elderly } = useSettings();
  const account = useAccount({ requireCommunity: true });
  const me = account.me?.account ?? null;
  const community = me?.homeCommunity ?? null;

  const [area, setArea] = useState<GroupArea>('community');
  const [type, setType] = useState<GroupType | null>(null);
  const [keyword, setKeyword] = useState('');
  const [query, setQuery] = useState('');
  const nearSort = useNearSort({ unavailable: t('home.locateUnavailable'), cancelled: t('home.locateCancelled') });
  // Elderly mode keeps the home simple: no type filter (and none applied). The sort stays: it is
  // one row of two large choices, and "nearest" is what a resident on foot asks first.
  const list = useGroupList({ area, type: elderly ? null : type, q: query, near: nearSort.near }, community?.id ?? null);
  const sorts = [
    { value: 'members' as const, label: t('home.sortMembers') },
    { value: 'nearest' as const, label: t('home.sortNearest'), disabled: nearSort.locating },
  ];

  usePullDownRefresh(() => {
    void Promise.all([list.refresh(), account.status === 'error' ? account.retry() : undefined]).finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.loading) void list.loadMore();
  });

  // Joined or left a group on another page: membership tags here are stale.
  const seenVersion = useRef(membershipVersion.get());
  useDidShow(() => {
    const version = membershipVersion.get();
    if (version !== seenVersion.current) {
      seenVersion.current = version;
      if (community) void list.refresh();
    }
  });

  const search = (value: string) => setQuery(value.trim());
  const openNeeds = () => void Taro.navigateTo({ url: needRoutes.board }).catch(() => undefined);
  const clearSearch = () => {
    setKeyword('');
    setQuery('');
  };

  const renderList = () => {
    if (account.status === 'error' && !me) return <ErrorState message={account.error ?? ''} onRetry={account.retry} />;
    if (!community || list.loading) return <LoadingState cards={elderly ? 2 : 3} />;
    if (list.error) return <ErrorState message={list.error} onRetry={() => void list.refresh()} />;
    if (list.items.length === 0) {
      const action = query
        ? { text: t('home.clearSearch'), onClick: clearSearch }
        : area === 'community'
          ? { text: t('home.showNearby'), onClick: () => setArea('nearby') }
          : undefined;
      return (
        <EmptyState
          title={query ? t('home.emptySearch', { q: query }) : t('home.emptyTitle')}
          description={t('home.emptyDescription')}
          icon={<Search size={40} color={colors.decoration} />}
          action={action}
        />
      );
    }
    return (
      <View className='home__list'>
        <Text className='home__total'>{t('home.total', { count: list.total })}</Text>
        {list.items.map((group) => (
          <GroupCard key={group.id} group={group} simple={elderly} onOpen={openGroup} />
        ))}
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onLoadMore={() => void list.loadMore()} />
      </View>
    );
  };

  return (
    <PageRoot titleKey='titles.home' tab className='home'>
      <View className='home__hero'>
        <Text className='home__greeting'>{me ? t('home.greeting', { name: me.nickname }) : t('home.greetingAnonymous')}</Text>
        <Text className='home__slogan'>{t('app.slogan')}</Text>
        <View className='home__community' role='link' onClick={() => void Taro.navigateTo({ url: communityPath() }).catch(() => undefined)}>
          <Location size={16} color={colors.onPrimary} />
          <Text className='home__community-name'>{community ? community.name : t('common.loading')}</Text>
          <Text className='home__community-switch'>{t('home.switchCommunity')}</Text>
        </View>
      </View>

      <UrgentNotices communityId={community?.id ?? null} />

      <View className='home__search'>
        <SearchBar
          shape='round'
          value={keyword}
          maxLength={30}
          placeholder={t('home.searchPlaceholder')}
          onChange={(value) => setKeyword(value)}
          onSearch={search}
          onClear={clearSearch}
          right={
            <Text className='home__search-button' onClick={() => search(keyword)}>
              {t('home.search')}
            </Text>
          }
        />
      </View>

      <View className='linli-card linli-pressable home__needs' onClick={openNeeds} {...pressable(openNeeds, { role: 'link' })}>
        <Text className='home__needs-title'>{t('needs.entry.title')}</Text>
        <Text className='home__needs-hint'>{t('needs.entry.hint')}</Text>
      </View>

      <Tabs className='home__area' value={area} onChange={(value) => setArea(value === 'nearby' ? 'nearby' : 'community')} activeType='line' align='left'>
        <Tabs.TabPane title={t('home.areaCommunity')} value='community' />
        <Tabs.TabPane title={t('home.areaNearby')} value='nearby' />
      </Tabs>

      {elderly ? null : <TypeFilter value={type} onChange={setType} />}

      <View className='home__sort'>
        <Text className='home__sort-label'>{t('home.sortLabel')}</Text>
        <ChoiceChips className='home__sort-choices' options={sorts} value={nearSort.near ? 'nearest' : 'members'} onChange={(v) => nearSort.choose(v === 'nearest')} />
      </View>
      <NearPlaceStatus
        state={nearSort}
        texts={{ locating: t('home.locating'), from: (name) => t('home.nearFrom', { place: name ?? t('home.nearHere') }), changePlace: t('home.changePlace'), note: t('home.nearestNote') }}
      />

      {renderList()}
    </PageRoot>
  );
}

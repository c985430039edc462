import { useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SearchBar, Tabs } from '@nutui/nutui-react-taro';
import { Search } from '@nutui/icons-react-taro';
import { ActivityCategory, type ActivityCard as ActivityCardData } from '../../shared/schemas/activities';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ActivityCard } from '../../components/ActivityCard';
import { Chips, type ChipOption } from '../../components/Chips';
import { DayStrip } from '../../components/DayStrip';
import { ChoiceChips } from '../../components/ChoiceChips';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useReloadOnActivityChange } from '../../hooks/useReloadOnActivityChange';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { useNearSort } from '../../hooks/useNearSort';
import { usePagedList } from '../../hooks/usePagedList';
import { NearPlaceStatus } from '../../components/NearPlaceStatus';
import { refreshUnread } from '../../stores/events';
import { activityPath } from '../../utils/eventRoutes';
import { cx } from '../../utils/cx';
import './index.scss';
import { colors } from '../../styles/colors';

type Area = 'community' | 'nearby';
type Sort = 'soonest' | 'nearest';

const openActivity = (activityId: string) => {
  Taro.navigateTo({ url: activityPath(activityId) }).catch(() => undefined);
};

const ACTIVITY_PAGE_SIZE = 10;

/**
 * The Activities tab: what is on in my community (or nearby) by day, category and text, the
 * volunteer ones on request, soonest or nearest first; each card shows seats or the waitlist,
 * my sign-up and, sorted by distance, how far it is.
 */
export default function ActivitiesPage() {
  const { t } = useI18n();
  const { elderly } = useSettings();
  const account = useAccount({ requireCommunity: true });
  const community = account.me?.account.homeCommunity ?? null;

  const [area, setArea] = useState<Area>('community');
  const [day, setDay] = useState<string | null>(null);
  const [category, setCategory] = useState<ActivityCategory | null>(null);
  const [volunteerOnly, setVolunteerOnly] = useState(false);
  const [keyword, setKeyword] = useState('');
  const [query, setQuery] = useState('');
  // Elderly mode keeps the screen simple: no category row (and none applied).
  const activeCategory = elderly ? null : category;
  // Sorted by distance only once there is a place to measure from (asked as the home tab's list asks).
  const nearSort = useNearSort({ unavailable: t('events.list.locateUnavailable'), cancelled: t('events.list.locateCancelled') });
  const { near } = nearSort;
  const sort: Sort = nearSort.nearest ? 'nearest' : 'soonest';

  // A nearest-first page answers how many activities have a place; the next page passes it back
  // so the server reads the unlocated ones alongside (one round trip fewer past the boundary).
  const located = useRef<number | undefined>(undefined);
  const list = usePagedList<ActivityCardData>(
    (offset, limit) =>
      call('activities.list', {
        area,
        offset,
        limit,
        volunteerOnly,
        ...(day ? { day } : {}),
        ...(activeCategory ? { category: activeCategory } : {}),
        ...(query ? { q: query } : {}),
        ...(near ? { near } : {}),
        ...(near && offset > 0 && located.current !== undefined ? { located: located.current } : {}),
      }).then((page) => {
        located.current = page.located;
        return page;
      }),
    [community?.id, area, day, activeCategory, volunteerOnly, query, near?.latitude, near?.longitude],
    { enabled: community !== null, pageSize: ACTIVITY_PAGE_SIZE, keyOf: (a) => a.id },
  );

  usePullDownRefresh(() => {
    void Promise.all([list.refresh(), refreshUnread(), account.status === 'error' ? account.retry() : undefined]).finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.loading) void list.loadMore();
  });

  // Signed up or cancelled on the activity page: the cards here show the old status.
  useReloadOnActivityChange(() => {
    if (community) void list.refresh();
  });

  useDidShow(() => {
    void refreshUnread();
  });

  const categories: Array<ChipOption<ActivityCategory | null>> = [
    { key: 'all', value: null, label: t('events.categories.all') },
    ...ActivityCategory.options.map((value) => ({ key: value, value, label: t(`events.categories.${value}`) })),
  ];

  const chooseSort = (next: Sort) => nearSort.choose(next === 'nearest');
  const sorts = [
    { value: 'soonest' as const, label: t('events.list.sortSoonest') },
    { value: 'nearest' as const, label: t('events.list.sortNearest'), disabled: nearSort.locating },
  ];

  const search = (value: string) => setQuery(value.trim());
  const clearSearch = () => {
    setKeyword('');
    setQuery('');
  };
  const filtered = day !== null || activeCategory !== null || volunteerOnly || query !== '';
  const clearFilters = () => {
    setDay(null);
    setCategory(null);
    setVolunteerOnly(false);
    clearSearch();
  };

  const renderList = () => {
    if (account.status === 'error' && !account.me) return <ErrorState message={account.error ?? ''} onRetry={account.retry} />;
    if (!community || list.loading) return <LoadingState cards={elderly ? 2 : 3} />;
    if (list.error) return <ErrorState message={list.error} onRetry={() => void list.refresh()} />;
    if (list.items.length === 0) {
      const action = filtered
        ? { text: t('events.list.clearFilters'), onClick: clearFilters }
        : area === 'community'
          ? { text: t('events.list.showNearby'), onClick: () => setArea('nearby') }
          : undefined;
      return (
        <EmptyState
          title={query ? t('events.list.emptySearch', { q: query }) : t('events.list.emptyTitle')}
          description={filtered ? t('events.list.emptyFiltered') : t('events.list.emptyDescription')}
          icon={<Search size={40} color={colors.decoration} />}
          action={action}
        />
      );
    }
    return (
      <View className='activities__list'>
        <Text className='activities__total'>{t('events.list.total', { count: list.total })}</Text>
        {list.items.map((activity) => (
          <ActivityCard key={activity.id} activity={activity} simple={elderly} onOpen={openActivity} />
        ))}
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onLoadMore={() => void list.loadMore()} />
      </View>
    );
  };

  return (
    <PageRoot titleKey='events.titles.activities' tab className='activities' busy={list.loading}>
      <View className='activities__search'>
        <SearchBar
          shape='round'
          value={keyword}
          maxLength={30}
          placeholder={t('events.list.searchPlaceholder')}
          onChange={(value) => setKeyword(value)}
          onSearch={search}
          onClear={clearSearch}
          right={
            <Text className='activities__search-button' onClick={() => search(keyword)}>
              {t('events.list.search')}
            </Text>
          }
        />
      </View>

      <Tabs className='activities__area' value={area} onChange={(value) => setArea(value === 'nearby' ? 'nearby' : 'community')} activeType='line' align='left'>
        <Tabs.TabPane title={t('events.list.areaCommunity')} value='community' />
        <Tabs.TabPane title={t('events.list.areaNearby')} value='nearby' />
      </Tabs>

      <DayStrip value={day} onChange={setDay} />

      <View className='activities__filters'>
        <View
          className={cx('activities__volunteer', volunteerOnly && 'activities__volunteer--on')}
          role='switch'
          aria-checked={volunteerOnly}
          onClick={() => setVolunteerOnly((on) => !on)}
        >
          <Text>{t('events.list.volunteerOnly')}</Text>
        </View>
        {community ? <Text className='activities__community'>{area === 'community' ? community.name : t('events.list.nearbyOf', { name: community.name })}</Text> : null}
      </View>
      {elderly ? null : <Chips className='activities__categories' options={categories} value={category} onChange={setCategory} />}

      <View className='activities__sort'>
        <Text className='activities__sort-label'>{t('events.list.sortLabel')}</Text>
        <ChoiceChips className='activities__sort-choices' options={sorts} value={sort} onChange={chooseSort} />
      </View>
      <NearPlaceStatus
        state={nearSort}
        texts={{ locating: t('events.list.locating'), from: (name) => t('events.list.nearFrom', { place: name ?? t('events.list.nearHere') }), changePlace: t('events.list.changePlace'), note: t('events.list.nearestNote') }}
      />

      {renderList()}
    </PageRoot>
  );
}

import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Tabs } from '@nutui/nutui-react-taro';
import { Clock } from '@nutui/icons-react-taro';
import type { ActivityCard as ActivityCardData } from '../../shared/schemas/activities';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ActivityCard } from '../../components/ActivityCard';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useReloadOnActivityChange } from '../../hooks/useReloadOnActivityChange';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { usePagedList } from '../../hooks/usePagedList';
import { activityPath } from '../../utils/eventRoutes';
import { routes } from '../../utils/routes';
import './index.scss';
import { colors } from '../../styles/colors';

type Scope = 'upcoming' | 'past';

const openActivity = (activityId: string) => {
  Taro.navigateTo({ url: activityPath(activityId) }).catch(() => undefined);
};

/** My activities: what I signed up for (or wait for), soonest first; and what I took part in. */
export default function MyActivitiesPage() {
  const { t } = useI18n();
  const { elderly } = useSettings();
  useAccount();
  const [scope, setScope] = useState<Scope>('upcoming');
  const list = usePagedList<ActivityCardData>((offset, limit) => call('signups.mine', { scope, offset, limit }), [scope], { keyOf: (a) => a.id });

  useReloadOnActivityChange(() => void list.refresh());
  usePullDownRefresh(() => {
    void list.refresh().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.loading) void list.loadMore();
  });

  const render = () => {
    if (list.loading) return <LoadingState cards={elderly ? 2 : 3} />;
    if (list.error) return <ErrorState message={list.error} onRetry={() => void list.refresh()} />;
    if (list.items.length === 0) {
      return scope === 'upcoming' ? (
        <EmptyState
          title={t('events.mine.emptyUpcoming')}
          description={t('events.mine.emptyUpcomingHint')}
          icon={<Clock size={40} color={colors.decoration} />}
          action={{ text: t('events.mine.browse'), onClick: () => void Taro.switchTab({ url: routes.activities }).catch(() => undefined) }}
        />
      ) : (
        <EmptyState title={t('events.mine.emptyPast')} icon={<Clock size={40} color={colors.decoration} />} />
      );
    }
    return (
      <View className='my-activities__list'>
        {list.items.map((activity) => (
          <ActivityCard key={activity.id} activity={activity} simple={elderly} onOpen={openActivity} />
        ))}
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onLoadMore={() => void list.loadMore()} />
      </View>
    );
  };

  return (
    <PageRoot titleKey='events.titles.mine' className='my-activities' busy={list.loading}>
      <Tabs className='my-activities__tabs' value={scope} onChange={(value) => setScope(value === 'past' ? 'past' : 'upcoming')} activeType='line'>
        <Tabs.TabPane title={t('events.mine.upcoming')} value='upcoming' />
        <Tabs.TabPane title={t('events.mine.past')} value='past' />
      </Tabs>
      {render()}
    </PageRoot>
  );
}

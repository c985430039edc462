import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Plus } from '@nutui/icons-react-taro';
import type { ActivityCard as ActivityCardData } from '../../shared/schemas/activities';
import type { GroupDetail } from '../../shared/schemas/groups';
import { call } from '../../services/cloud';
import { useReloadOnActivityChange } from '../../hooks/useReloadOnActivityChange';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { usePagedList } from '../../hooks/usePagedList';
import { activityPath, createActivityPath } from '../../utils/eventRoutes';
import { ActivityCard } from '../ActivityCard';
import { ListFooter } from '../ListFooter';
import './index.scss';
import { colors } from '../../styles/colors';

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

export interface GroupActivitiesProps {
  group: GroupDetail;
}

/**
 * The group page's activities: its upcoming ones (activities.list by group, paged) and, for
 * leaders (the server lists 'activities.create' in the group's abilities), "post an activity".
 * A failure stays inside the section: the rest of the group page is still useful.
 */
export function GroupActivities({ group }: GroupActivitiesProps) {
  const { t } = useI18n();
  const { elderly } = useSettings();
  const canCreate = group.abilities.includes('activities.create');
  const list = usePagedList<ActivityCardData>((offset, limit) => call('activities.list', { groupId: group.id, offset, limit }), [group.id], {
    pageSize: 5,
    keyOf: (a) => a.id,
  });
  useReloadOnActivityChange(() => void list.refresh());

  const renderBody = () => {
    if (list.loading) return <Text className='linli-group-activities__note'>{t('common.loading')}</Text>;
    if (list.error) {
      return (
        <View className='linli-group-activities__note linli-group-activities__note--error' role='button' onClick={() => void list.refresh()}>
          <Text>{list.error}</Text>
          <Text className='linli-group-activities__retry'>{t('common.retry')}</Text>
        </View>
      );
    }
    if (list.items.length === 0) return <Text className='linli-group-activities__note'>{t('events.group.empty')}</Text>;
    return (
      <>
        {list.items.map((activity) => (
          <ActivityCard key={activity.id} activity={activity} simple={elderly} onOpen={(id) => go(activityPath(id))} />
        ))}
        {list.hasMore || list.moreError ? <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onLoadMore={() => void list.loadMore()} /> : null}
      </>
    );
  };

  return (
    <View className='linli-section linli-group-activities'>
      <View className='linli-section__title'>
        <Text>{t('events.group.title')}</Text>
        {list.total > 0 ? <Text className='linli-section__extra'>{t('events.group.count', { count: list.total })}</Text> : null}
      </View>
      {canCreate ? (
        <Button className='linli-group-activities__create' type='primary' fill='outline' size='large' block icon={<Plus size={18} color={colors.primary} />} onClick={() => go(createActivityPath(group.id))}>
          {t('events.group.create')}
        </Button>
      ) : null}
      {renderBody()}
    </View>
  );
}

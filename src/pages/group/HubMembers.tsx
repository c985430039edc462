import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ArrowRight } from '@nutui/icons-react-taro';
import type { GroupDetail } from '../../shared/schemas/groups';
import { call } from '../../services/cloud';
import { GroupBadge } from '../../components/GroupBadge';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { groupPath } from '../../utils/routes';
import './registry.scss';
import { colors } from '../../styles/colors';

/** A hub organization's page lists the groups linked to it, busiest first. */
export function HubMembers({ group }: { group: GroupDetail }) {
  const { t } = useI18n();
  const enabled = group.type === 'hub' && group.status === 'active';
  const members = useAsync(() => call('hubs.members', { hubId: group.id }), [group.id], { enabled });
  if (!enabled) return null;

  const body = () => {
    if (members.loading && !members.data) return <View className='group-feed__state' aria-busy='true'>{t('common.loading')}</View>;
    if (members.error || !members.data) {
      return (
        <View className='group-feed__state group-feed__state--error' role='alert' onClick={() => void members.reload()}>
          <Text>{members.error ?? ''}</Text>
          <Text className='group-feed__retry'>{t('common.retry')}</Text>
        </View>
      );
    }
    if (members.data.items.length === 0) return <View className='group-feed__state'>{t('registry.hub.membersEmpty')}</View>;
    return (
      <View className='linli-card group-hub__list'>
        {members.data.items.map((item) => (
          <View
            key={item.group.id}
            className='group-hub__item'
            role='link'
            data-group-id={item.group.id}
            onClick={() => void Taro.navigateTo({ url: groupPath(item.group.id) }).catch(() => undefined)}
          >
            <GroupBadge type={item.group.type} />
            <View className='group-hub__text'>
              <Text className='group-hub__name'>{item.group.name}</Text>
              <Text className='group-hub__meta'>{[item.group.regionName, t('registry.hub.activities', { count: item.activityCount })].join(t('common.separator'))}</Text>
            </View>
            <ArrowRight size={14} color={colors.ink3} />
          </View>
        ))}
      </View>
    );
  };

  return (
    <View className='linli-section group-hub'>
      <Text className='linli-section__title'>{t('registry.group.hubMembers')}</Text>
      {body()}
    </View>
  );
}

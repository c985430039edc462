import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { GroupCard as GroupCardData } from '../../shared/schemas/groups';
import { useI18n } from '../../hooks/useI18n';
import { roundedDistance } from '../../utils/activityText';
import { cx } from '../../utils/cx';
import { TYPE_COLORS } from '../../utils/groupStyle';
import { GroupBadge } from '../GroupBadge';
import { MembershipTag } from './MembershipTag';
import './index.scss';
import { colors } from '../../styles/colors';
import { pressable } from '../Pressable';

export interface GroupCardProps {
  group: GroupCardData;
  onOpen: (groupId: string) => void;
  /** Elderly mode: bigger card, one line of summary, fewer tags. */
  simple?: boolean;
}

/** A group in a list: type and management level, summary, place, size and how to join. */
export function GroupCard({ group, onOpen, simple = false }: GroupCardProps) {
  const { t } = useI18n();
  const sep = t('common.separator');
  const typeColors = TYPE_COLORS[group.type];
  return (
    <View
      className={`linli-group-card linli-card linli-pressable${simple ? ' linli-group-card--simple' : ''}`}
      hoverClass='linli-group-card--pressed'
      data-group-id={group.id}
      onClick={() => onOpen(group.id)}
      {...pressable(() => onOpen(group.id), { role: 'link' })}
    >
      <View className='linli-group-card__head'>
        <GroupBadge type={group.type} />
        <View className='linli-group-card__titles'>
          <Text className='linli-group-card__name'>{group.name}</Text>
          <View className='linli-group-card__tags'>
            <Tag className='linli-type-tag' background={typeColors.soft} color={typeColors.strong}>
              {t(`groupTypes.${group.type}`)}
            </Tag>
            {simple ? null : (
              <Tag plain color={colors.ink2} className='linli-level-tag'>
                {t(`levels.${group.managementLevel}`)}
              </Tag>
            )}
          </View>
        </View>
        {group.myMembership ? <MembershipTag status={group.myMembership.status} /> : null}
      </View>
      {group.summary ? <Text className='linli-group-card__summary'>{group.summary}</Text> : null}
      {/* Present only on a list sorted by distance; null: the group has not said where it meets. */}
      {group.distanceMeters === undefined ? null : (
        <Text className={cx('linli-group-card__distance', group.distanceMeters === null && 'linli-group-card__distance--none')}>
          {group.distanceMeters === null ? t('home.noPlace') : groupDistanceText(t, group.distanceMeters)}
        </Text>
      )}
      <View className='linli-group-card__foot'>
        <Text>{group.regionName}</Text>
        <Text>{sep}</Text>
        <Text>{t('common.members', { count: group.memberCount })}</Text>
        <Text>{sep}</Text>
        <Text className={`linli-group-card__policy linli-group-card__policy--${group.joinPolicy}`}>{t(`joinPolicies.${group.joinPolicy}`)}</Text>
      </View>
    </View>
  );
}

/** 'about 350 m' / 'about 1.2 km' (home.distanceMeters/Km): the rounding of activity cards, said as an estimate (a group meets around a place). */
export function groupDistanceText(t: ReturnType<typeof useI18n>['t'], meters: number): string {
  const { unit, distance } = roundedDistance(meters);
  return unit === 'm' ? t('home.distanceMeters', { distance }) : t('home.distanceKm', { distance });
}

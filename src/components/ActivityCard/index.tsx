import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { Clock, Location } from '@nutui/icons-react-taro';
import type { ActivityCard as ActivityCardData } from '../../shared/schemas/activities';
import { useI18n } from '../../hooks/useI18n';
import { distanceText, hasEnded, seatsText, volunteerText } from '../../utils/activityText';
import { formatRange, inChina } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { SignupTag } from '../SignupTag';
import './index.scss';
import { colors } from '../../styles/colors';
import { pressable } from '../Pressable';

export interface ActivityCardProps {
  activity: ActivityCardData;
  onOpen: (activityId: string) => void;
  /** Elderly mode: bigger type, no group line. */
  simple?: boolean;
  /** The time the seats are judged at (an ended activity shows no seats); defaults to the render's. */
  now?: number;
}

/** An activity in a list: when, where, seats or waitlist, volunteer hours and my sign-up. */
export function ActivityCard({ activity, onOpen, simple = false, now = Date.now() }: ActivityCardProps) {
  const { t } = useI18n();
  const start = inChina(activity.startAt);
  const volunteer = volunteerText(t, activity.volunteer);
  const cancelled = activity.status === 'cancelled';
  const hidden = activity.status === 'hidden';
  const full = activity.seatsLeft === 0 && !hasEnded(activity, now);
  return (
    <View
      className={cx('linli-activity-card', 'linli-card', 'linli-pressable', simple && 'linli-activity-card--simple', (cancelled || hidden) && 'linli-activity-card--cancelled')}
      hoverClass='linli-activity-card--pressed'
      data-activity-id={activity.id}
      onClick={() => onOpen(activity.id)}
      {...pressable(() => onOpen(activity.id), { role: 'link' })}
    >
      <View className='linli-activity-card__head'>
        <View className='linli-activity-card__date' aria-hidden>
          <Text className='linli-activity-card__day'>{start.date()}</Text>
          <Text className='linli-activity-card__month'>{t('events.card.month', { month: start.month() + 1 })}</Text>
        </View>
        <View className='linli-activity-card__titles'>
          <Text className='linli-activity-card__title'>{activity.title}</Text>
          {simple ? null : <Text className='linli-activity-card__group'>{activity.groupName}</Text>}
        </View>
        {activity.mySignup ? <SignupTag signup={activity.mySignup} /> : null}
      </View>
      <View className='linli-activity-card__line'>
        <Clock size={14} color={colors.ink3} />
        <Text>{formatRange(t, activity.startAt, activity.endAt)}</Text>
      </View>
      <View className='linli-activity-card__line'>
        <Location size={14} color={colors.ink3} />
        <Text className='linli-activity-card__place'>{activity.regionName ? t('events.card.place', { place: activity.locationName, region: activity.regionName }) : activity.locationName}</Text>
        {/* Present only on a list sorted by distance; null: the place has no map location. */}
        {activity.distanceMeters === undefined ? null : (
          <Text className={cx('linli-activity-card__distance', activity.distanceMeters === null && 'linli-activity-card__distance--none')}>
            {activity.distanceMeters === null ? t('events.card.noDistance') : distanceText(t, activity.distanceMeters)}
          </Text>
        )}
      </View>
      <View className='linli-activity-card__foot'>
        {cancelled || hidden ? (
          <Tag className='linli-activity-card__seats' type='default'>
            {t(cancelled ? 'events.card.cancelled' : 'events.card.hidden')}
          </Tag>
        ) : (
          <Text className={cx('linli-activity-card__seats', full && 'linli-activity-card__seats--full')}>{seatsText(t, activity, now)}</Text>
        )}
        {volunteer ? <Text className='linli-activity-card__volunteer'>{volunteer}</Text> : null}
        <Text className='linli-activity-card__category'>{t(`events.categories.${activity.category}`)}</Text>
      </View>
    </View>
  );
}

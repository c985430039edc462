import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { SignupStatus } from '../../shared/schemas/activities';
import { ReportLink } from '../../components/ReportLink';
import { UserAvatar } from '../../components/UserAvatar';
import { useI18n } from '../../hooks/useI18n';
import { relationKey } from '../../utils/activityText';
import { chinaClock } from '../../utils/chinaTime';
import type { RosterEntry } from './useRoster';

export interface RosterRowProps {
  entry: RosterEntry;
  /** The viewer: no report link on their own row (nor before we know who they are). */
  myId: string | null;
  children?: ReactNode;
}

const STATUS_TAG: Record<SignupStatus, 'success' | 'warning' | 'danger' | 'default' | 'primary'> = {
  confirmed: 'success',
  pending_approval: 'warning',
  waitlisted: 'warning',
  offered: 'primary',
  cancelled: 'default',
  late_cancelled: 'default',
  removed: 'default',
  rejected: 'danger',
  no_show: 'danger',
  expired: 'default',
};

/** One person: name, who signed them up, status, check-in and check-out times, the buttons, and "report". */
export function RosterRow({ entry, myId, children }: RosterRowProps) {
  const { t } = useI18n();
  const times = [
    entry.checkedInAt ? t('events.roster.inAt', { time: chinaClock(entry.checkedInAt) }) : null,
    entry.checkedOutAt ? t('events.roster.outAt', { time: chinaClock(entry.checkedOutAt) }) : null,
  ].filter((value): value is string => value !== null);
  return (
    <View className={`roster__row roster__row--${entry.status}`} data-user-id={entry.userId}>
      <UserAvatar name={entry.nickname} />
      <View className='roster__who'>
        <View className='roster__name-line'>
          <Text className='roster__name'>{entry.nickname}</Text>
          <Tag className='roster__status' type={STATUS_TAG[entry.status]}>
            {entry.status === 'confirmed' && entry.checkedInAt ? t('events.status.checkedIn') : t(`events.status.${entry.status}`)}
          </Tag>
          {myId !== null && entry.userId !== myId ? <ReportLink className='roster__report' type='user' id={entry.userId} title={entry.nickname} /> : null}
        </View>
        {entry.proxy ? (
          <Text className='roster__proxy'>{t('events.roster.byProxy', { name: entry.proxy.nickname, relation: t(`events.relations.${relationKey(entry.proxy.relation)}`) })}</Text>
        ) : null}
        {times.length > 0 ? <Text className='roster__times'>{times.join(t('events.detail.listSeparator'))}</Text> : null}
        {entry.missingCheckOut ? <Text className='roster__missing-flag'>{t('events.roster.missingFlag')}</Text> : null}
      </View>
      <View className='roster__actions'>{children}</View>
    </View>
  );
}

/** One figure of the summary (confirmed of capacity, checked in, waiting). */
export function RosterCount({ value, label }: { value: string; label: string }) {
  return (
    <View className='roster__count'>
      <Text className='roster__count-value'>{value}</Text>
      <Text className='roster__count-label'>{label}</Text>
    </View>
  );
}

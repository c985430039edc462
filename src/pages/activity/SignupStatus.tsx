import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import { Clock, Success, Tips } from '@nutui/icons-react-taro';
import type { ActivityDetail, MySignup } from '../../shared/schemas/activities';
import { SignupTag } from '../../components/SignupTag';
import { useI18n } from '../../hooks/useI18n';
import { useNow } from '../../hooks/useNow';
import { chinaClock, formatCountdown, formatDateTime, hoursBetween } from '../../utils/chinaTime';
import { colors } from '../../styles/colors';

export interface SignupStatusProps {
  activity: ActivityDetail;
  signup: MySignup;
  /** The offer ran out while the page was open: load the activity again. */
  onOfferExpired: () => void;
}

/** My sign-up in words: waitlist position, the offer and its countdown, check-in times, proxy. */
export function SignupStatus({ activity, signup, onOfferExpired }: SignupStatusProps) {
  const { t } = useI18n();
  const offered = signup.status === 'offered' && signup.offerExpiresAt !== null;
  const now = useNow(1000, offered);
  const left = offered ? new Date(signup.offerExpiresAt!).getTime() - now : 0;
  const expiredOnce = useRef(false);
  useEffect(() => {
    if (offered && left <= 0 && !expiredOnce.current) {
      expiredOnce.current = true;
      onOfferExpired();
    }
  }, [offered, left, onOfferExpired]);

  const lines: string[] = [];
  let icon = <Tips size={22} color={colors.ink2} />;
  switch (signup.status) {
    case 'confirmed':
      icon = <Success size={22} color={colors.success} />;
      if (signup.checkedOutAt) lines.push(t('events.detail.checkedOut', { time: chinaClock(signup.checkedOutAt) }));
      else if (signup.checkedInAt) lines.push(t('events.detail.checkedIn', { time: chinaClock(signup.checkedInAt) }));
      else lines.push(t('events.detail.confirmedNotice'));
      break;
    case 'waitlisted':
      icon = <Clock size={22} color={colors.warning} />;
      lines.push(signup.waitlistPosition ? t('events.detail.waitlistPosition', { position: signup.waitlistPosition }) : t('events.detail.waitlisted'));
      lines.push(t('events.detail.waitlistHint', { hours: activity.offerWindowHours }));
      break;
    case 'offered':
      icon = <Clock size={22} color={colors.primary} />;
      lines.push(signup.offerExpiresAt ? t('events.detail.offerNotice', { deadline: formatDateTime(t, signup.offerExpiresAt) }) : t('events.detail.offerNoticeNoDeadline'));
      break;
    case 'pending_approval':
      icon = <Clock size={22} color={colors.warning} />;
      lines.push(t('events.detail.pendingNotice'));
      break;
    case 'late_cancelled':
      lines.push(t('events.detail.lateCancelledNotice', { hours: hoursBetween(activity.cancelCutoffAt, activity.startAt) }));
      break;
    default:
      lines.push(t(`events.detail.statusNotice.${signup.status}`));
  }

  return (
    <View className={`activity__status activity__status--${signup.status}`} role='status'>
      <View className='activity__status-head'>
        {icon}
        <Text className='activity__status-title'>{t('events.detail.myStatus')}</Text>
        <SignupTag signup={signup} />
      </View>
      {lines.map((line) => (
        <Text key={line} className='activity__status-line'>
          {line}
        </Text>
      ))}
      {offered ? (
        <View className='activity__countdown'>
          <Text className='activity__countdown-label'>{t('events.detail.offerLeft')}</Text>
          <Text className='activity__countdown-value'>{left > 0 ? formatCountdown(left) : t('events.detail.offerTimeUp')}</Text>
        </View>
      ) : null}
      {signup.byProxy ? <Text className='activity__status-proxy'>{t('events.detail.byProxy', { name: signup.byProxy.nickname })}</Text> : null}
    </View>
  );
}

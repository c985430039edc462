import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ActivityDetail, MySignup } from '../../shared/schemas/activities';
import { call } from '../../services/cloud';
import { SignupTag } from '../../components/SignupTag';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { activitiesChanged } from '../../stores/events';
import { relationKey } from '../../utils/activityText';
import { requestSubscriptions } from '../../utils/subscribe';
import { isActive } from './actions';

export interface ProxySignupProps {
  activity: ActivityDetail;
  /** Seats changed (a proxy sign-up took one): the page shows the new numbers. */
  onSeats: (seats: { seatsLeft: number; seatsOnOffer?: number; waitlistLength: number }) => void;
}

/**
 * Sign-up on behalf of the residents who authorised me (proxies.list canActFor): a family
 * member or grid worker signs up an elderly neighbour. The server checks the consent again.
 */
export function ProxySignup({ activity, onSeats }: ProxySignupProps) {
  const { t } = useI18n();
  const proxies = useAsync(() => call('proxies.list', {}), []);
  // What each sign-up answered; the page cannot read another person's sign-up otherwise.
  const [done, setDone] = useState<Record<string, MySignup | null>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const people = proxies.data?.canActFor ?? [];
  if (people.length === 0) return null;

  const act = async (userId: string, nickname: string, cancel: boolean) => {
    if (!cancel) requestSubscriptions(['reminder']);
    setBusy(userId);
    try {
      const result = cancel
        ? await call('signups.cancel', { activityId: activity.id, forUserId: userId })
        : await call('signups.create', { activityId: activity.id, forUserId: userId });
      setDone((current) => ({ ...current, [userId]: result.mySignup }));
      onSeats({ seatsLeft: result.seatsLeft, seatsOnOffer: result.seatsOnOffer, waitlistLength: result.waitlistLength });
      activitiesChanged();
      const status = result.mySignup?.status;
      const title = cancel
        ? t('events.proxy.cancelled', { name: nickname })
        : status === 'waitlisted'
          ? t('events.proxy.waitlisted', { name: nickname, position: result.mySignup?.waitlistPosition ?? 1 })
          : status === 'pending_approval'
            ? t('events.proxy.pending', { name: nickname })
            : t('events.proxy.confirmed', { name: nickname });
      Taro.showToast({ title, icon: 'none', duration: 2500 }).catch(() => undefined);
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className='linli-section activity__proxy'>
      <Text className='linli-section__title'>{t('events.proxy.title')}</Text>
      <View className='linli-card activity__proxy-card'>
        <Text className='activity__proxy-hint'>{t('events.proxy.hint')}</Text>
        {people.map((person) => {
          const signup = done[person.userId] ?? null;
          const signedUp = isActive(signup);
          return (
            <View key={person.userId} className='activity__proxy-row' data-user-id={person.userId}>
              <View className='activity__proxy-who'>
                <Text className='activity__proxy-name'>{person.nickname}</Text>
                <Text className='activity__proxy-relation'>{t(`events.relations.${relationKey(person.relation)}`)}</Text>
              </View>
              {signup ? <SignupTag signup={signup} /> : null}
              <Button
                className='activity__proxy-button'
                type={signedUp ? 'default' : 'primary'}
                fill={signedUp ? 'outline' : 'solid'}
                size='small'
                loading={busy === person.userId}
                disabled={busy !== null}
                onClick={() => void act(person.userId, person.nickname, signedUp)}
              >
                {signedUp ? t('events.proxy.cancel') : t('events.proxy.signUp')}
              </Button>
            </View>
          );
        })}
      </View>
    </View>
  );
}

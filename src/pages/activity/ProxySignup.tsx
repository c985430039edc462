import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ActivityDetail, MySignup } from '../../shared/schemas/activities';
import type { SignupOutput } from '../../shared/schemas/signups';
import { call, ClientError } from '../../services/cloud';
import { CODE_LENGTH, CodeInput } from '../../components/CodeInput';
import { SignupTag } from '../../components/SignupTag';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { activitiesChanged } from '../../stores/events';
import { relationKey } from '../../utils/activityText';
import { requestSubscriptions } from '../../utils/subscribe';
import { isActive } from './actions';
import { BirthYearPrompt } from './BirthYearPrompt';

const ACT_TEXT = { signUp: 'events.proxy.signUp', cancel: 'events.proxy.cancel', confirmOffer: 'proxy.proxyActions.confirmOffer' } as const;

export interface ProxySignupProps {
  activity: ActivityDetail;
  /** Seats changed (a proxy sign-up took one): the page shows the new numbers. */
  onSeats: (seats: { seatsLeft: number; seatsOnOffer?: number; waitlistLength: number }) => void;
}

/** What a proxy does for her here: each is checked again against his active consent by the server. */
type ProxyAct = 'signUp' | 'cancel' | 'confirmOffer';

/**
 * Acting for the residents who authorised me (proxies.list canActFor): a family member or grid
 * worker signs up an elderly neighbour, confirms a place offered to her from the waitlist,
 * checks her in with the leader's code, or cancels. A resident whose age the activity needs is
 * asked her birth year first (BirthYearPrompt). The server checks the consent on every act.
 */
export function ProxySignup({ activity, onSeats }: ProxySignupProps) {
  const { t } = useI18n();
  const proxies = useAsync(() => call('proxies.list', {}), []);
  // What each sign-up answered; the page cannot read another person's sign-up otherwise.
  const [done, setDone] = useState<Record<string, MySignup | null>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [askingYear, setAskingYear] = useState<string | null>(null);
  const [checkingIn, setCheckingIn] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const people = proxies.data?.canActFor ?? [];
  if (people.length === 0) return null;

  const apply = (userId: string, result: SignupOutput) => {
    setDone((current) => ({ ...current, [userId]: result.mySignup }));
    onSeats({ seatsLeft: result.seatsLeft, seatsOnOffer: result.seatsOnOffer, waitlistLength: result.waitlistLength });
    activitiesChanged();
  };

  const checkIn = async (userId: string, nickname: string, direction: 'in' | 'out') => {
    setBusy(userId);
    try {
      apply(userId, await call('checkin.scan', { activityId: activity.id, code, direction, forUserId: userId }));
      setCheckingIn(null);
      setCode('');
      Taro.showToast({ title: `${nickname} ${t(direction === 'in' ? 'events.checkin.doneIn' : 'events.checkin.doneOut')}`, icon: 'none', duration: 2500 }).catch(() => undefined);
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    } finally {
      setBusy(null);
    }
  };

  const act = async (userId: string, nickname: string, kind: ProxyAct) => {
    // Her reminder (and, on a full activity, the offer of a freed seat) reaches the proxy who signed
    // her up: his consent, asked in his tap before any await, as for his own sign-up (activity/index.tsx).
    if (kind === 'signUp') requestSubscriptions(activity.seatsLeft === 0 ? ['reminder', 'offer'] : ['reminder']);
    const cancel = kind === 'cancel';
    setBusy(userId);
    try {
      const result =
        kind === 'cancel'
          ? await call('signups.cancel', { activityId: activity.id, forUserId: userId })
          : kind === 'confirmOffer'
            ? await call('signups.confirmOffer', { activityId: activity.id, forUserId: userId })
            : await call('signups.create', { activityId: activity.id, forUserId: userId });
      apply(userId, result);
      const status = result.mySignup?.status;
      const title = cancel
        ? t('events.proxy.cancelled', { name: nickname })
        : kind === 'confirmOffer'
          ? t('events.proxy.confirmed', { name: nickname })
          : status === 'waitlisted'
          ? t('events.proxy.waitlisted', { name: nickname, position: result.mySignup?.waitlistPosition ?? 1 })
          : status === 'pending_approval'
            ? t('events.proxy.pending', { name: nickname })
            : t('events.proxy.confirmed', { name: nickname });
      Taro.showToast({ title, icon: 'none', duration: 2500 }).catch(() => undefined);
    } catch (error) {
      // An activity with a minimum age needs her birth year first: ask it, then sign up again.
      if (error instanceof ClientError && error.issues.some((issue) => issue.path === 'birthYear')) setAskingYear(userId);
      else Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
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
          // What is known of her sign-up from this page's acts; unknown: every act is offered.
          const known = person.userId in done;
          const acts: ProxyAct[] = !known ? ['signUp', 'confirmOffer', 'cancel'] : signup?.status === 'offered' ? ['confirmOffer', 'cancel'] : signedUp ? ['cancel'] : ['signUp'];
          const canCheckIn = !known || (signup?.status === 'confirmed' && !signup.checkedOutAt);
          const direction: 'in' | 'out' = signup?.checkedInAt ? 'out' : 'in';
          return (
            <View key={person.userId} className='activity__proxy-row' data-user-id={person.userId}>
              <View className='activity__proxy-who'>
                <Text className='activity__proxy-name'>{person.nickname}</Text>
                <Text className='activity__proxy-relation'>{t(`events.relations.${relationKey(person.relation)}`)}</Text>
              </View>
              {signup ? <SignupTag signup={signup} /> : null}
              <View className='activity__proxy-acts'>
                {acts.map((kind) => (
                  <Button
                    key={kind}
                    className={`activity__proxy-button activity__proxy-${kind}`}
                    type={kind === 'cancel' ? 'default' : 'primary'}
                    fill={kind === 'cancel' ? 'outline' : 'solid'}
                    size='large'
                    loading={busy === person.userId}
                    disabled={busy !== null}
                    onClick={() => void act(person.userId, person.nickname, kind)}
                  >
                    {t(ACT_TEXT[kind])}
                  </Button>
                ))}
                {canCheckIn ? (
                  <Button className='activity__proxy-button activity__proxy-checkin' size='large' disabled={busy !== null} onClick={() => setCheckingIn(checkingIn === person.userId ? null : person.userId)}>
                    {t('proxy.proxyActions.checkin')}
                  </Button>
                ) : null}
              </View>
              {checkingIn === person.userId ? (
                <View className='activity__proxy-code'>
                  <CodeInput value={code} onChange={setCode} label={t('events.checkin.codeLabel')} placeholder={t('events.checkin.codePlaceholder')} />
                  <Button className='activity__proxy-code-submit' type='primary' size='large' block loading={busy === person.userId} disabled={code.length !== CODE_LENGTH || busy !== null} onClick={() => void checkIn(person.userId, person.nickname, direction)}>
                    {t(direction === 'in' ? 'events.checkin.submitIn' : 'events.checkin.submitOut')}
                  </Button>
                </View>
              ) : null}
              {askingYear === person.userId ? (
                <BirthYearPrompt
                  forUserId={person.userId}
                  name={person.nickname}
                  onSaved={() => {
                    setAskingYear(null);
                    void act(person.userId, person.nickname, 'signUp');
                  }}
                />
              ) : null}
            </View>
          );
        })}
      </View>
    </View>
  );
}

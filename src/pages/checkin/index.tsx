import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Scan, Success } from '@nutui/icons-react-taro';
import type { ActivityCard as ActivityCardData, ActivityDetail } from '../../shared/schemas/activities';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ActivityCard } from '../../components/ActivityCard';
import { CODE_LENGTH, CodeInput } from '../../components/CodeInput';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { activitiesChanged } from '../../stores/events';
import { chinaClock, formatRange } from '../../utils/chinaTime';
import { activityPath, checkinPath } from '../../utils/eventRoutes';
import { checkinOpen } from '../../utils/checkinWindow';
import { parseScene, sceneFromScan } from './scene';
import './index.scss';
import { colors } from '../../styles/colors';

type Direction = 'in' | 'out';

function directionOf(activity: ActivityDetail): Direction {
  const signup = activity.mySignup;
  return signup?.checkedInAt && !signup.checkedOutAt ? 'out' : 'in';
}

/**
 * Check-in (?id= or ?scene= from the leader's QR code). weapp: scan the code with the camera;
 * everywhere: type the 6-digit code the leader shows (the H5 way). Arriving with a scene checks
 * in at once. Without an activity, it lists mine that are open for check-in now.
 */
export default function CheckinPage() {
  const { t } = useI18n();
  useAccount();
  const params = useRouter().params;
  const scene = parseScene(params.scene);
  const [activityId, setActivityId] = useState(params.id ?? scene?.activityId ?? '');
  const [code, setCode] = useState(scene?.code ?? '');
  // A code read from a scene or the camera is submitted as soon as its activity is loaded.
  const [autoSubmit, setAutoSubmit] = useState(scene !== null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ direction: Direction; at: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const detail = useAsync(() => call('activities.get', { activityId }), [activityId], { enabled: activityId !== '' });
  const activity = detail.data && detail.data.id === activityId ? detail.data : null;

  const submit = async (current: ActivityDetail, value: string) => {
    if (value.length !== CODE_LENGTH || busy) return;
    const direction = directionOf(current);
    setBusy(true);
    setError(null);
    try {
      const result = await call('checkin.scan', { activityId: current.id, code: value, direction });
      detail.setData({ ...current, mySignup: result.mySignup, seatsLeft: result.seatsLeft, seatsOnOffer: result.seatsOnOffer, waitlistLength: result.waitlistLength });
      const at = (direction === 'in' ? result.mySignup?.checkedInAt : result.mySignup?.checkedOutAt) ?? new Date().toISOString();
      setDone({ direction, at });
      setCode('');
      activitiesChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const autoTried = useRef(false);
  useEffect(() => {
    if (!autoSubmit || !activity || autoTried.current) return;
    autoTried.current = true;
    setAutoSubmit(false);
    void submit(activity, code);
  }, [autoSubmit, activity]);

  const scan = async () => {
    try {
      const scanned = await Taro.scanCode({ onlyFromCamera: true });
      const found = sceneFromScan(scanned.path) ?? sceneFromScan(scanned.result);
      if (!found) {
        setError(t('events.checkin.notACode'));
        return;
      }
      setError(null);
      setDone(null);
      setCode(found.code);
      autoTried.current = false;
      setAutoSubmit(true);
      setActivityId(found.activityId);
      if (found.activityId === activityId && activity) void detail.reload();
    } catch {
      // Closing the camera is not an error worth a message.
    }
  };

  const scanButton =
    process.env.TARO_ENV === 'weapp' ? (
      <Button className='checkin__scan' type='primary' size='large' icon={<Scan size={22} color={colors.onPrimary} />} onClick={() => void scan()}>
        {t('events.checkin.scan')}
      </Button>
    ) : null;

  if (!activityId) {
    return (
      <PageRoot titleKey='events.titles.checkin' className='checkin'>
        <View className='linli-section'>
          <Text className='checkin__intro'>{t('events.checkin.introNoActivity')}</Text>
          {scanButton}
        </View>
        <TodayList onPick={(id) => void Taro.redirectTo({ url: checkinPath(id) }).catch(() => setActivityId(id))} />
      </PageRoot>
    );
  }

  if (detail.loading && !activity) {
    return (
      <PageRoot titleKey='events.titles.checkin' className='checkin'>
        <LoadingState cards={2} />
      </PageRoot>
    );
  }
  if (detail.error || !activity) {
    return (
      <PageRoot titleKey='events.titles.checkin' className='checkin'>
        <ErrorState message={detail.error ?? ''} code={detail.errorCode} goneTitle={t('events.detail.gone')} onRetry={() => void detail.reload()} />
      </PageRoot>
    );
  }

  const signup = activity.mySignup;
  const confirmed = signup?.status === 'confirmed';
  const direction = directionOf(activity);
  const finished = confirmed && signup?.checkedOutAt !== null;

  return (
    <PageRoot titleKey='events.titles.checkin' className='checkin' busy={busy}>
      <View className='linli-section'>
        <View className='linli-card checkin__activity' role='link' onClick={() => void Taro.navigateTo({ url: activityPath(activity.id) }).catch(() => undefined)}>
          <Text className='checkin__title'>{activity.title}</Text>
          <Text className='checkin__line'>{formatRange(t, activity.startAt, activity.endAt)}</Text>
          <Text className='checkin__line'>{activity.location.name}</Text>
          {signup?.checkedInAt ? <Text className='checkin__stamp'>{t('events.checkin.checkedInAt', { time: chinaClock(signup.checkedInAt) })}</Text> : null}
          {signup?.checkedOutAt ? <Text className='checkin__stamp'>{t('events.checkin.checkedOutAt', { time: chinaClock(signup.checkedOutAt) })}</Text> : null}
        </View>
      </View>

      {done ? (
        <View className='linli-section checkin__done' role='status'>
          <Success size={64} color={colors.success} />
          <Text className='checkin__done-title'>{done.direction === 'in' ? t('events.checkin.doneIn') : t('events.checkin.doneOut')}</Text>
          <Text className='checkin__done-time'>{chinaClock(done.at)}</Text>
        </View>
      ) : null}

      {!confirmed ? (
        <EmptyState
          title={t('events.checkin.notConfirmed')}
          description={t('events.checkin.notConfirmedHint')}
          action={{ text: t('events.checkin.openActivity'), onClick: () => void Taro.redirectTo({ url: activityPath(activity.id) }).catch(() => undefined) }}
        />
      ) : finished ? null : (
        <View className='linli-section checkin__entry'>
          {scanButton}
          <Text className='checkin__hint'>{direction === 'in' ? t('events.checkin.enterCodeIn') : t('events.checkin.enterCodeOut')}</Text>
          {checkinOpen(activity, Date.now()) ? null : <Text className='checkin__warn'>{t('events.checkin.outsideWindow')}</Text>}
          <CodeInput value={code} onChange={setCode} label={t('events.checkin.codeLabel')} placeholder={t('events.checkin.codePlaceholder')} />
          {error ? (
            <View className='checkin__error' role='alert'>
              <Text>{error}</Text>
            </View>
          ) : null}
          <Button
            className='checkin__submit'
            type='primary'
            size='large'
            block
            loading={busy}
            disabled={code.length !== CODE_LENGTH || busy}
            onClick={() => void submit(activity, code)}
          >
            {direction === 'in' ? t('events.checkin.submitIn') : t('events.checkin.submitOut')}
          </Button>
        </View>
      )}
    </PageRoot>
  );
}

interface TodayListProps {
  onPick: (activityId: string) => void;
}

/** My confirmed activities whose check-in is open now (or soon), to pick one without a code link. */
function TodayList({ onPick }: TodayListProps) {
  const { t } = useI18n();
  const { elderly } = useSettings();
  const mine = useAsync(() => call('signups.mine', { scope: 'upcoming', limit: 20 }), []);
  if (mine.loading && !mine.data) return <LoadingState cards={2} />;
  if (mine.error || !mine.data) return <ErrorState message={mine.error ?? ''} onRetry={() => void mine.reload()} />;
  const now = Date.now();
  const open = mine.data.items.filter((item: ActivityCardData) => item.mySignup?.status === 'confirmed' && checkinOpen(item, now));
  if (open.length === 0) return <EmptyState title={t('events.checkin.noneOpen')} description={t('events.checkin.noneOpenHint')} />;
  return (
    <View className='linli-section'>
      <Text className='linli-section__title'>{t('events.checkin.openNow')}</Text>
      {open.map((item) => (
        <ActivityCard key={item.id} activity={item} simple={elderly} onOpen={onPick} />
      ))}
    </View>
  );
}

import '../locale';
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { useNow } from '../../hooks/useNow';
import { formatRange } from '../../utils/chinaTime';
import { rosterPath } from '../../utils/eventRoutes';
import './index.scss';

/** Asks for the next code a little after the current one expires (clocks differ slightly). */
const REFRESH_MARGIN_MS = 800;
/** After a failed refresh (e.g. the hall's Wi-Fi dropped), tries again this soon. */
const RETRY_MS = 5_000;

/**
 * The check-in code (?id=), for leaders to show at the door: a big QR code to scan and the same code as six
 * big digits to type (or read out to someone without a smartphone camera). The code changes
 * every minute; the page fetches the next one on its own and keeps the screen on (weapp).
 */
export default function CheckinCodePage() {
  const { t } = useI18n();
  useAccount();
  const activityId = useRouter().params.id ?? '';
  const activity = useAsync(() => call('activities.get', { activityId }), [activityId], { enabled: activityId !== '' });
  const code = useAsync(() => call('checkin.code', { activityId }), [activityId], { enabled: activityId !== '' });
  const now = useNow(1000);
  const current = code.data;
  const expiresAt = current ? new Date(current.expiresAt).getTime() : 0;

  useEffect(() => {
    if (!current || code.loading) return undefined;
    const wait = code.error ? RETRY_MS : Math.max(0, expiresAt - Date.now()) + REFRESH_MARGIN_MS;
    const timer = setTimeout(() => void code.reload(), wait);
    return () => clearTimeout(timer);
  }, [current, expiresAt, code.loading, code.error, code.reload]);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return undefined;
    Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => {
      Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    };
  }, []);

  if (!activityId) {
    return (
      <PageRoot titleKey='events.titles.code'>
        <EmptyState title={t('events.detail.missingId')} />
      </PageRoot>
    );
  }
  if (!current && code.loading) {
    return (
      <PageRoot titleKey='events.titles.code'>
        <LoadingState cards={1} />
      </PageRoot>
    );
  }
  if (!current) {
    return (
      <PageRoot titleKey='events.titles.code'>
        <ErrorState message={code.error ?? ''} code={code.errorCode} goneTitle={t('events.detail.gone')} onRetry={() => void code.reload()} />
      </PageRoot>
    );
  }

  const secondsLeft = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return (
    <PageRoot titleKey='events.titles.code' className='checkin-code' busy={code.loading}>
      {activity.data ? (
        <View className='checkin-code__activity'>
          <Text className='checkin-code__title'>{activity.data.title}</Text>
          <Text className='checkin-code__time'>{formatRange(t, activity.data.startAt, activity.data.endAt)}</Text>
        </View>
      ) : null}
      <View className='linli-section'>
        <View className='linli-card checkin-code__card'>
          {/* H5 draws an <img> inside taro-image-core and gives it only what nativeProps holds (taro-image-core.js). */}
          <Image className='checkin-code__qr' src={current.qr} mode='aspectFit' ariaLabel={t('events.code.qrLabel')} nativeProps={{ alt: t('events.code.qrLabel') }} />
          <Text className='checkin-code__label'>{t('events.code.digitsLabel')}</Text>
          <Text className='checkin-code__digits' aria-label={t('events.code.digitsAria', { code: current.code.split('').join(' ') })}>
            {`${current.code.slice(0, 3)} ${current.code.slice(3)}`}
          </Text>
          <Text className='checkin-code__refresh'>{code.loading ? t('events.code.refreshing') : t('events.code.refreshIn', { seconds: secondsLeft })}</Text>
          {code.error ? <Text className='checkin-code__error'>{code.error}</Text> : null}
        </View>
      </View>
      <Text className='checkin-code__hint'>{t('events.code.hint')}</Text>
      <View className='linli-section'>
        <Button className='checkin-code__roster' fill='outline' type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: rosterPath(activityId) }).catch(() => undefined)}>
          {t('events.code.openRoster')}
        </Button>
      </View>
    </PageRoot>
  );
}

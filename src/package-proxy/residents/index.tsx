import '../locale';
import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { UserAvatar } from '../../components/UserAvatar';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { colors } from '../../styles/colors';
import { relationKey } from '../../utils/activityText';
import { formatDateTime } from '../../utils/chinaTime';
import { eventRoutes, proxyRecordsPath } from '../../utils/eventRoutes';
import { routes } from '../../utils/routes';
import './index.scss';

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

/** Roles whose holders register residents without a smartphone (src/shared/policies/signups.ts). */
const REGISTRARS = ['committee', 'street', 'county', 'grid'];

/**
 * The proxy's view (issue 18): the residents he acts for, whether each has a phone of her own,
 * what he can do for her (on an activity page: sign up, confirm an offered place, check in,
 * cancel), her proxy records, and a claim code for one who gets WeChat. Staff and grid workers also
 * find the way to register a resident without a smartphone here.
 */
export default function ProxyResidentsPage() {
  const { t } = useI18n();
  const { me } = useAccount();
  const list = useAsync(() => call('proxies.list', {}), []);
  const [issued, setIssued] = useState<Record<string, { code: string; expiresAt: string }>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const registrar = (me?.account.roles ?? []).some((role) => REGISTRARS.includes(role.role));

  usePullDownRefresh(() => {
    void list.reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  const claimCode = async (userId: string) => {
    setBusy(userId);
    try {
      const code = await call('proxies.claimCode', { residentUserId: userId });
      setIssued((current) => ({ ...current, [userId]: code }));
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    } finally {
      setBusy(null);
    }
  };

  const people = list.data?.canActFor ?? [];
  return (
    <PageRoot titleKey='proxy.titles.residents' className='proxy-residents' busy={list.loading}>
      <Text className='proxy-residents__intro'>{t('proxy.residents.intro')}</Text>
      {registrar ? (
        <View className='proxy-residents__register'>
          <Button className='proxy-residents__register-button' type='primary' size='large' block onClick={() => go(eventRoutes.proxyCreate)}>
            {t('proxy.residents.register')}
          </Button>
        </View>
      ) : null}
      {list.loading && !list.data ? (
        <LoadingState cards={2} />
      ) : list.error || !list.data ? (
        <ErrorState message={list.error ?? ''} onRetry={() => void list.reload()} />
      ) : people.length === 0 ? (
        <EmptyState title={t('proxy.residents.empty')} />
      ) : (
        <View className='proxy-residents__list'>
          {people.map((person) => {
            const code = issued[person.userId];
            const noPhone = person.hasOwnAccount === false;
            return (
              <View key={person.userId} className='linli-card proxy-residents__card' data-user-id={person.userId}>
                <View className='proxy-residents__head'>
                  <UserAvatar name={person.nickname} />
                  <View className='proxy-residents__who'>
                    <Text className='proxy-residents__name'>{person.nickname}</Text>
                    <Text className='proxy-residents__relation'>{t(`events.relations.${relationKey(person.relation)}`)}</Text>
                  </View>
                  <Tag plain color={noPhone ? colors.primary : colors.ink2}>
                    {noPhone ? t('proxy.residents.noPhone') : t('proxy.residents.hasPhone')}
                  </Tag>
                </View>
                <Text className='proxy-residents__can-do'>{t('proxy.residents.canDo')}</Text>
                {code ? (
                  <View className='proxy-residents__issued' role='status'>
                    <Text>{t('proxy.residents.claimIssued', { code: code.code, time: formatDateTime(t, code.expiresAt) })}</Text>
                  </View>
                ) : null}
                <View className='proxy-residents__actions'>
                  <Button className='proxy-residents__activities' type='primary' size='large' onClick={() => Taro.switchTab({ url: routes.activities }).catch(() => undefined)}>
                    {t('proxy.residents.findActivities')}
                  </Button>
                  <Button className='proxy-residents__records' size='large' onClick={() => go(proxyRecordsPath(person.userId))}>
                    {t('proxy.residents.records')}
                  </Button>
                  {noPhone ? (
                    <Button className='proxy-residents__claim' size='large' loading={busy === person.userId} disabled={busy !== null} onClick={() => void claimCode(person.userId)}>
                      {t('proxy.residents.claimCode')}
                    </Button>
                  ) : null}
                </View>
              </View>
            );
          })}
        </View>
      )}
    </PageRoot>
  );
}

import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { Chips, type ChipOption } from '../../components/Chips';
import { CODE_LENGTH, CodeInput } from '../../components/CodeInput';
import { ErrorState, LoadingState } from '../../components/StateView';
import { UserAvatar } from '../../components/UserAvatar';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { relationKey } from '../../utils/activityText';
import { eventRoutes, proxyRecordsPath } from '../../utils/eventRoutes';
import { setAccount } from '../../stores/session';
import { formatDate, formatDateTime } from '../../utils/chinaTime';
import './index.scss';

type ProxyView = OutputOf<'proxies.list'>['canActFor'][number];
/** The relations a proxy may ask a code for (ProxyRequestInput). */
type Relation = 'family' | 'grid_worker' | 'neighbour';
const CLAIM_LENGTH = 8;
const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

/**
 * Proxy consent: a family member (or grid worker, neighbour) asks for a 6-digit code and gives it
 * to the elderly resident, who enters it here; from then on the helper can sign her up. Both
 * sides see who may act for whom. Consent is recorded by the server when the code is entered.
 */
export default function ProxiesPage() {
  const { t } = useI18n();
  useAccount();
  const list = useAsync(() => call('proxies.list', {}), []);
  const [relation, setRelation] = useState<Relation>('family');
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [code, setCode] = useState('');
  const [accepting, setAccepting] = useState(false);
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const [claimCode, setClaimCode] = useState('');
  const [claiming, setClaiming] = useState(false);
  const [claimError, setClaimError] = useState<string | null>(null);

  usePullDownRefresh(() => {
    void list.reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  const relations: Array<ChipOption<Relation>> = (['family', 'grid_worker', 'neighbour'] as const).map((value) => ({
    key: value,
    value,
    label: t(`events.relations.${value}`),
  }));

  const requestCode = async () => {
    setRequesting(true);
    try {
      setIssued(await call('proxies.request', { relation }));
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    } finally {
      setRequesting(false);
    }
  };

  const accept = async () => {
    setAccepting(true);
    setAcceptError(null);
    try {
      const next = await call('proxies.accept', { code });
      list.setData(next);
      setCode('');
      Taro.showToast({ title: t('events.proxies.accepted'), icon: 'success' }).catch(() => undefined);
    } catch (error) {
      setAcceptError(errorMessage(error));
    } finally {
      setAccepting(false);
    }
  };

  // A resident registered without a smartphone takes over her account with the code her proxy or staff gave her.
  const claim = async () => {
    setClaiming(true);
    setClaimError(null);
    try {
      const claimed = await call('proxies.claim', { code: claimCode });
      setClaimCode('');
      setAccount(await call('account.me', {}));
      list.setData(await call('proxies.list', {}));
      Taro.showToast({ title: t('proxy.claim.done', { name: claimed.nickname }), icon: 'none', duration: 2500 }).catch(() => undefined);
    } catch (error) {
      setClaimError(errorMessage(error));
    } finally {
      setClaiming(false);
    }
  };

  const renderPeople = (people: ProxyView[], empty: string, className: string) =>
    people.length === 0 ? (
      <Text className='proxies__none'>{empty}</Text>
    ) : (
      <View className={`linli-card proxies__people ${className}`}>
        {people.map((person) => (
          <View key={person.userId} className='proxies__person'>
            <UserAvatar name={person.nickname} />
            <View className='proxies__who'>
              <Text className='proxies__name'>{person.nickname}</Text>
              <Text className='proxies__since'>
                {t('events.proxies.since', { relation: t(`events.relations.${relationKey(person.relation)}`), date: formatDate(t, person.since) })}
              </Text>
            </View>
          </View>
        ))}
      </View>
    );

  return (
    <PageRoot titleKey='events.titles.proxies' className='proxies' busy={list.loading}>
      <Text className='proxies__intro'>{t('events.proxies.intro')}</Text>

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('events.proxies.acceptTitle')}</Text>
        <View className='linli-card proxies__card'>
          <Text className='proxies__hint'>{t('events.proxies.acceptHint')}</Text>
          <CodeInput value={code} onChange={setCode} label={t('events.proxies.codeLabel')} placeholder={t('events.proxies.codePlaceholder')} />
          {acceptError ? (
            <View className='proxies__error' role='alert'>
              <Text>{acceptError}</Text>
            </View>
          ) : null}
          <Button className='proxies__accept' type='primary' size='large' block loading={accepting} disabled={code.length !== CODE_LENGTH || accepting} onClick={() => void accept()}>
            {t('events.proxies.accept')}
          </Button>
        </View>
      </View>

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('events.proxies.requestTitle')}</Text>
        <View className='linli-card proxies__card'>
          <Text className='proxies__hint'>{t('events.proxies.requestHint')}</Text>
          <Chips className='proxies__relations' options={relations} value={relation} onChange={setRelation} wrap />
          {issued ? (
            <View className='proxies__issued' role='status'>
              <Text className='proxies__issued-code'>{issued.code}</Text>
              <Text className='proxies__issued-hint'>{t('events.proxies.issuedHint', { time: formatDateTime(t, issued.expiresAt) })}</Text>
            </View>
          ) : null}
          <Button className='proxies__request' type={issued ? 'default' : 'primary'} size='large' block loading={requesting} onClick={() => void requestCode()}>
            {issued ? t('events.proxies.requestAgain') : t('events.proxies.request')}
          </Button>
        </View>
      </View>

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('proxy.claim.title')}</Text>
        <View className='linli-card proxies__card'>
          <Text className='proxies__hint'>{t('proxy.claim.hint')}</Text>
          <CodeInput className='proxies__claim-code' length={CLAIM_LENGTH} value={claimCode} onChange={setClaimCode} label={t('proxy.claim.label')} placeholder={t('proxy.claim.placeholder')} />
          {claimError ? (
            <View className='proxies__error' role='alert'>
              <Text>{claimError}</Text>
            </View>
          ) : null}
          <Button className='proxies__claim' size='large' block loading={claiming} disabled={claimCode.length !== CLAIM_LENGTH || claiming} onClick={() => void claim()}>
            {t('proxy.claim.submit')}
          </Button>
        </View>
      </View>

      <View className='proxies__links'>
        <Button className='proxies__residents' size='large' block onClick={() => go(eventRoutes.proxyResidents)}>
          {t('proxy.titles.residents')}
        </Button>
        <Button className='proxies__my-records' size='large' block onClick={() => go(proxyRecordsPath())}>
          {t('proxy.titles.records')}
        </Button>
      </View>

      {list.loading && !list.data ? (
        <LoadingState cards={2} />
      ) : list.error || !list.data ? (
        <ErrorState message={list.error ?? ''} onRetry={() => void list.reload()} />
      ) : (
        <>
          <View className='linli-section'>
            <Text className='linli-section__title'>{t('events.proxies.canActFor')}</Text>
            {renderPeople(list.data.canActFor, t('events.proxies.canActForEmpty'), 'proxies__can-act-for')}
          </View>
          <View className='linli-section'>
            <Text className='linli-section__title'>{t('events.proxies.actingForMe')}</Text>
            {renderPeople(list.data.actingForMe, t('events.proxies.actingForMeEmpty'), 'proxies__acting-for-me')}
          </View>
        </>
      )}
    </PageRoot>
  );
}

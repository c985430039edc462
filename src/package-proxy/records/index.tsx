import '../locale';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Id } from '../../shared/schemas/common';
import { ProxyWithdrawInput, type ProxyHistoryOutput } from '../../shared/schemas/signups';
import { call } from '../../services/cloud';
import { Chips } from '../../components/Chips';
import { ListFooter } from '../../components/ListFooter';
import { PageRoot } from '../../components/PageRoot';
import { ReasonDialog } from '../../components/ReasonDialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { colors } from '../../styles/colors';
import { relationKey } from '../../utils/activityText';
import { formatDateTime } from '../../utils/chinaTime';
import { proxyCreatePath } from '../../utils/eventRoutes';
import { textProblem } from '../../utils/schemaErrors';
import './index.scss';

type Tab = 'actions' | 'history';
type Consent = ProxyHistoryOutput['items'][number];
const PAGE_SIZE = 20;

/**
 * A resident's proxy records (every act a proxy did for her) and consent history (given when, how
 * witnessed, ended by whom and why), for herself (no id), her proxies and staff of her
 * community (?residentUserId=). Who may withdraw a consent or make a claim code is what the
 * server's abilities say; withdrawing ends the proxy at once.
 */
export default function ProxyRecordsPage() {
  const { t } = useI18n();
  useAccount();
  const param = useRouter().params.residentUserId;
  const residentUserId = param && Id.safeParse(param).success ? param : undefined;
  const scope = residentUserId ? { residentUserId } : {};
  const [tab, setTab] = useState<Tab>('actions');
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const history = useAsync(() => call('proxies.history', scope), [residentUserId]);
  const actions = usePaged((offset) => call('proxies.records', { ...scope, offset, limit: PAGE_SIZE }), (item) => item.id, [residentUserId]);

  usePullDownRefresh(() => {
    void Promise.all([history.reload(), actions.refresh()]).finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  const can = (ability: string) => history.data?.abilities.includes(ability) ?? false;
  const withdraw = async (reason: string | undefined) => {
    if (!withdrawing || !history.data) return;
    history.setData(await call('proxies.withdraw', { residentUserId: history.data.resident.userId, proxyUserId: withdrawing.proxyUserId, reason: reason ?? '' }));
    setWithdrawing(null);
    Taro.showToast({ title: t('proxy.records.withdrawn'), icon: 'none' }).catch(() => undefined);
  };
  const claimCode = async () => {
    if (!history.data) return;
    try {
      setIssued(await call('proxies.claimCode', { residentUserId: history.data.resident.userId }));
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    }
  };

  const tabs = [
    { key: 'actions' as const, value: 'actions' as const, label: t('proxy.records.actions') },
    { key: 'history' as const, value: 'history' as const, label: t('proxy.records.history') },
  ];

  const renderActions = () => {
    if (actions.loading && !actions.loaded) return <LoadingState cards={2} />;
    if (actions.error) return <ErrorState message={actions.error} onRetry={() => void actions.refresh()} />;
    if (actions.items.length === 0) return <EmptyState title={t('proxy.records.emptyActions')} />;
    return (
      <>
        <View className='linli-card proxy-records__list'>
          {actions.items.map((item) => (
            <View key={item.id} className='proxy-records__row' data-kind={item.kind}>
              <Text className='proxy-records__what'>
                {item.activityTitle ? t('proxy.records.what', { what: t(`proxy.records.kinds.${item.kind}`), activity: item.activityTitle }) : t(`proxy.records.kinds.${item.kind}`)}
              </Text>
              <Text className='proxy-records__by'>{t('proxy.records.by', { name: item.proxyNickname, time: formatDateTime(t, item.at) })}</Text>
            </View>
          ))}
        </View>
        <ListFooter hasMore={actions.hasMore} loadingMore={actions.loadingMore} error={actions.moreError} onLoadMore={() => void actions.loadMore()} />
      </>
    );
  };

  const renderHistory = () => {
    if (history.loading && !history.data) return <LoadingState cards={2} />;
    if (history.error || !history.data) return <ErrorState message={history.error ?? ''} onRetry={() => void history.reload()} />;
    const items = history.data.items;
    return (
      <>
        {can('proxies.addConsent') ? (
          <View className='proxy-records__claim'>
            <Button className='proxy-records__add-consent' size='large' block onClick={() => Taro.navigateTo({ url: proxyCreatePath(history.data?.resident.userId) }).catch(() => undefined)}>
              {t('proxy.records.addConsent')}
            </Button>
          </View>
        ) : null}
        {can('proxies.claimCode') ? (
          <View className='proxy-records__claim'>
            {issued ? <Text className='proxy-records__issued'>{t('proxy.residents.claimIssued', { code: issued.code, time: formatDateTime(t, issued.expiresAt) })}</Text> : null}
            <Button className='proxy-records__claim-button' size='large' block onClick={() => void claimCode()}>
              {t('proxy.records.claimCode')}
            </Button>
          </View>
        ) : null}
        {items.length === 0 ? (
          <EmptyState title={t('proxy.records.emptyHistory')} />
        ) : (
          <View className='linli-card proxy-records__list'>
            {items.map((consent) => (
              <View key={consent.consentId} className='proxy-records__consent' data-status={consent.status}>
                <View className='proxy-records__consent-head'>
                  <Text className='proxy-records__what'>{t('proxy.records.who', { name: consent.proxyNickname, relation: t(`events.relations.${relationKey(consent.relation)}`) })}</Text>
                  <Tag plain color={consent.status === 'active' ? colors.success : colors.ink2}>
                    {t(consent.status === 'active' ? 'proxy.records.active' : 'proxy.records.ended')}
                  </Tag>
                </View>
                <Text className='proxy-records__by'>{t('proxy.records.givenAt', { time: formatDateTime(t, consent.givenAt) })}</Text>
                <Text className='proxy-records__by'>
                  {consent.witness ? t('proxy.records.witnessed', { name: consent.witness.byNickname, form: t(`proxy.create.${consent.witness.form}`), ref: consent.witness.form === 'paper' ? consent.witness.ref : '' }) : t('proxy.records.inApp')}
                </Text>
                {consent.endedAt ? (
                  <Text className='proxy-records__by'>{t('proxy.records.endedBy', { time: formatDateTime(t, consent.endedAt), name: consent.endedByNickname ?? '', reason: consent.endReason ?? '' })}</Text>
                ) : null}
                {consent.status === 'active' && can('proxies.withdraw') ? (
                  <Button className='proxy-records__withdraw' size='large' type='danger' fill='outline' onClick={() => setWithdrawing(consent)}>
                    {t('proxy.records.withdraw')}
                  </Button>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </>
    );
  };

  return (
    <PageRoot titleKey='proxy.titles.records' className='proxy-records' busy={history.loading || actions.loading}>
      {history.data ? <Text className='proxy-records__resident'>{history.data.resident.nickname}</Text> : null}
      <Chips className='proxy-records__tabs' options={tabs} value={tab} onChange={setTab} />
      {tab === 'actions' ? renderActions() : renderHistory()}
      <ReasonDialog
        visible={withdrawing !== null}
        title={t('proxy.records.withdrawTitle', { name: withdrawing?.proxyNickname ?? '' })}
        placeholder={t('proxy.records.withdrawReason')}
        confirmText={t('proxy.records.withdraw')}
        schema={ProxyWithdrawInput.shape.reason}
        validate={(reason) => textProblem(t, ProxyWithdrawInput.shape.reason, reason, () => t('proxy.records.withdrawReason'))}
        onConfirm={withdraw}
        onClose={() => setWithdrawing(null)}
      />
    </PageRoot>
  );
}

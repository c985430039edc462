import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Dialog, Tag } from '@nutui/nutui-react-taro';
import { Gift } from '@nutui/icons-react-taro';
import type { RedemptionView, StoreItemView } from '../../shared/schemas/credits';
import { call, isClientError } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { formatDateTime } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { communityPath } from '../../utils/routes';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { ChipSelect } from '../components/ChipSelect';
import { groupedCode } from '../components/format';
import '../components/volunteer.scss';
import './index.scss';
import { colors } from '../../styles/colors';

type Tab = 'items' | 'mine';

const toast = (title: string) => {
  Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
};

/**
 * The points store of my home community: items with their cost, stock and my count
 * against the per-person limit; redeeming asks first and then shows the pickup code in big
 * digits. "My redemptions" lists the codes, and a pending one can be cancelled (credits return).
 */
export default function StorePage() {
  const { t } = useI18n();
  const account = useAccount({ requireCommunity: true });
  const community = account.me?.account.homeCommunity ?? null;
  const [tab, setTab] = useState<Tab>('items');
  const store = useAsync(() => call('store.items', { communityId: community?.id ?? '' }), [community?.id], { enabled: community !== null });
  const mine = usePaged<RedemptionView>((offset) => call('store.mine', { offset, limit: 20 }), (r) => r.id, [], { enabled: tab === 'mine' });
  const [asking, setAsking] = useState<StoreItemView | null>(null);
  const [code, setCode] = useState<RedemptionView | null>(null);
  const [cancelling, setCancelling] = useState<RedemptionView | null>(null);

  usePullDownRefresh(() => {
    void (tab === 'items' ? store.reload() : mine.refresh()).finally(() => {
      Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => {
    if (tab === 'mine' && mine.hasMore && !mine.loadingMore && !mine.loading) void mine.loadMore();
  });

  const redeem = async () => {
    const item = asking;
    if (!item || !store.data) return;
    try {
      const redemption = await call('store.redeem', { itemId: item.id });
      store.setData({
        ...store.data,
        balance: store.data.balance - redemption.cost,
        items: store.data.items.map((x) => (x.id === item.id ? { ...x, stock: x.stock - 1, mine: x.mine + 1 } : x)),
      });
      setCode(redemption);
      mine.setItems((items) => [redemption, ...items]);
    } catch (error) {
      const code = isClientError(error) ? error.code : null;
      if (code === 'INSUFFICIENT_CREDITS') toast(t('volunteer.store.insufficient', { cost: item.cost, balance: store.data.balance }));
      else if (code === 'OUT_OF_STOCK') {
        toast(t('volunteer.store.outOfStock'));
        void store.reload();
      } else if (code === 'LIMIT_REACHED') toast(t('volunteer.store.limitReached'));
      else toast(errorMessage(error));
    }
  };

  const cancel = async () => {
    if (!cancelling) return;
    try {
      const next = await call('store.cancel', { redemptionId: cancelling.id });
      mine.setItems((items) => items.map((x) => (x.id === next.id ? next : x)));
      toast(t('volunteer.store.cancelled'));
      void store.reload();
    } catch (error) {
      toast(errorMessage(error));
    }
  };

  const renderItems = () => {
    if (store.loading && !store.data) return <LoadingState cards={3} />;
    if (store.error || !store.data) return <ErrorState message={store.error ?? ''} onRetry={() => void store.reload()} />;
    const { items, balance, canManage } = store.data;
    return (
      <>
        <View className='linli-section'>
          <View className='linli-card volunteer-summary store__head'>
            <Text className='store__community'>{t('volunteer.store.community', { name: community?.name ?? '' })}</Text>
            <Text className='store__balance'>{t('volunteer.store.balance', { count: balance })}</Text>
            {canManage ? (
              <Button className='store__manage' fill='outline' size='small' onClick={() => void Taro.navigateTo({ url: volunteerRoutes.storeAdmin }).catch(() => undefined)}>
                {t('volunteer.me.storeAdmin')}
              </Button>
            ) : null}
          </View>
        </View>
        {items.length === 0 ? (
          <EmptyState title={t('volunteer.store.empty')} description={t('volunteer.store.emptyHint')} icon={<Gift size={40} color={colors.decoration} />} />
        ) : (
          <View className='linli-section store__grid'>
            {items.map((item) => {
              const soldOut = item.stock <= 0;
              const atLimit = item.mine >= item.perPersonLimit;
              return (
                <View key={item.id} className={cx('linli-card store__item', (soldOut || atLimit) && 'store__item--off')} data-item-id={item.id}>
                  {item.image ? <Image className='store__image' src={item.image} mode='aspectFill' /> : <View className='store__image store__image--none'><Gift size={40} color={colors.decoration} /></View>}
                  <View className='store__body'>
                    <Text className='store__name'>{item.name}</Text>
                    {item.description ? <Text className='volunteer-item__line'>{item.description}</Text> : null}
                    <Text className='store__cost'>{t('volunteer.store.cost', { count: item.cost })}</Text>
                    <Text className='volunteer-item__line'>
                      {[soldOut ? t('volunteer.store.soldOut') : t('volunteer.store.stock', { count: item.stock }), t('volunteer.store.limit', { mine: item.mine, limit: item.perPersonLimit })].join(' · ')}
                    </Text>
                    <Button className='store__redeem' type='primary' block disabled={soldOut || atLimit} onClick={() => setAsking(item)}>
                      {t('volunteer.store.redeem')}
                    </Button>
                  </View>
                </View>
              );
            })}
          </View>
        )}
      </>
    );
  };

  const renderMine = () => {
    if (mine.loading) return <LoadingState cards={2} />;
    if (mine.error) return <ErrorState message={mine.error} onRetry={() => void mine.refresh()} />;
    if (mine.items.length === 0) return <EmptyState title={t('volunteer.store.mineEmpty')} />;
    return (
      <View className='linli-section volunteer-list'>
        {mine.items.map((r) => (
          <View key={r.id} className={cx('linli-card volunteer-item store__redemption', `store__redemption--${r.state}`)} data-redemption-id={r.id}>
            <View className='volunteer-item__head'>
              <Text className='volunteer-item__title'>{r.itemName}</Text>
              <Tag type={r.state === 'pending' ? 'warning' : r.state === 'fulfilled' ? 'success' : 'default'}>{t(`volunteer.store.states.${r.state}`)}</Tag>
            </View>
            {r.state === 'pending' ? (
              <View className='store__code-line'>
                <Text className='volunteer-item__line'>{t('volunteer.store.codeLabel')}</Text>
                <Text className='store__code store__code--small'>{groupedCode(r.pickupCode)}</Text>
              </View>
            ) : null}
            <Text className='volunteer-item__line'>{`${t('volunteer.store.cost', { count: r.cost })} · ${formatDateTime(t, r.createdAt)}`}</Text>
            {r.state === 'pending' ? (
              <View className='volunteer-item__actions'>
                <Button className='store__cancel' fill='outline' onClick={() => setCancelling(r)}>
                  {t('volunteer.store.cancel')}
                </Button>
              </View>
            ) : null}
          </View>
        ))}
        <ListFooter hasMore={mine.hasMore} loadingMore={mine.loadingMore} error={mine.moreError} onLoadMore={() => void mine.loadMore()} />
      </View>
    );
  };

  return (
    <PageRoot titleKey='volunteer.titles.store' className='store' busy={store.loading}>
      {community === null && account.status !== 'loading' && account.me ? (
        <EmptyState title={t('volunteer.common.noCommunityTitle')} action={{ text: t('volunteer.common.pickCommunity'), onClick: () => void Taro.navigateTo({ url: communityPath() }).catch(() => undefined) }} />
      ) : (
        <>
          <View className='linli-section store__tabs'>
            <ChipSelect
              name='storeTab'
              options={[
                { value: 'items', label: t('volunteer.store.tabs.items') },
                { value: 'mine', label: t('volunteer.store.tabs.mine') },
              ]}
              value={[tab]}
              onChange={([next]) => setTab(next === 'mine' ? 'mine' : 'items')}
            />
          </View>
          {tab === 'items' ? renderItems() : renderMine()}
        </>
      )}
      <ConfirmDialog
        visible={asking !== null}
        title={t('volunteer.store.redeemTitle', { name: asking?.name ?? '' })}
        message={t('volunteer.store.redeemMessage', { cost: asking?.cost ?? 0 })}
        confirmText={t('volunteer.store.redeemConfirm')}
        onConfirm={redeem}
        onClose={() => setAsking(null)}
      />
      <ConfirmDialog
        visible={cancelling !== null}
        title={t('volunteer.store.cancelTitle')}
        message={t('volunteer.store.cancelMessage')}
        confirmText={t('volunteer.store.cancelConfirm')}
        cancelText={t('volunteer.store.keep')}
        onConfirm={cancel}
        onClose={() => setCancelling(null)}
      />
      <Dialog
        className='store__code-dialog'
        visible={code !== null}
        title={t('volunteer.store.codeTitle')}
        confirmText={t('volunteer.store.close')}
        hideCancelButton
        onConfirm={() => setCode(null)}
        onClose={() => setCode(null)}
      >
        <View className='store__code-body'>
          <Text className='volunteer-item__line'>{code?.itemName ?? ''}</Text>
          <Text className='store__code' aria-label={t('volunteer.store.codeLabel')}>
            {code ? groupedCode(code.pickupCode) : ''}
          </Text>
          <Text className='volunteer-item__line'>{t('volunteer.store.codeHint')}</Text>
        </View>
      </Dialog>
    </PageRoot>
  );
}

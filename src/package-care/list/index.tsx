import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CareRecipientView } from '../../shared/schemas/care';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { ListFooter } from '../../components/ListFooter';
import { pressable } from '../../components/Pressable';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { usePagedList } from '../../hooks/usePagedList';
import { useI18n } from '../../hooks/useI18n';
import { chinaDay, formatDay } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { dueText } from '../components/dueText';
import '../components/care.scss';
import './index.scss';

type Filter = 'active' | 'overdue' | 'closed';
type Row = Pick<CareRecipientView, 'id' | 'name' | 'category' | 'dueDate' | 'lastVisitDate' | 'status'> & { overdue: boolean; pairedWith: string[] };

/** The register for committee staff: their community's people due soonest first, the overdue ones, or those whose care ended. */
export default function CareListPage() {
  const { t } = useI18n();
  const account = useAccount();
  const { me } = account;
  const communities = (me?.account.roles ?? []).filter((role) => role.role === 'committee').map((role) => ({ value: role.regionId, label: role.regionName }));
  const [chosen, setChosen] = useState<string | null>(null);
  const communityId = chosen ?? communities[0]?.value ?? null;
  const [filter, setFilter] = useState<Filter>('active');
  const today = chinaDay();
  const list = usePagedList<Row>(
    async (offset, limit) => {
      if (filter === 'overdue') {
        const page = await call('care.overdue', { communityId: communityId!, offset, limit });
        return { ...page, items: page.items.map((i) => ({ id: i.recipientId, name: i.name, category: i.category, dueDate: i.dueDate, lastVisitDate: i.lastVisitDate, status: 'active' as const, overdue: true, pairedWith: i.pairedWith })) };
      }
      const page = await call('care.list', { communityId: communityId!, status: filter, offset, limit });
      return { ...page, items: page.items.map((p) => ({ ...p, pairedWith: p.pairs.filter((pair) => pair.status === 'active').map((pair) => pair.name) })) };
    },
    [communityId, filter],
    { enabled: !!communityId, keyOf: (row) => row.id, pageSize: 20 },
  );
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const open = (id: string) => void Taro.navigateTo({ url: `/package-care/person/index?id=${id}` });
  const render = () => {
    // Until her account (and so her committee) is known there is no register to ask for: a
    // skeleton while it loads, its error with a retry — never "nobody in care" by mistake.
    if (!me) return account.status === 'error' ? <ErrorState message={account.error ?? ''} onRetry={account.retry} /> : <LoadingState cards={3} />;
    if (communities.length === 0) return <EmptyState title={t('care.list.noCommunity')} />;
    if (list.loading && !list.loaded) return <LoadingState cards={3} />;
    if (list.error) return <ErrorState message={list.error} onRetry={() => void list.refresh()} />;
    if (list.items.length === 0) return <EmptyState title={t(filter === 'overdue' ? 'care.list.emptyOverdue' : 'care.list.empty')} />;
    return (
      <View className='care-list'>
        {list.items.map((row) => (
          <View key={row.id} className='linli-card care-card linli-pressable' data-id={row.id} onClick={() => open(row.id)} {...pressable(() => open(row.id), { role: 'link' })}>
            <View className='care-card__head'>
              <Text className='care-card__name'>{row.name}</Text>
              {row.status === 'active' ? <Text className={cx('care-due', row.overdue && 'care-due--overdue')}>{dueText(t, today, row.dueDate)}</Text> : null}
            </View>
            <Text className='care-card__line'>{t(`care.categories.${row.category}`)}</Text>
            <Text className='care-card__line'>{row.lastVisitDate ? t('care.list.lastVisit', { date: formatDay(t, row.lastVisitDate) }) : t('care.list.never')}</Text>
            <Text className='care-card__line'>{row.pairedWith.length > 0 ? t('care.list.paired', { names: row.pairedWith.join(t('care.list.nameSeparator')) }) : t('care.list.unpaired')}</Text>
          </View>
        ))}
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onLoadMore={() => void list.loadMore()} />
      </View>
    );
  };

  return (
    <PageRoot titleKey='care.titles.list' className='care-page care-list-page' busy={list.loading}>
      <Text className='care-intro'>{t('care.list.intro')}</Text>
      {communities.length > 1 ? <ChoiceChips className='care-actions' options={communities} value={communityId} onChange={setChosen} /> : null}
      <ChoiceChips
        className='care-actions care-filter'
        options={(['active', 'overdue', 'closed'] as const).map((value) => ({ value, label: t(`care.list.${value}`) }))}
        value={filter}
        onChange={setFilter}
      />
      {render()}
      {communityId ? (
        <View className='care-bar'>
          <Button type='primary' block className='care-add' onClick={() => void Taro.navigateTo({ url: `/package-care/register/index?communityId=${communityId}` })}>
            {t('care.list.add')}
          </Button>
        </View>
      ) : null}
    </PageRoot>
  );
}

import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Checked } from '@nutui/icons-react-taro';
import type { CaseView } from '../../shared/schemas/moderation';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ListFooter } from '../../components/ListFooter';
import { ReasonDialog } from '../../components/ReasonDialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { CaseCard } from '../components/CaseCard';
import '../components/staff.scss';
import { colors } from '../../styles/colors';

const PAGE_SIZE = 20;

interface Deciding {
  item: CaseView;
  uphold: boolean;
}

/**
 * Appeals waiting for this staff member: the decision, the author's appeal, and keep or
 * restore with a reason. Whoever made the decision sees the appeal but cannot judge it (the
 * server refuses; the page says so instead of offering the buttons).
 */
export default function AppealsPage() {
  const { t } = useI18n();
  useAccount();
  const queue = usePaged((offset) => call('moderation.queue', { state: 'appealed', offset, limit: PAGE_SIZE }), (item) => item.id, []);
  const [deciding, setDeciding] = useState<Deciding | null>(null);

  usePullDownRefresh(() => {
    void queue.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (queue.hasMore && !queue.loading && !queue.loadingMore) void queue.loadMore();
  });

  const decide = async (reason: string | undefined) => {
    if (!deciding) return;
    const { item, uphold } = deciding;
    await call('moderation.decideAppeal', { caseId: item.id, uphold, reason: reason ?? '' });
    queue.setItems((items) => items.filter((c) => c.id !== item.id));
    Taro.showToast({ title: t(uphold ? 'moderation.appeals.upheld' : 'moderation.appeals.overturned'), icon: 'none' }).catch(() => undefined);
  };

  const body = () => {
    if (queue.loading && !queue.loaded) return <LoadingState cards={2} />;
    if (queue.error) return <ErrorState message={queue.error} onRetry={() => void queue.refresh()} />;
    if (queue.items.length === 0) return <EmptyState title={t('moderation.appeals.empty')} description={t('moderation.appeals.emptyHint')} icon={<Checked size={40} color={colors.decoration} />} />;
    return (
      <>
        <View className='staff-list staff-list--grid'>
          {queue.items.map((item) => (
            <CaseCard key={item.id} item={item}>
              {item.abilities.includes('moderation.decideAppeal') ? (
                <View className='staff-actions'>
                  <Button className='staff-appeal__uphold' size='small' onClick={() => setDeciding({ item, uphold: true })}>
                    {t('moderation.appeals.uphold')}
                  </Button>
                  <Button className='staff-appeal__overturn' size='small' type='primary' onClick={() => setDeciding({ item, uphold: false })}>
                    {t('moderation.appeals.overturn')}
                  </Button>
                </View>
              ) : item.lastDecision?.byMe ? (
                <Text className='staff-card__note staff-appeal__mine'>{t('moderation.appeals.byMe')}</Text>
              ) : null}
            </CaseCard>
          ))}
        </View>
        <ListFooter hasMore={queue.hasMore} loadingMore={queue.loadingMore} error={queue.moreError} onLoadMore={() => void queue.loadMore()} />
      </>
    );
  };

  return (
    <PageRoot titleKey='moderation.titles.appeals' className='staff-page staff-appeals' busy={queue.loading}>
      <View className='staff-frame'>
        <Text className='staff-intro'>{t('moderation.appeals.intro')}</Text>
        {queue.loaded && queue.total > 0 ? (
          <View className='staff-bar'>
            <Text className='staff-total'>{t('moderation.queue.total', { count: queue.total })}</Text>
          </View>
        ) : null}
        {body()}
      </View>
      <ReasonDialog
        visible={deciding !== null}
        title={deciding ? t(deciding.uphold ? 'moderation.appeals.upholdTitle' : 'moderation.appeals.overturnTitle', { title: deciding.item.title }) : ''}
        message={deciding ? t(deciding.uphold ? 'moderation.appeals.upholdMessage' : 'moderation.appeals.overturnMessage') : ''}
        confirmText={deciding ? t(deciding.uphold ? 'moderation.appeals.uphold' : 'moderation.appeals.overturn') : undefined}
        onConfirm={decide}
        onClose={() => setDeciding(null)}
      />
    </PageRoot>
  );
}

import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Checked } from '@nutui/icons-react-taro';
import type { CaseView, ModerationAction } from '../../shared/schemas/moderation';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { ListFooter } from '../../components/ListFooter';
import { ReasonDialog } from '../../components/ReasonDialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { CaseCard } from '../components/CaseCard';
import '../components/staff.scss';
import { colors } from '../../styles/colors';
import { DANGER_BUTTON } from '../../styles/buttons';

const PAGE_SIZE = 20;
const ACTIONS: readonly ModerationAction[] = ['hide', 'restore', 'warn', 'suspend', 'dismiss'];

/** Restore and dismiss have abilities of their own (only for hidden items, only while reports wait). */
const ABILITY: Partial<Record<ModerationAction, string>> = { restore: 'moderation.restore', dismiss: 'moderation.dismiss' };
const offered = (item: CaseView, action: ModerationAction) => item.abilities.includes(ABILITY[action] ?? 'moderation.decide');

/**
 * The abilities of a case just decided, as the server will answer them: the waiting reports are
 * closed (nothing to dismiss) and restore follows whether the item is now hidden.
 */
function abilitiesAfter(abilities: string[], itemHidden: boolean): string[] {
  const kept = abilities.filter((a) => a !== 'moderation.dismiss' && a !== 'moderation.restore');
  return itemHidden && kept.includes('moderation.decide') ? [...kept, 'moderation.restore'] : kept;
}
type Filter = 'open' | 'all';

interface Deciding {
  item: CaseView;
  action: ModerationAction;
}

/**
 * The moderation queue of the staff member's communities and streets: reported items, most
 * reported first, with what each reporter wrote. Hide, restore (hidden items only), warn,
 * suspend or find the reports unfounded — always with a reason.
 */
export default function ModerationQueuePage() {
  const { t } = useI18n();
  useAccount();
  const [filter, setFilter] = useState<Filter>('open');
  const queue = usePaged((offset) => call('moderation.queue', { state: filter, offset, limit: PAGE_SIZE }), (item) => item.id, [filter]);
  const [deciding, setDeciding] = useState<Deciding | null>(null);

  usePullDownRefresh(() => {
    void queue.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (queue.hasMore && !queue.loading && !queue.loadingMore) void queue.loadMore();
  });

  const actionLabel = (item: CaseView, action: ModerationAction) =>
    action === 'hide' && item.state === 'hidden' ? t('moderation.queue.keepHidden') : t(`moderation.actions.${action}`);

  const decide = async (reason: string | undefined) => {
    if (!deciding) return;
    const { item, action } = deciding;
    await call('moderation.decide', { caseId: item.id, action, reason: reason ?? '' });
    const state = ({ hide: 'hidden', restore: 'restored', warn: 'warned', suspend: 'suspended', dismiss: 'dismissed' } as const)[action];
    const itemHidden = action === 'hide' || action === 'suspend' ? true : action === 'warn' ? item.itemHidden : false;
    // A decided case leaves the open queue; under "all" it stays, showing the decision.
    queue.setItems((items) =>
      filter === 'open'
        ? items.filter((c) => c.id !== item.id)
        : items.map((c) => (c.id === item.id ? { ...c, state, itemHidden, abilities: abilitiesAfter(c.abilities, itemHidden), lastDecision: { action, reason: reason ?? '', at: new Date().toISOString(), byMe: true } } : c)),
    );
    Taro.showToast({ title: t('moderation.queue.decided', { action: actionLabel(item, action) }), icon: 'none' }).catch(() => undefined);
  };

  const body = () => {
    if (queue.loading && !queue.loaded) return <LoadingState cards={3} />;
    if (queue.error) return <ErrorState message={queue.error} onRetry={() => void queue.refresh()} />;
    if (queue.items.length === 0) return <EmptyState title={t('moderation.queue.empty')} description={t('moderation.queue.emptyHint')} icon={<Checked size={40} color={colors.decoration} />} />;
    return (
      <>
        <View className='staff-list staff-list--grid'>
          {queue.items.map((item) => (
            <CaseCard key={item.id} item={item}>
              {item.appeal?.state === 'pending' ? <Text className='staff-card__note'>{t('moderation.queue.appealPending')}</Text> : null}
              {item.abilities.includes('moderation.decide') ? (
                <View className='staff-actions'>
                  {ACTIONS.filter((action) => offered(item, action)).map((action) => (
                    <Button
                      key={action}
                      className={`staff-case__action staff-case__action--${action} ${action === 'suspend' ? DANGER_BUTTON : ''}`}
                      size='small'
                      type={action === 'hide' ? 'primary' : 'default'}
                      onClick={() => setDeciding({ item, action })}
                    >
                      {actionLabel(item, action)}
                    </Button>
                  ))}
                </View>
              ) : null}
            </CaseCard>
          ))}
        </View>
        <ListFooter hasMore={queue.hasMore} loadingMore={queue.loadingMore} error={queue.moreError} onLoadMore={() => void queue.loadMore()} />
      </>
    );
  };

  return (
    <PageRoot titleKey='moderation.titles.queue' className='staff-page staff-queue' busy={queue.loading}>
      <View className='staff-frame'>
        <Text className='staff-intro'>{t('moderation.queue.intro')}</Text>
        <View className='staff-bar'>
          <ChoiceChips
            className='staff-queue__filter'
            options={[
              { value: 'open', label: t('moderation.queue.filters.open') },
              { value: 'all', label: t('moderation.queue.filters.all') },
            ]}
            value={filter}
            onChange={setFilter}
          />
          {queue.loaded ? <Text className='staff-total'>{t('moderation.queue.total', { count: queue.total })}</Text> : null}
        </View>
        {body()}
      </View>
      <ReasonDialog
        visible={deciding !== null}
        title={deciding ? t('moderation.queue.decideTitle', { action: actionLabel(deciding.item, deciding.action), title: deciding.item.title }) : ''}
        message={deciding ? t(`moderation.queue.decideMessage.${deciding.action}`) : ''}
        confirmText={deciding ? actionLabel(deciding.item, deciding.action) : undefined}
        onConfirm={decide}
        onClose={() => setDeciding(null)}
      />
    </PageRoot>
  );
}

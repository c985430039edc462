import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { RollCallView } from '../../shared/schemas/volunteers';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { useAccount } from '../../hooks/useAccount';
import { SubscribeNote } from '../../components/SubscribeNote';
import { useSubscriptionPrompt } from '../../hooks/useSubscriptionPrompt';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { formatDateTime } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { rollCallAnswerPath } from '../../utils/volunteerRoutes';
import '../components/volunteer.scss';
import './index.scss';

/** ETA choices in minutes; null = not sure. Big chips, no typing. */
const ETAS: ReadonlyArray<number | null> = [10, 20, 30, 60, 120, null];

const toast = (title: string) => {
  Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
};

/**
 * A called volunteer's side of an emergency roll-call. With `id` (the inbox notice's link): what,
 * where and when, and two big buttons — "I can come" (with how soon) or "I can't" — changeable
 * until it closes. Without: the roll-calls she was called to (the Me tab, volunteer service).
 */
export default function RollCallAnswerPage() {
  const id = useRouter().params.id;
  return (
    <PageRoot titleKey='volunteer.titles.rollcall' className='rollcall-answer'>
      {id ? <Answer id={id} /> : <MyRollCalls />}
    </PageRoot>
  );
}

function Answer({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useAsync(() => call('rollcalls.get', { rollCallId: id }), [id]);
  const [eta, setEta] = useState<number | null>(null);
  const [busy, setBusy] = useState<'coming' | 'cannot' | null>(null);
  const subscription = useSubscriptionPrompt();
  // The account carries the template ids the consent prompt asks for.
  useAccount();

  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (state.loading && !state.data) return <LoadingState cards={2} />;
  if (state.error || !state.data) return <ErrorState message={state.error ?? ''} onRetry={() => void state.reload()} />;
  const rollCall = state.data.rollCall;
  const mine = rollCall.myAnswer;
  const canAnswer = rollCall.abilities.includes('rollcalls.respond');

  const answer = async (choice: 'coming' | 'cannot') => {
    // In the tap: consent for the next call-out (and its closing thanks) — one consent, one message.
    subscription.ask(['rollcall']);
    setBusy(choice);
    try {
      const next = await call('rollcalls.respond', { rollCallId: id, answer: choice, ...(choice === 'coming' && eta !== null ? { etaMinutes: eta } : {}) });
      state.setData({ ...state.data!, rollCall: next });
      toast(t('volunteer.rollcall.sent'));
    } catch (error) {
      toast(errorMessage(error));
      // A roll-call closed meanwhile: show it as closed.
      void state.reload();
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className='rollcall-answer__body'>
      <View className='linli-card rollcall-answer__card'>
        <View className='rollcall-answer__head'>
          <Text className='rollcall-answer__title'>{rollCall.title}</Text>
          <Text className={`rollcall-answer__status rollcall-answer__status--${rollCall.status}`}>{t(`volunteer.rollcall.status.${rollCall.status}`)}</Text>
        </View>
        <Text className='rollcall-answer__from'>{t('volunteer.rollcall.from', { community: rollCall.communityName })}</Text>
        <Fact label={t('volunteer.rollcall.what')} value={rollCall.description} />
        <Fact label={t('volunteer.rollcall.where')} value={rollCall.meetingPlace} />
        <Fact label={t('volunteer.rollcall.when')} value={formatDateTime(t, rollCall.meetAt)} />
        <Text className='rollcall-answer__needed'>{t('volunteer.rollcall.needed', { count: rollCall.needed })}</Text>
      </View>

      {mine ? (
        <View className={cx('rollcall-answer__mine', `rollcall-answer__mine--${mine.answer}`)}>
          <Text>{t(`volunteer.rollcall.answer.${mine.answer}`)}</Text>
          {mine.answer === 'coming' && mine.etaMinutes !== null ? <Text className='rollcall-answer__my-eta'>{t('volunteer.rollcall.myEta', { minutes: mine.etaMinutes })}</Text> : null}
        </View>
      ) : null}

      {canAnswer ? (
        <View className='linli-section rollcall-answer__actions'>
          <Text className='linli-section__title'>{t('volunteer.rollcall.eta')}</Text>
          <View className='volunteer-chips rollcall-answer__etas' role='radiogroup'>
            {ETAS.map((minutes) => (
              <View
                key={minutes ?? 'unsure'}
                className={cx('volunteer-chip', eta === minutes && 'volunteer-chip--on')}
                role='radio'
                aria-checked={eta === minutes}
                data-value={minutes ?? 'unsure'}
                onClick={() => setEta(minutes)}
              >
                <Text>{minutes === null ? t('volunteer.rollcall.etaUnsure') : minutes >= 60 ? t('volunteer.rollcall.etaHours', { hours: minutes / 60 }) : t('volunteer.rollcall.etaMinutes', { minutes })}</Text>
              </View>
            ))}
          </View>
          <Button className='rollcall-answer__coming' type='success' size='xlarge' block loading={busy === 'coming'} disabled={busy !== null} onClick={() => void answer('coming')}>
            {t('volunteer.rollcall.coming')}
          </Button>
          <Button className='rollcall-answer__cannot' fill='outline' size='xlarge' block loading={busy === 'cannot'} disabled={busy !== null} onClick={() => void answer('cannot')}>
            {t('volunteer.rollcall.cannot')}
          </Button>
          <Text className='rollcall-answer__hint'>{t('volunteer.rollcall.change')}</Text>
          <SubscribeNote outcome={subscription.outcome} />
        </View>
      ) : rollCall.status === 'closed' ? (
        <EmptyState className='rollcall-answer__closed' title={t('volunteer.rollcall.closed')} />
      ) : null}
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='rollcall-answer__fact'>
      <Text className='rollcall-answer__label'>{label}</Text>
      <Text className='rollcall-answer__value'>{value}</Text>
    </View>
  );
}

function MyRollCalls() {
  const { t } = useI18n();
  const list = usePaged((offset) => call('rollcalls.list', { offset, limit: 20 }), (item: RollCallView) => item.id, []);
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.loading) void list.loadMore();
  });
  if (list.loading && list.items.length === 0) return <LoadingState cards={2} />;
  if (list.error) return <ErrorState message={list.error} onRetry={() => void list.refresh()} />;
  if (list.items.length === 0) return <EmptyState title={t('volunteer.rollcall.empty')} description={t('volunteer.rollcall.emptyHint')} />;
  return (
    <View className='linli-section'>
      <Text className='linli-section__title'>{t('volunteer.rollcall.listTitle')}</Text>
      <CellGroup className='rollcall-answer__list'>
        {list.items.map((item) => (
          <Cell
            key={item.id}
            className='rollcall-answer__item'
            title={item.title}
            description={`${formatDateTime(t, item.meetAt)}${t('common.separator')}${item.meetingPlace}`}
            extra={<Text className={`rollcall-answer__status rollcall-answer__status--${item.status}`}>{item.status === 'open' && item.myAnswer ? t(`volunteer.rollcall.answer.${item.myAnswer.answer}`) : t(`volunteer.rollcall.status.${item.status}`)}</Text>}
            align='center'
            clickable
            onClick={() => void Taro.navigateTo({ url: rollCallAnswerPath(item.id) }).catch(() => undefined)}
          />
        ))}
      </CellGroup>
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onLoadMore={() => void list.loadMore()} />
    </View>
  );
}

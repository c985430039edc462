import '../locale';
import { useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Dialog, Input } from '@nutui/nutui-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { formatDate } from '../../utils/chinaTime';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { VOLUNTEER_NO, wholeNumber } from '../components/format';
import { LedgerEntryRow } from '../components/LedgerEntryRow';
import '../components/volunteer.scss';
import './index.scss';

type Summary = Omit<OutputOf<'credits.mine'>, 'entries'>;
type Entry = OutputOf<'credits.mine'>['entries']['items'][number];
type Move = 'transfer' | 'donate' | null;

/**
 * My credits (spendable, kept apart from the statutory hours): balance, what expires soon, the
 * ledger entries; in a time-bank community also a transfer to another volunteer and a donation
 * to the community pool.
 */
export default function CreditsPage() {
  const { t } = useI18n();
  useAccount();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [move, setMove] = useState<Move>(null);
  const entries = usePaged<Entry>(
    async (offset) => {
      const { entries: page, ...rest } = await call('credits.mine', { offset, limit: 20 });
      setSummary(rest);
      return page;
    },
    (entry) => entry.id,
    [],
  );

  usePullDownRefresh(() => {
    void entries.refresh().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => {
    if (entries.hasMore && !entries.loadingMore && !entries.loading) void entries.loadMore();
  });

  const render = () => {
    if (entries.loading && !summary) return <LoadingState cards={3} />;
    if (entries.error || !summary) return <ErrorState message={entries.error ?? ''} onRetry={() => void entries.refresh()} />;
    return (
      <>
        <View className='linli-section'>
          <View className='linli-card volunteer-summary credits__summary'>
            <Text className='credits__label'>{t('volunteer.credits.balance')}</Text>
            <Text className='volunteer-big credits__balance'>{summary.balance}</Text>
            {summary.expiringSoon ? (
              <Text className='volunteer-item__line volunteer-item__line--warn credits__expiring'>
                {t('volunteer.credits.expiring', { count: summary.expiringSoon.amount, date: formatDate(t, summary.expiringSoon.at, { year: 'always' }) })}
              </Text>
            ) : null}
            <Button className='credits__to-store' fill='outline' size='large' block onClick={() => void Taro.navigateTo({ url: volunteerRoutes.store }).catch(() => undefined)}>
              {t('volunteer.credits.toStore')}
            </Button>
          </View>
        </View>
        {summary.timeBank ? (
          <View className='linli-section credits__bank'>
            <Text className='linli-section__title'>{t('volunteer.credits.timeBank')}</Text>
            <Text className='volunteer-item__line'>{t('volunteer.credits.timeBankHint')}</Text>
            <View className='credits__bank-actions'>
              <Button className='credits__transfer' type='primary' size='large' onClick={() => setMove('transfer')}>
                {t('volunteer.credits.transfer')}
              </Button>
              <Button className='credits__donate' fill='outline' size='large' onClick={() => setMove('donate')}>
                {t('volunteer.credits.donate')}
              </Button>
            </View>
          </View>
        ) : null}
        <View className='linli-section'>
          <Text className='linli-section__title'>{t('volunteer.credits.entries')}</Text>
          {entries.items.length === 0 ? (
            <EmptyState title={t('volunteer.credits.empty')} description={t('volunteer.credits.emptyHint')} />
          ) : (
            <View className='linli-card credits__entries'>
              {entries.items.map((entry) => (
                <LedgerEntryRow key={entry.id} entry={entry} />
              ))}
              <ListFooter hasMore={entries.hasMore} loadingMore={entries.loadingMore} error={entries.moreError} onLoadMore={() => void entries.loadMore()} />
            </View>
          )}
        </View>
      </>
    );
  };

  return (
    <PageRoot titleKey='volunteer.titles.credits' className='credits' busy={entries.loading}>
      {render()}
      <MoveDialog
        move={move}
        onClose={() => setMove(null)}
        onDone={(balance) => {
          setSummary((current) => (current ? { ...current, balance } : current));
          void entries.refresh();
        }}
      />
    </PageRoot>
  );
}

interface MoveDialogProps {
  move: Move;
  onClose: () => void;
  onDone: (balance: number) => void;
}

/** Transfer to a volunteer number, or donate to the pool: amounts checked with the contract's bounds first. */
function MoveDialog({ move, onClose, onDone }: MoveDialogProps) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setTo('');
    setAmount('');
    setNote('');
    setError(null);
  }, [move]);

  const confirm = async () => {
    const value = wholeNumber(amount);
    const target = to.trim().toUpperCase();
    const problem =
      move === 'transfer' && !VOLUNTEER_NO.test(target)
        ? t('volunteer.credits.volunteerNoInvalid')
        : value === null || value < 1 || value > 10_000
          ? t('volunteer.credits.amountInvalid')
          : null;
    if (problem || value === null) {
      setError(problem);
      throw new Error(problem ?? '');
    }
    try {
      const result =
        move === 'transfer'
          ? await call('credits.transfer', { toVolunteerNo: target, amount: value, ...(note.trim() ? { note: note.trim() } : {}) })
          : await call('credits.donate', { amount: value });
      Taro.showToast({ title: t(move === 'transfer' ? 'volunteer.credits.transferred' : 'volunteer.credits.donated', { balance: result.balance }), icon: 'none' }).catch(
        () => undefined,
      );
      onDone(result.balance);
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
      throw caught;
    }
  };

  return (
    <Dialog
      className='credits__dialog'
      visible={move !== null}
      title={move === 'donate' ? t('volunteer.credits.donateTitle') : t('volunteer.credits.transferTitle')}
      confirmText={move === 'donate' ? t('volunteer.credits.donateConfirm') : t('volunteer.credits.transferConfirm')}
      cancelText={t('common.cancel')}
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='volunteer-dialog-body'>
        {move === 'donate' ? <Text className='volunteer-dialog-label'>{t('volunteer.credits.donateMessage')}</Text> : null}
        {move === 'transfer' ? (
          <View data-field='to'>
            <Text className='volunteer-dialog-label'>{t('volunteer.credits.toVolunteerNo')}</Text>
            <Input value={to} maxLength={11} placeholder={t('volunteer.credits.toVolunteerNoPlaceholder')} onChange={setTo} />
          </View>
        ) : null}
        <View data-field='amount'>
          <Text className='volunteer-dialog-label'>{t('volunteer.credits.amount')}</Text>
          <Input type='number' value={amount} maxLength={5} onChange={setAmount} />
        </View>
        {move === 'transfer' ? (
          <View data-field='note'>
            <Text className='volunteer-dialog-label'>{t('volunteer.credits.note')}</Text>
            <Input value={note} maxLength={50} onChange={setNote} />
          </View>
        ) : null}
        {error ? (
          <View className='volunteer-item__line volunteer-item__line--danger' role='alert'>
            {error}
          </View>
        ) : null}
      </View>
    </Dialog>
  );
}

import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Dialog, Input } from '@nutui/nutui-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import { CreditsDonateInput, CreditsTransferInput } from '../../shared/schemas/credits';
import { FormField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useDialogForm } from '../../hooks/useDialogForm';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { formatDate } from '../../utils/chinaTime';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { wholeNumber } from '../components/format';
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

type MoveField = 'to' | 'amount' | 'note';
const MOVE_ORDER: readonly MoveField[] = ['to', 'amount', 'note'];
const NOTE_LIMIT = textLimit(CreditsTransferInput.shape.note.unwrap());

/** What the form would send: the amount as typed (NaN when not a whole number, so the schema refuses it). */
function moveInput(move: Move, values: Record<MoveField, string>) {
  const amount = wholeNumber(values.amount) ?? Number.NaN;
  const note = values.note.trim();
  return move === 'transfer' ? { toVolunteerNo: values.to.trim().toUpperCase(), amount, ...(note ? { note: values.note } : {}) } : { amount };
}

interface MoveDialogProps {
  move: Move;
  onClose: () => void;
  onDone: (balance: number) => void;
}

/** Transfer to a volunteer number, or donate to the pool: amounts checked with the contract's bounds first. */
function MoveDialog({ move, onClose, onDone }: MoveDialogProps) {
  const { t } = useI18n();
  const form = useDialogForm<Record<MoveField, string>, MoveField>({
    subject: move,
    initial: () => ({ to: '', amount: '', note: '' }),
    order: MOVE_ORDER,
    check: (values) => {
      // CreditsTransferInput / CreditsDonateInput judge; the form only picks the words.
      const input = moveInput(move, values);
      return schemaFieldErrors(
        move === 'transfer' ? CreditsTransferInput : CreditsDonateInput,
        input,
        (path) => (path === 'toVolunteerNo' ? 'to' : path === 'amount' || path === 'note' ? path : null),
        (issue, field) =>
          field === 'to' ? t('volunteer.credits.volunteerNoInvalid') : field === 'amount' ? t('volunteer.credits.amountInvalid') : issueMessage(t, issue, input),
      );
    },
    send: async (values) => {
      const value = wholeNumber(values.amount);
      if (value === null) return;
      const note = values.note.trim();
      const result =
        move === 'transfer'
          ? await call('credits.transfer', { toVolunteerNo: values.to.trim().toUpperCase(), amount: value, ...(note ? { note } : {}) })
          : await call('credits.donate', { amount: value });
      Taro.showToast({ title: t(move === 'transfer' ? 'volunteer.credits.transferred' : 'volunteer.credits.donated', { balance: result.balance }), icon: 'none' }).catch(
        () => undefined,
      );
      onDone(result.balance);
      onClose();
    },
  });
  const { to, amount, note } = form.values;

  return (
    <Dialog
      className='credits__dialog'
      visible={move !== null}
      title={move === 'donate' ? t('volunteer.credits.donateTitle') : t('volunteer.credits.transferTitle')}
      confirmText={move === 'donate' ? t('volunteer.credits.donateConfirm') : t('volunteer.credits.transferConfirm')}
      cancelText={t('common.cancel')}
      onConfirm={form.confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='volunteer-dialog-body'>
        {move === 'donate' ? <Text className='volunteer-dialog-label'>{t('volunteer.credits.donateMessage')}</Text> : null}
        {move === 'transfer' ? (
          <FormField name='to' label={t('volunteer.credits.toVolunteerNo')} error={form.errors.to}>
            <Input value={to} placeholder={t('volunteer.credits.toVolunteerNoPlaceholder')} onChange={(v) => form.update({ to: v }, 'to')} />
          </FormField>
        ) : null}
        <FormField name='amount' label={t('volunteer.credits.amount')} error={form.errors.amount}>
          <Input type='number' value={amount} onChange={(v) => form.update({ amount: v }, 'amount')} />
        </FormField>
        {move === 'transfer' ? (
          <FormField name='note' label={t('volunteer.credits.note')} error={form.errors.note} count={{ value: note, limit: NOTE_LIMIT }}>
            <Input value={note} onChange={(v) => form.update({ note: v }, 'note')} />
          </FormField>
        ) : null}
        <FormErrorSummary
          problems={form.problems}
          labels={{ to: t('volunteer.credits.toVolunteerNo'), amount: t('volunteer.credits.amount'), note: t('volunteer.credits.note') }}
          general={form.general}
        />
      </View>
    </Dialog>
  );
}

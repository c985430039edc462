import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Dialog, Input } from '@nutui/nutui-react-taro';
import { ProofsIssueInput, type ProofView } from '../../shared/schemas/proofs';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ReasonDialog } from '../../components/ReasonDialog';
import { FormField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useDialogForm } from '../../hooks/useDialogForm';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { formatDateTime } from '../../utils/chinaTime';
import { hoursOf } from '../components/format';
import { LongTextField } from '../../components/LongText';
import '../components/volunteer.scss';
import './index.scss';
import { DANGER_BUTTON } from '../../styles/buttons';

const toast = (title: string) => {
  Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
};

/**
 * The issuer's queue (a group's leaders, a community's committee): requested proofs with the
 * volunteer, period and hours the records show. Issue with the person in charge, a contact and
 * remarks (the server numbers, archives and renders it), or reject with a reason.
 */
export default function IssuePage() {
  const { t } = useI18n();
  useAccount();
  const queue = usePaged<ProofView>((offset) => call('proofs.queue', { offset, limit: 20 }), (p) => p.id, []);
  const [issuing, setIssuing] = useState<ProofView | null>(null);
  const [rejecting, setRejecting] = useState<ProofView | null>(null);

  usePullDownRefresh(() => {
    void queue.refresh().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => {
    if (queue.hasMore && !queue.loadingMore && !queue.loading) void queue.loadMore();
  });

  const remove = (proof: ProofView) => queue.setItems((items) => items.filter((x) => x.id !== proof.id));

  const render = () => {
    if (queue.loading) return <LoadingState cards={3} />;
    if (queue.error) return <ErrorState message={queue.error} onRetry={() => void queue.refresh()} />;
    if (queue.items.length === 0) return <EmptyState title={t('volunteer.issue.empty')} description={t('volunteer.issue.emptyHint')} />;
    return (
      <View className='linli-section'>
        <Text className='linli-section__title'>{t('volunteer.issue.count', { count: queue.total })}</Text>
        <View className='volunteer-list'>
          {queue.items.map((proof) => (
            <View key={proof.id} className='linli-card volunteer-item issue__item' data-proof-id={proof.id}>
              <Text className='volunteer-item__title'>{t('volunteer.issue.who', { name: proof.volunteerName, no: proof.volunteerNo })}</Text>
              <Text className='volunteer-item__line'>{proof.issuerName}</Text>
              <Text className='volunteer-item__line'>{`${t('volunteer.proofs.period', { from: proof.from, to: proof.to })} · ${t('volunteer.proofs.minutes', { hours: hoursOf(proof.minutes) })}`}</Text>
              {proof.purpose ? <Text className='volunteer-item__line'>{proof.purpose}</Text> : null}
              <Text className='volunteer-item__line'>{formatDateTime(t, proof.requestedAt)}</Text>
              {proof.state === 'requested' ? (
                <View className='volunteer-item__actions'>
                  <Button className={`issue__reject ${DANGER_BUTTON}`} fill='outline' onClick={() => setRejecting(proof)}>
                    {t('volunteer.issue.reject')}
                  </Button>
                  <Button className='issue__issue' type='primary' onClick={() => setIssuing(proof)}>
                    {t('volunteer.issue.issue')}
                  </Button>
                </View>
              ) : null}
            </View>
          ))}
          <ListFooter hasMore={queue.hasMore} loadingMore={queue.loadingMore} error={queue.moreError} onLoadMore={() => void queue.loadMore()} />
        </View>
      </View>
    );
  };

  return (
    <PageRoot titleKey='volunteer.titles.issue' className='issue' busy={queue.loading}>
      <Text className='volunteer-intro'>{t('volunteer.issue.intro')}</Text>
      {render()}
      <IssueDialog
        proof={issuing}
        onClose={() => setIssuing(null)}
        onIssued={(issued) => {
          remove(issued);
          toast(t('volunteer.issue.issued', { serial: issued.serialNo ?? '' }));
        }}
      />
      <ReasonDialog
        visible={rejecting !== null}
        title={t('volunteer.issue.rejectTitle')}
        confirmText={t('volunteer.issue.reject')}
        placeholder={t('volunteer.common.reasonPlaceholder')}
        onConfirm={async (reason) => {
          if (!rejecting || !reason) return;
          await call('proofs.reject', { proofId: rejecting.id, reason });
          remove(rejecting);
          setRejecting(null);
          toast(t('volunteer.issue.rejected'));
        }}
        onClose={() => setRejecting(null)}
      />
    </PageRoot>
  );
}

type IssueField = 'personInCharge' | 'contact' | 'remarks';
const ISSUE_ORDER: readonly IssueField[] = ['personInCharge', 'contact', 'remarks'];
/** The contract's limits (ProofsIssueInput), for the counters and messages. */
const ISSUE_LIMITS = {
  personInCharge: textLimit(ProofsIssueInput.shape.personInCharge),
  contact: textLimit(ProofsIssueInput.shape.contact),
  remarks: textLimit(ProofsIssueInput.shape.remarks.unwrap()),
} as const;
const ISSUE_PROBLEM: Record<IssueField, MessageKey> = {
  personInCharge: 'volunteer.issue.problems.personInCharge',
  contact: 'volunteer.issue.problems.contact',
  remarks: 'volunteer.issue.problems.remarks',
};

interface IssueDialogProps {
  proof: ProofView | null;
  onClose: () => void;
  onIssued: (proof: ProofView) => void;
}

/** The issuer's part of the proof: person in charge, contact, remarks (ProofsIssueInput's limits). */
function IssueDialog({ proof, onClose, onIssued }: IssueDialogProps) {
  const { t } = useI18n();
  const form = useDialogForm<Record<IssueField, string>, IssueField>({
    subject: proof,
    // The person in charge and the contact stay from the last proof (one issuer issues many).
    initial: (previous) => ({ personInCharge: previous?.personInCharge ?? '', contact: previous?.contact ?? '', remarks: '' }),
    order: ISSUE_ORDER,
    check: (values) => {
      // ProofsIssueInput judges; the form only picks the words.
      const input = { proofId: proof?.id ?? '', ...values };
      return schemaFieldErrors(ProofsIssueInput, input, (path) => ISSUE_ORDER.find((field) => field === path) ?? null, (issue, field) =>
        issue.code === 'too_big' ? issueMessage(t, issue, input) : t(ISSUE_PROBLEM[field], { ...ISSUE_LIMITS[field] }),
      );
    },
    send: async (values) => {
      if (!proof) return;
      const issued = await call('proofs.issue', { proofId: proof.id, personInCharge: values.personInCharge.trim(), contact: values.contact.trim(), remarks: values.remarks.trim() });
      onIssued(issued);
      onClose();
    },
  });
  const { personInCharge: person, contact, remarks } = form.values;

  return (
    <Dialog
      className='issue__dialog'
      visible={proof !== null}
      title={t('volunteer.issue.issueTitle')}
      confirmText={t('volunteer.issue.issue')}
      cancelText={t('common.cancel')}
      onConfirm={form.confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='volunteer-dialog-body'>
        {proof ? <Text className='volunteer-dialog-label'>{t('volunteer.issue.who', { name: proof.volunteerName, no: proof.volunteerNo })}</Text> : null}
        <FormField name='personInCharge' label={t('volunteer.issue.personInCharge')} error={form.errors.personInCharge} count={{ value: person, limit: ISSUE_LIMITS.personInCharge }}>
          <Input value={person} onChange={(v) => form.update({ personInCharge: v }, 'personInCharge')} />
        </FormField>
        <FormField name='contact' label={t('volunteer.issue.contact')} error={form.errors.contact} count={{ value: contact, limit: ISSUE_LIMITS.contact }}>
          <Input value={contact} onChange={(v) => form.update({ contact: v }, 'contact')} />
        </FormField>
        <LongTextField name='remarks' label={t('volunteer.issue.remarks')} error={form.errors.remarks} value={remarks} limit={ISSUE_LIMITS.remarks} onChange={(v) => form.update({ remarks: v }, 'remarks')} />
        <FormErrorSummary
          problems={form.problems}
          labels={{ personInCharge: t('volunteer.issue.personInCharge'), contact: t('volunteer.issue.contact'), remarks: t('volunteer.issue.remarks') }}
          general={form.general}
        />
      </View>
    </Dialog>
  );
}

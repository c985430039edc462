import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import type { ProofView } from '../../shared/schemas/proofs';
import type { MessageKey } from '../../locales';
import { call, isClientError } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { FormField } from '../../components/FormField';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { ProofsRequestInput } from '../../shared/schemas/proofs';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { chinaDay, formatDate } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { ChipSelect } from '../components/ChipSelect';
import { DateField } from '../../components/DateField';
import { hoursOf } from '../components/format';
import { openFile } from '../../utils/openFile';
import '../components/volunteer.scss';
import './index.scss';

const toast = (title: string) => {
  Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
};

/** An issuer as the request names it: 'group:<id>' or 'community:<id>'. */
type IssuerKey = `${'group' | 'community'}:${string}`;

const STATE_TAG: Record<ProofView['state'], 'warning' | 'success' | 'danger'> = { requested: 'warning', issued: 'success', rejected: 'danger' };

/**
 * Proofs of volunteer service ("whoever records, certifies"): ask one of my groups or my community's
 * committee for a proof of a period, follow my requests, download an issued proof and share its
 * verification code. A plain export of my records is offered apart — it is a record, not a proof.
 */
export default function ProofsPage() {
  const { t } = useI18n();
  const account = useAccount();
  const home = account.me?.account.homeCommunity ?? null;
  const mine = useAsync(() => call('memberships.mine', {}), []);
  const proofs = usePaged<ProofView>((offset) => call('proofs.mine', { offset, limit: 20 }), (p) => p.id, []);
  const [exporting, setExporting] = useState(false);
  const [downloading, setDownloading] = useState<string | null>(null);

  usePullDownRefresh(() => {
    void Promise.all([proofs.refresh(), mine.reload()]).finally(() => {
      Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => {
    if (proofs.hasMore && !proofs.loadingMore && !proofs.loading) void proofs.loadMore();
  });

  const download = async (proof: ProofView) => {
    setDownloading(proof.id);
    try {
      const file = await call('proofs.download', { proofId: proof.id });
      await openFile(file.url, file.fileName);
    } catch (error) {
      toast(isClientError(error) ? errorMessage(error) : t('volunteer.proofs.openFailed'));
    } finally {
      setDownloading(null);
    }
  };

  const exportRecords = async () => {
    setExporting(true);
    try {
      const file = await call('records.export', {});
      // openFile toasts its own failure; "done" only when the viewer opened.
      if (await openFile(file.url, file.fileName)) toast(t('volunteer.proofs.exportDone'));
    } catch (error) {
      toast(isClientError(error) ? errorMessage(error) : t('volunteer.proofs.openFailed'));
    } finally {
      setExporting(false);
    }
  };

  const issuers: Array<{ value: IssuerKey; label: string }> = [
    ...(mine.data?.groups ?? []).map((group) => ({ value: `group:${group.id}` as IssuerKey, label: group.name })),
    ...(home ? [{ value: `community:${home.id}` as IssuerKey, label: t('volunteer.proofs.issuerCommittee', { name: home.name }) }] : []),
  ];

  const renderList = () => {
    if (proofs.loading) return <LoadingState cards={2} />;
    if (proofs.error) return <ErrorState message={proofs.error} onRetry={() => void proofs.refresh()} />;
    if (proofs.items.length === 0) return <EmptyState title={t('volunteer.proofs.empty')} />;
    return (
      <View className='volunteer-list'>
        {proofs.items.map((proof) => (
          <View key={proof.id} className={cx('linli-card volunteer-item proofs__item', `proofs__item--${proof.state}`)} data-proof-id={proof.id}>
            <View className='volunteer-item__head'>
              <Text className='volunteer-item__title'>{proof.issuerName}</Text>
              <Tag type={STATE_TAG[proof.state]}>{t(`volunteer.proofs.states.${proof.state}`)}</Tag>
            </View>
            <Text className='volunteer-item__line'>{`${t('volunteer.proofs.period', { from: proof.from, to: proof.to })} · ${t('volunteer.proofs.minutes', { hours: hoursOf(proof.minutes) })}`}</Text>
            {proof.purpose ? <Text className='volunteer-item__line'>{proof.purpose}</Text> : null}
            {proof.serialNo ? <Text className='volunteer-item__line'>{t('volunteer.proofs.serial', { serial: proof.serialNo })}</Text> : null}
            {proof.issuedAt ? <Text className='volunteer-item__line'>{formatDate(t, proof.issuedAt, { year: 'always' })}</Text> : null}
            {proof.rejectReason ? <Text className='volunteer-item__line volunteer-item__line--danger'>{t('volunteer.proofs.rejectReason', { reason: proof.rejectReason })}</Text> : null}
            {proof.verificationCode ? (
              <View className='proofs__code'>
                <Text className='volunteer-item__line'>{t('volunteer.proofs.code')}</Text>
                <Text
                  className='proofs__code-value'
                  onClick={() =>
                    void Taro.setClipboardData({ data: proof.verificationCode ?? '' })
                      .then(() => toast(t('volunteer.common.copied')))
                      .catch(() => undefined)
                  }
                >
                  {proof.verificationCode}
                </Text>
                <Text className='volunteer-item__line'>{t('volunteer.proofs.codeHint')}</Text>
              </View>
            ) : null}
            {proof.state === 'issued' ? (
              <View className='volunteer-item__actions'>
                <Button className='proofs__download' type='primary' loading={downloading === proof.id} disabled={downloading !== null} onClick={() => void download(proof)}>
                  {downloading === proof.id ? t('volunteer.proofs.downloading') : t('volunteer.proofs.download')}
                </Button>
              </View>
            ) : null}
          </View>
        ))}
        <ListFooter hasMore={proofs.hasMore} loadingMore={proofs.loadingMore} error={proofs.moreError} onLoadMore={() => void proofs.loadMore()} />
      </View>
    );
  };

  return (
    <PageRoot titleKey='volunteer.titles.proofs' className='proofs' busy={proofs.loading}>
      <Text className='volunteer-intro'>{t('volunteer.proofs.intro')}</Text>
      {mine.error ? (
        <ErrorState message={mine.error} onRetry={() => void mine.reload()} />
      ) : (
        <RequestForm issuers={issuers} loading={mine.loading && !mine.data} onRequested={(proof) => proofs.setItems((items) => [proof, ...items])} />
      )}
      <View className='linli-section'>
        <Text className='linli-section__title'>{t('volunteer.proofs.mine')}</Text>
        {renderList()}
      </View>
      <View className='linli-section proofs__export'>
        <Button className='proofs__export-button' fill='outline' size='large' block loading={exporting} disabled={exporting} onClick={() => void exportRecords()}>
          {t('volunteer.proofs.export')}
        </Button>
        <Text className='volunteer-item__line'>{t('volunteer.proofs.exportHint')}</Text>
        <Text className='volunteer-link' onClick={() => void Taro.navigateTo({ url: volunteerRoutes.verify }).catch(() => undefined)}>
          {t('volunteer.proofs.verify')}
        </Text>
      </View>
    </PageRoot>
  );
}

type RequestField = 'issuer' | 'period' | 'purpose';
const PURPOSE_LIMIT = textLimit(ProofsRequestInput.shape.purpose.unwrap());

interface RequestFormProps {
  issuers: Array<{ value: IssuerKey; label: string }>;
  loading: boolean;
  onRequested: (proof: ProofView) => void;
}

function RequestForm({ issuers, loading, onRequested }: RequestFormProps) {
  const { t } = useI18n();
  const today = chinaDay();
  const [issuer, setIssuer] = useState<IssuerKey | ''>('');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [purpose, setPurpose] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const form = useFormErrors<RequestField>(['issuer', 'period', 'purpose']);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setProblem(null);
    // ProofsRequestInput judges; the form only picks the words.
    const [type, id] = issuer ? issuer.split(':') : ['', ''];
    const input = { issuerType: type, issuerId: id, from, to, purpose };
    const found = schemaFieldErrors(
      ProofsRequestInput,
      input,
      (path) => (path === 'issuerType' || path === 'issuerId' ? 'issuer' : path === 'from' || path === 'to' ? 'period' : path === 'purpose' ? 'purpose' : null),
      (issue, field) => {
        const keys: Record<RequestField, MessageKey> = { issuer: 'volunteer.proofs.problems.issuer', period: 'volunteer.proofs.problems.dates', purpose: 'volunteer.proofs.problems.purpose' };
        if (field === 'purpose' && issue.code === 'too_big') return issueMessage(t, issue, input);
        if (field === 'period' && issue.code === 'custom') return t('volunteer.proofs.problems.order');
        return t(keys[field], { max: PURPOSE_LIMIT.max });
      },
    );
    if (form.refuse(found) || !issuer) return;
    setBusy(true);
    const [issuerType, issuerId] = issuer.split(':') as ['group' | 'community', string];
    try {
      const proof = await call('proofs.request', { issuerType, issuerId, from, to, purpose: purpose.trim() });
      onRequested(proof);
      setPurpose('');
      toast(t('volunteer.proofs.sent'));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='linli-section proofs__request'>
      <Text className='linli-section__title'>{t('volunteer.proofs.request')}</Text>
      <View className='linli-card'>
        <FormField name='issuer' label={t('volunteer.proofs.issuer')} required error={form.errors.issuer}>
          {loading ? (
            <LoadingState cards={1} />
          ) : (
            <ChipSelect
              name='issuerChoice'
              options={issuers}
              value={issuer ? [issuer] : []}
              onChange={([next]) => {
                setIssuer((next as IssuerKey | undefined) ?? '');
                form.clear('issuer');
              }}
            />
          )}
        </FormField>
        <FormField name='period' label={`${t('volunteer.proofs.from')} / ${t('volunteer.proofs.to')}`} required error={form.errors.period}>
          <View className='volunteer-row-inputs'>
            <DateField value={from} max={today} label={t('volunteer.proofs.from')} onChange={(v) => (setFrom(v), form.clear('period'))} />
            <DateField value={to} max={today} label={t('volunteer.proofs.to')} onChange={(v) => (setTo(v), form.clear('period'))} />
          </View>
        </FormField>
        <FormField name='purpose' label={t('volunteer.proofs.purpose')} error={form.errors.purpose} count={{ value: purpose, limit: PURPOSE_LIMIT }}>
          <Input className='volunteer-input' value={purpose} placeholder={t('volunteer.proofs.purposePlaceholder')} onChange={(v) => (setPurpose(v), form.clear('purpose'))} />
        </FormField>
        <View className='proofs__actions'>
          <SubmitBar
            label={t('volunteer.proofs.submit')}
            onSubmit={() => void submit()}
            busy={busy}
            buttonClassName='proofs__submit'
            problems={form.problems}
            labels={{ issuer: t('volunteer.proofs.issuer'), period: `${t('volunteer.proofs.from')} / ${t('volunteer.proofs.to')}`, purpose: t('volunteer.proofs.purpose') }}
            general={problem}
          />
        </View>
      </View>
    </View>
  );
}

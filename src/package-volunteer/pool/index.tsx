import '../locale';
import '../actions';
import { useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Input, Switch } from '@nutui/nutui-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import { CreditsAdjustInput, CreditsGrantInput, SettingsUpdateInput } from '../../shared/schemas/credits';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { FormField } from '../../components/FormField';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { ListFooter } from '../../components/ListFooter';
import { usePaged } from '../../hooks/usePaged';
import { LedgerEntryRow } from '../components/LedgerEntryRow';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { ChipSelect } from '../components/ChipSelect';
import { wholeNumber } from '../components/format';
import { LongTextField } from '../../components/LongText';
import '../components/volunteer.scss';
import './index.scss';

type Pool = OutputOf<'credits.pool'>;

const toast = (title: string) => {
  Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
};

/**
 * A community's credit accounts and volunteer settings (?communityId=): pool, store income,
 * credits issued and expired; time-bank mode, star thresholds and credit expiry for staff who
 * manage it; and granting or adjusting a volunteer's credits with a reason (audited).
 */
export default function PoolPage() {
  const { t } = useI18n();
  const account = useAccount();
  const communityId = useRouter().params.communityId || account.me?.account.homeCommunity?.id || '';
  const pool = useAsync(() => call('credits.pool', { communityId }), [communityId], { enabled: communityId !== '' });

  usePullDownRefresh(() => {
    void pool.reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  const render = () => {
    if (!communityId) return account.me ? <EmptyState title={t('volunteer.common.noCommunityTitle')} /> : <LoadingState cards={2} />;
    if (pool.loading && !pool.data) return <LoadingState cards={3} />;
    if (pool.error || !pool.data) return <ErrorState message={pool.error ?? ''} onRetry={() => void pool.reload()} />;
    const data = pool.data;
    return (
      <>
        <View className='linli-section'>
          <Text className='linli-section__title'>{t('volunteer.pool.balances')}</Text>
          <View className='linli-card volunteer-summary'>
            <View className='volunteer-stats pool__stats'>
              {(
                [
                  ['pool', data.pool],
                  ['store', data.store],
                  ['issued', data.issued],
                  ['expired', data.expired],
                ] as const
              ).map(([key, value]) => (
                <View key={key} className={`volunteer-stat pool__stat--${key}`}>
                  <Text className='volunteer-stat__value'>{value}</Text>
                  <Text className='volunteer-stat__label'>{t(`volunteer.pool.${key}`)}</Text>
                </View>
              ))}
            </View>
          </View>
        </View>
        <Settings pool={data} onSaved={(next) => pool.setData({ ...data, ...next })} />
        {data.canManage ? <Grant /> : null}
        {data.canManage ? <CommunityPostings communityId={data.communityId} /> : null}
      </>
    );
  };

  return (
    <PageRoot titleKey='volunteer.titles.pool' className='pool' busy={pool.loading}>
      {render()}
    </PageRoot>
  );
}

/** The community's own accounts' movements (pool, store, issuance, expiry), newest first. */
function CommunityPostings({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const postings = usePaged((offset) => call('credits.postings', { communityId, offset, limit: 20 }), (entry) => entry.id, [communityId]);
  useReachBottom(() => {
    if (postings.hasMore && !postings.loadingMore && !postings.loading) void postings.loadMore();
  });
  const body = () => {
    if (postings.loading && postings.items.length === 0) return <LoadingState cards={2} />;
    if (postings.error) return <ErrorState message={postings.error} onRetry={() => void postings.refresh()} />;
    if (postings.items.length === 0) return <EmptyState title={t('volunteer.pool.postingsEmpty')} />;
    return (
      <View className='linli-card credits__entries pool__postings'>
        {postings.items.map((entry) => (
          <LedgerEntryRow key={entry.id} entry={entry} label={t(`volunteer.pool.accounts.${entry.account}`)} />
        ))}
        <ListFooter hasMore={postings.hasMore} loadingMore={postings.loadingMore} error={postings.moreError} onLoadMore={() => void postings.loadMore()} />
      </View>
    );
  };
  return (
    <View className='linli-section'>
      <Text className='linli-section__title'>{t('volunteer.pool.postings')}</Text>
      {body()}
    </View>
  );
}

type SettingsField = 'thresholds' | 'expiry' | 'selfReportRate';
const SETTINGS_ORDER: readonly SettingsField[] = ['thresholds', 'expiry', 'selfReportRate'];
const SETTINGS_FIELD_OF: Record<string, SettingsField> = { starThresholds: 'thresholds', creditExpiryYears: 'expiry', selfReportCreditsPerHour: 'selfReportRate' };
const SETTINGS_PROBLEM: Record<SettingsField, MessageKey> = {
  thresholds: 'volunteer.pool.problems.thresholds',
  expiry: 'volunteer.pool.problems.expiry',
  selfReportRate: 'volunteer.pool.problems.rate',
};

function Settings({ pool, onSaved }: { pool: Pool; onSaved: (settings: OutputOf<'volunteerSettings.update'>) => void }) {
  const { t } = useI18n();
  const [timeBank, setTimeBank] = useState(pool.timeBank);
  const [thresholds, setThresholds] = useState<string[]>(pool.starThresholds.map(String));
  const [expiry, setExpiry] = useState(String(pool.creditExpiryYears));
  const [rate, setRate] = useState(String(pool.selfReportCreditsPerHour));
  const [problem, setProblem] = useState<string | null>(null);
  const form = useFormErrors<SettingsField>(SETTINGS_ORDER);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setTimeBank(pool.timeBank);
    setThresholds(pool.starThresholds.map(String));
    setExpiry(String(pool.creditExpiryYears));
    setRate(String(pool.selfReportCreditsPerHour));
  }, [pool.timeBank, pool.starThresholds, pool.creditExpiryYears, pool.selfReportCreditsPerHour]);

  const save = async () => {
    const values = thresholds.map(wholeNumber);
    const years = wholeNumber(expiry);
    const perHour = wholeNumber(rate);
    setProblem(null);
    // SettingsUpdateInput judges; the form only picks the words.
    const input = {
      communityId: pool.communityId,
      timeBank,
      starThresholds: values.map((v) => v ?? Number.NaN),
      creditExpiryYears: years ?? Number.NaN,
      selfReportCreditsPerHour: perHour ?? Number.NaN,
    };
    const found = schemaFieldErrors(SettingsUpdateInput, input, (path) => SETTINGS_FIELD_OF[path.split('.')[0] ?? ''] ?? null, (_issue, field) => t(SETTINGS_PROBLEM[field]));
    if (form.refuse(found) || years === null || perHour === null) return;
    setBusy(true);
    try {
      const next = await call('volunteerSettings.update', { communityId: pool.communityId, timeBank, starThresholds: values as number[], creditExpiryYears: years, selfReportCreditsPerHour: perHour });
      onSaved(next);
      toast(t('volunteer.pool.saved'));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const readOnly = !pool.canManage;
  return (
    <View className='linli-section pool__settings'>
      <Text className='linli-section__title'>{t('volunteer.pool.settings')}</Text>
      <View className='linli-card'>
        {readOnly ? <Text className='volunteer-item__line pool__readonly'>{t('volunteer.pool.readOnly')}</Text> : null}
        <FormField name='timeBank' label={t('volunteer.pool.timeBank')} hint={t('volunteer.pool.timeBankHint')}>
          <Switch checked={timeBank} disabled={readOnly} onChange={setTimeBank} ariaLabel={t('volunteer.pool.timeBank')} />
        </FormField>
        <FormField name='thresholds' label={t('volunteer.pool.thresholds')} hint={t('volunteer.pool.thresholdsHint')} error={form.errors.thresholds}>
          <View className='pool__thresholds'>
            {thresholds.map((value, i) => (
              <View key={i} className='pool__threshold' data-field={`star-${i + 1}`}>
                <Text className='volunteer-dialog-label'>{t('volunteer.pool.star', { count: i + 1 })}</Text>
                <Input
                  type='number'
                  value={value}
                  disabled={readOnly}
                  onChange={(next) => {
                    setThresholds((current) => current.map((v, j) => (j === i ? next : v)));
                    form.clear('thresholds');
                  }}
                />
              </View>
            ))}
          </View>
        </FormField>
        <FormField name='expiry' label={t('volunteer.pool.expiryYears')} error={form.errors.expiry}>
          <Input className='volunteer-input' type='number' value={expiry} disabled={readOnly} onChange={(v) => (setExpiry(v), form.clear('expiry'))} />
        </FormField>
        <FormField name='selfReportRate' label={t('volunteer.pool.selfReportRate')} hint={t('volunteer.pool.selfReportRateHint')} error={form.errors.selfReportRate}>
          <Input className='volunteer-input' type='number' value={rate} disabled={readOnly} onChange={(v) => (setRate(v), form.clear('selfReportRate'))} />
        </FormField>
        {readOnly ? null : (
          <View className='pool__actions'>
            <SubmitBar
              label={t('volunteer.pool.saveSettings')}
              onSubmit={() => void save()}
              busy={busy}
              buttonClassName='pool__save'
              problems={form.problems}
              labels={{ thresholds: t('volunteer.pool.thresholds'), expiry: t('volunteer.pool.expiryYears'), selfReportRate: t('volunteer.pool.selfReportRate') }}
              general={problem}
            />
          </View>
        )}
      </View>
    </View>
  );
}

/** Grant (from the pool or newly issued) or adjust (±, never 0) a volunteer's credits, always with a reason. */
type GrantField = 'volunteerNo' | 'amount' | 'reason';
const GRANT_ORDER: readonly GrantField[] = ['volunteerNo', 'amount', 'reason'];
const GRANT_REASON_LIMIT = textLimit(CreditsGrantInput.shape.reason);

function Grant() {
  const { t } = useI18n();
  const [mode, setMode] = useState<'grant' | 'adjust'>('grant');
  const [source, setSource] = useState<'pool' | 'issuance'>('pool');
  const [no, setNo] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const form = useFormErrors<GrantField>(GRANT_ORDER);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const volunteerNo = no.trim().toUpperCase();
    const value = wholeNumber(amount);
    setProblem(null);
    // CreditsGrantInput / CreditsAdjustInput judge; the form only picks the words.
    const input = { volunteerNo, amount: value ?? Number.NaN, reason, ...(mode === 'grant' ? { source } : {}) };
    const messages: Record<GrantField, MessageKey> = {
      volunteerNo: 'volunteer.credits.volunteerNoInvalid',
      amount: mode === 'grant' ? 'volunteer.pool.problems.amount' : 'volunteer.pool.problems.adjust',
      reason: 'volunteer.common.reasonRequired',
    };
    const found = schemaFieldErrors(mode === 'grant' ? CreditsGrantInput : CreditsAdjustInput, input, (path) => GRANT_ORDER.find((field) => field === path) ?? null, (issue, field) =>
      field === 'reason' && issue.code === 'too_big' ? issueMessage(t, issue, input) : t(messages[field], { min: GRANT_REASON_LIMIT.min }),
    );
    if (form.refuse(found) || value === null) return;
    setBusy(true);
    try {
      const result =
        mode === 'grant'
          ? await call('credits.grant', { volunteerNo, amount: value, reason: reason.trim(), source })
          : await call('credits.adjust', { volunteerNo, amount: value, reason: reason.trim() });
      toast(t(mode === 'grant' ? 'volunteer.pool.granted' : 'volunteer.pool.adjusted', { balance: result.balance }));
      setAmount('');
      setReason('');
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='linli-section pool__grant'>
      <Text className='linli-section__title'>{t('volunteer.pool.grantTitle')}</Text>
      <View className='linli-card'>
        <View className='pool__mode'>
          <ChipSelect
            name='grantMode'
            options={[
              { value: 'grant', label: t('volunteer.pool.grant') },
              { value: 'adjust', label: t('volunteer.pool.adjust') },
            ]}
            value={[mode]}
            onChange={([next]) => setMode(next === 'adjust' ? 'adjust' : 'grant')}
          />
        </View>
        <FormField name='volunteerNo' label={t('volunteer.pool.volunteerNo')} required error={form.errors.volunteerNo}>
          <Input className='volunteer-input' value={no} placeholder={t('volunteer.credits.toVolunteerNoPlaceholder')} onChange={(v) => (setNo(v), form.clear('volunteerNo'))} />
        </FormField>
        <FormField name='amount' label={t('volunteer.pool.amount')} required hint={mode === 'adjust' ? t('volunteer.pool.adjustHint') : undefined} error={form.errors.amount}>
          <Input className='volunteer-input' type={mode === 'adjust' ? 'text' : 'number'} value={amount} onChange={(v) => (setAmount(v), form.clear('amount'))} />
        </FormField>
        {mode === 'grant' ? (
          <FormField name='source' label={t('volunteer.pool.source')}>
            <ChipSelect
              name='sourceChoice'
              options={(['pool', 'issuance'] as const).map((key) => ({ value: key, label: t(`volunteer.pool.sources.${key}`) }))}
              value={[source]}
              onChange={([next]) => setSource(next === 'issuance' ? 'issuance' : 'pool')}
            />
          </FormField>
        ) : null}
        <LongTextField
          name='reason'
          label={t('volunteer.pool.reason')}
          required
          error={form.errors.reason}
          value={reason}
          limit={GRANT_REASON_LIMIT}
          inputClassName='volunteer-textarea'
          placeholder={t('volunteer.common.reasonPlaceholder')}
          onChange={(v) => (setReason(v), form.clear('reason'))}
        />
        <View className='pool__actions'>
          <SubmitBar
            label={mode === 'grant' ? t('volunteer.pool.grant') : t('volunteer.pool.adjust')}
            onSubmit={() => void submit()}
            busy={busy}
            buttonClassName='pool__grant-submit'
            problems={form.problems}
            labels={{ volunteerNo: t('volunteer.pool.volunteerNo'), amount: t('volunteer.pool.amount'), reason: t('volunteer.pool.reason') }}
            general={problem}
          />
        </View>
      </View>
    </View>
  );
}

import '../locale';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MessageKey } from '../../locales';
import { ActivitiesCancelInput } from '../../shared/schemas/activities';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { Chips, type ChipOption } from '../../components/Chips';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { activitiesChanged } from '../../stores/events';
import { formatRange } from '../../utils/chinaTime';
import { activityPath } from '../../utils/eventRoutes';
import { LongTextField } from '../../components/LongText';
import './index.scss';

/** The reason's limit, from the contract (ActivitiesCancelInput). */
const REASON_LIMIT = textLimit(ActivitiesCancelInput.shape.reason);

const QUICK_REASONS: readonly MessageKey[] = ['events.cancel.reasonWeather', 'events.cancel.reasonVenue', 'events.cancel.reasonOrganiser'];

/**
 * Cancel an activity (?id=), for leaders: a reason (2–200 characters) that everyone signed up or waiting
 * receives in their inbox (and as a WeChat message when they subscribed). Asks once more first.
 */
export default function CancelActivityPage() {
  const { t } = useI18n();
  useAccount();
  const activityId = useRouter().params.id ?? '';
  const detail = useAsync(() => call('activities.get', { activityId }), [activityId], { enabled: activityId !== '' });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useFormErrors<'reason'>(['reason']);

  if (!activityId) {
    return (
      <PageRoot titleKey='events.titles.cancel'>
        <EmptyState title={t('events.detail.missingId')} />
      </PageRoot>
    );
  }
  if (detail.loading && !detail.data) {
    return (
      <PageRoot titleKey='events.titles.cancel'>
        <LoadingState cards={2} />
      </PageRoot>
    );
  }
  if (detail.error || !detail.data) {
    return (
      <PageRoot titleKey='events.titles.cancel'>
        <ErrorState message={detail.error ?? ''} code={detail.errorCode} goneTitle={t('events.detail.gone')} onRetry={() => void detail.reload()} />
      </PageRoot>
    );
  }

  const activity = detail.data;
  if (!activity.abilities.includes('activities.cancel')) {
    return (
      <PageRoot titleKey='events.titles.cancel'>
        <EmptyState title={activity.status === 'cancelled' ? t('events.cancel.alreadyCancelled') : t('events.cancel.notAllowed')} />
      </PageRoot>
    );
  }

  const signedUp = activity.capacity - activity.seatsLeft;
  const trimmed = reason.trim();
  const quick: Array<ChipOption<string>> = QUICK_REASONS.map((key) => ({ key, value: t(key), label: t(key) }));

  const review = () => {
    setError(null);
    // ActivitiesCancelInput judges the reason.
    const input = { activityId, reason };
    const problems = schemaFieldErrors(ActivitiesCancelInput, input, (path) => (path === 'reason' ? 'reason' : null), (issue) =>
      issue.code === 'too_big' ? issueMessage(t, issue, input) : t('events.cancel.reasonLength', { ...REASON_LIMIT }),
    );
    if (form.refuse(problems)) return;
    setConfirming(true);
  };

  const cancelActivity = async () => {
    try {
      await call('activities.cancel', { activityId, reason: trimmed });
      activitiesChanged();
      Taro.showToast({ title: t('events.cancel.done'), icon: 'success' }).catch(() => undefined);
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: activityPath(activityId) }).catch(() => undefined));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <PageRoot titleKey='events.titles.cancel' className='events-cancel'>
      <View className='linli-section'>
        <View className='linli-card events-cancel__activity'>
          <Text className='events-cancel__title'>{activity.title}</Text>
          <Text className='events-cancel__time'>{formatRange(t, activity.startAt, activity.endAt)}</Text>
          <Text className='events-cancel__notify'>{t('events.cancel.willNotify', { signedUp, waiting: activity.waitlistLength })}</Text>
        </View>
      </View>
      <View className='linli-section'>
        <Text className='linli-section__title'>{t('events.cancel.reason')}</Text>
        <View className='linli-card events-cancel__form'>
          <Chips className='events-cancel__quick' options={quick} value={trimmed} onChange={setReason} wrap />
          <LongTextField
            name='reason'
            label={t('events.cancel.reason')}
            error={form.errors.reason}
            className='events-cancel__field'
            value={reason}
            limit={REASON_LIMIT}
            inputClassName='events-cancel__reason'
            placeholder={t('events.cancel.reasonPlaceholder')}
            onChange={(value) => {
              setReason(value);
              form.clear('reason');
            }}
          />
        </View>
      </View>
      <View className='events-cancel__actions'>
        <SubmitBar
          label={t('events.cancel.submit')}
          onSubmit={review}
          tone='danger'
          buttonClassName='events-cancel__submit'
          problems={form.problems}
          labels={{ reason: t('events.cancel.reason') }}
          general={error}
          summaryClassName='events-cancel__error'
        />
      </View>
      <ConfirmDialog
        visible={confirming}
        title={t('events.cancel.confirmTitle')}
        message={t('events.cancel.confirmMessage', { title: activity.title })}
        confirmText={t('events.cancel.submit')}
        cancelText={t('events.cancel.keep')}
        onConfirm={cancelActivity}
        onClose={() => setConfirming(false)}
      />
    </PageRoot>
  );
}

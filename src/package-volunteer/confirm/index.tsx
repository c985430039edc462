import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import { HoursConfirmInput } from '../../shared/schemas/volunteers';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { fieldAnchor } from '../../utils/scrollToField';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { chinaClock, formatRange } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { Tick } from '../components/Tick';
import { hoursOf, wholeNumber } from '../components/format';
import '../components/volunteer.scss';
import './index.scss';

/** One row's duration, as the contract judges it (HoursConfirmInput items[].minutes). */
const MINUTES = HoursConfirmInput.shape.items.element.shape.minutes.unwrap();
const MINUTES_BOUNDS = { min: MINUTES.minValue ?? 1, max: MINUTES.maxValue ?? 1 };

type Row = OutputOf<'hours.activity'>['rows'][number];
type Result = OutputOf<'hours.confirm'>;

/** A row the leader can still confirm: checked in, a registered volunteer, no record yet. */
const confirmable = (row: Row) => row.recordId === null && row.checkedInAt !== null && row.volunteerNo !== null;

/**
 * The leader's hour confirmation for one activity (?id=): each volunteer's check-in and
 * check-out, a missing check-out flagged (its time already capped at the scheduled end), the
 * proposed minutes editable, then confirm the selected rows in one go. What the server skipped
 * is listed with the reason.
 */
export default function ConfirmPage() {
  const { t } = useI18n();
  useAccount();
  const activityId = useRouter().params.id ?? '';
  const data = useAsync(() => call('hours.activity', { activityId }), [activityId], { enabled: activityId !== '' });
  // Every confirmable row starts selected with its proposed minutes; only the leader's changes are kept.
  const [deselected, setDeselected] = useState<Set<string>>(new Set());
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useFormErrors<string>();
  const [result, setResult] = useState<Result | null>(null);

  usePullDownRefresh(() => {
    void data.reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  if (!activityId) {
    return (
      <PageRoot titleKey='volunteer.titles.confirm'>
        <EmptyState title={t('volunteer.confirm.missingId')} />
      </PageRoot>
    );
  }
  if (data.loading && !data.data) {
    return (
      <PageRoot titleKey='volunteer.titles.confirm'>
        <LoadingState cards={3} />
      </PageRoot>
    );
  }
  if (data.error || !data.data) {
    return (
      <PageRoot titleKey='volunteer.titles.confirm'>
        <ErrorState message={data.error ?? ''} onRetry={() => void data.reload()} />
      </PageRoot>
    );
  }

  const { activity, rows, canConfirm } = data.data;
  const eligible = rows.filter(confirmable);
  const chosen = eligible.filter((row) => !deselected.has(row.signupId));
  const minutesOf = (row: Row) => edited[row.signupId] ?? String(row.proposedMinutes);
  const allSelected = eligible.length > 0 && chosen.length === eligible.length;
  const nickname = (signupId: string) => rows.find((row) => row.signupId === signupId)?.nickname ?? signupId;

  const toggle = (signupId: string) =>
    setDeselected((current) => {
      const next = new Set(current);
      if (next.has(signupId)) next.delete(signupId);
      else next.add(signupId);
      return next;
    });

  const confirm = async () => {
    setProblem(null);
    const items: Array<{ signupId: string; minutes?: number }> = [];
    const found: Record<string, string> = {};
    for (const row of chosen) {
      const value = wholeNumber(minutesOf(row));
      if (value === null || !MINUTES.safeParse(value).success) {
        found[`minutes-${row.signupId}`] = `${row.nickname}: ${t('volunteer.confirm.minutesInvalid', MINUTES_BOUNDS)}`;
        continue;
      }
      // Only a changed duration is sent; otherwise the server's own proposal stands.
      items.push(value === row.proposedMinutes ? { signupId: row.signupId } : { signupId: row.signupId, minutes: value });
    }
    // Every row with a problem is listed by the button; the page goes to the first.
    if (form.refuse(found) || items.length === 0) return;
    setBusy(true);
    try {
      const answer = await call('hours.confirm', { activityId, items });
      setResult(answer);
      Taro.showToast({ title: t('volunteer.confirm.done', { confirmed: answer.confirmed, credits: answer.credits }), icon: 'none' }).catch(() => undefined);
      await data.reload();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageRoot titleKey='volunteer.titles.confirm' className='confirm' busy={data.loading}>
      <View className='linli-section'>
        <View className='linli-card volunteer-summary'>
          <Text className='volunteer-item__title'>{activity.title}</Text>
          <Text className='volunteer-item__line'>{formatRange(t, activity.startAt, activity.endAt)}</Text>
          <Text className='volunteer-item__line'>{t('volunteer.confirm.planned', { hours: activity.plannedHours, credits: activity.creditsPerHour })}</Text>
          <Text className='volunteer-item__line'>{t('volunteer.confirm.intro')}</Text>
          {canConfirm ? null : <Text className='volunteer-item__line volunteer-item__line--warn confirm__cannot'>{t('volunteer.confirm.cannot')}</Text>}
        </View>
      </View>

      {result ? (
        <View className='linli-section confirm__result' role='status'>
          <View className='linli-card volunteer-item'>
            <Text className='volunteer-item__title'>{t('volunteer.confirm.done', { confirmed: result.confirmed, credits: result.credits })}</Text>
            {result.already > 0 ? <Text className='volunteer-item__line'>{t('volunteer.confirm.already', { count: result.already })}</Text> : null}
            {result.skipped.length > 0 ? (
              <>
                <Text className='volunteer-item__line volunteer-item__line--warn'>{t('volunteer.confirm.skippedTitle')}</Text>
                {result.skipped.map((skip) => (
                  <Text key={skip.signupId} className='volunteer-item__line confirm__skipped' data-signup-id={skip.signupId}>
                    {`${nickname(skip.signupId)}: ${t(`volunteer.confirm.skipped.${skip.reason}`)}`}
                  </Text>
                ))}
              </>
            ) : null}
          </View>
        </View>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState title={t('volunteer.confirm.empty')} description={t('volunteer.confirm.emptyHint')} />
      ) : (
        <View className='linli-section'>
          {canConfirm && eligible.length > 0 ? (
            <View className='confirm__toolbar'>
              <Tick name='selectAll' checked={allSelected} onChange={(on) => setDeselected(on ? new Set() : new Set(eligible.map((row) => row.signupId)))}>
                {t('volunteer.confirm.selectAll')}
              </Tick>
              <Text className='confirm__count'>{t('volunteer.confirm.selected', { count: chosen.length })}</Text>
            </View>
          ) : null}
          <View className='linli-card confirm__list'>
            {rows.map((row) => {
              const open = canConfirm && confirmable(row);
              return (
                <View key={row.signupId} className={cx('confirm__row', row.missingCheckout && 'confirm__row--missing')} data-signup-id={row.signupId}>
                  <View className='confirm__who'>
                    {open ? (
                      <Tick name={`select-${row.signupId}`} checked={!deselected.has(row.signupId)} onChange={() => toggle(row.signupId)}>
                        {row.nickname}
                      </Tick>
                    ) : (
                      <Text className='confirm__name'>{row.nickname}</Text>
                    )}
                    <Text className='volunteer-item__line'>
                      {[
                        row.checkedInAt ? t('volunteer.confirm.in', { time: chinaClock(row.checkedInAt) }) : t('volunteer.confirm.notIn'),
                        row.checkedOutAt ? t('volunteer.confirm.out', { time: chinaClock(row.checkedOutAt) }) : null,
                      ]
                        .filter((part): part is string => part !== null)
                        .join(' · ')}
                    </Text>
                    {row.missingCheckout ? <Text className='volunteer-item__line volunteer-item__line--warn confirm__missing'>{t('volunteer.confirm.missingCheckout')}</Text> : null}
                    {row.volunteerNo === null ? <Text className='volunteer-item__line'>{t('volunteer.confirm.notVolunteer')}</Text> : null}
                    {row.recordMinutes !== null ? <Text className='volunteer-item__line confirm__recorded'>{t('volunteer.confirm.recorded', { hours: hoursOf(row.recordMinutes) })}</Text> : null}
                  </View>
                  {open ? (
                    <View className={cx('confirm__minutes', fieldAnchor(`minutes-${row.signupId}`))} data-field={`minutes-${row.signupId}`}>
                      <Input
                        type='number'
                        value={minutesOf(row)}
                        aria-label={t('volunteer.confirm.proposed')}
                        onChange={(value) => {
                          setEdited((current) => ({ ...current, [row.signupId]: value }));
                          form.clear(`minutes-${row.signupId}`);
                        }}
                      />
                      <Text className='confirm__unit'>{t('volunteer.confirm.minutes')}</Text>
                    </View>
                  ) : null}
                </View>
              );
            })}
          </View>
        </View>
      )}

      {canConfirm && eligible.length > 0 ? (
        <View className='volunteer-bar'>
          <SubmitBar
            label={busy ? t('volunteer.confirm.confirming') : t('volunteer.confirm.confirmSelected', { count: chosen.length })}
            onSubmit={() => void confirm()}
            busy={busy}
            disabled={chosen.length === 0}
            buttonClassName='confirm__submit'
            problems={form.problems}
            general={problem}
          />
        </View>
      ) : null}
    </PageRoot>
  );
}

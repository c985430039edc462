import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Star, StarFill } from '@nutui/icons-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import type { HourRecordView, HourState } from '../../shared/schemas/volunteers';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { chinaClock, formatDate, formatDateTime } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { activityPath } from '../../utils/eventRoutes';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { hoursOf } from '../components/format';
import { CorrectionDialog } from './CorrectionDialog';
import '../components/volunteer.scss';
import './index.scss';
import { colors } from '../../styles/colors';

type Summary = Omit<OutputOf<'hours.mine'>, 'records'>;
const PAGE_SIZE = 20;

const STATE_TAG: Record<HourState, 'success' | 'warning' | 'danger'> = { confirmed: 'success', pending: 'warning', rejected: 'danger' };

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

/**
 * My volunteer hours: the total and star level (with progress to the next star), totals by year
 * and by organisation, check-ins still waiting for the leader, and every record with its source,
 * state, who recorded it and when. A record that is wrong can be sent for correction.
 */
export default function HoursPage() {
  const { t } = useI18n();
  useAccount();
  const me = useAsync(() => call('volunteers.me', {}), []);
  const registered = me.data?.profile?.status === 'active';
  const [summary, setSummary] = useState<Summary | null>(null);
  const [correcting, setCorrecting] = useState<HourRecordView | null>(null);

  const records = usePaged<HourRecordView>(
    async (offset) => {
      const answer = await call('hours.mine', { offset, limit: PAGE_SIZE });
      // Each page carries the totals; the freshest one wins.
      const { records: page, ...rest } = answer;
      setSummary(rest);
      return page;
    },
    (record) => record.id,
    [],
    { enabled: registered },
  );

  usePullDownRefresh(() => {
    void Promise.all([me.reload(), registered ? records.refresh() : Promise.resolve()]).finally(() => {
      Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => {
    if (records.hasMore && !records.loadingMore && !records.loading) void records.loadMore();
  });

  const render = () => {
    if (me.loading && !me.data) return <LoadingState cards={3} />;
    if (me.error || !me.data) return <ErrorState message={me.error ?? ''} onRetry={() => void me.reload()} />;
    if (!registered) {
      return (
        <EmptyState
          className='hours__unregistered'
          title={t('volunteer.common.notRegisteredTitle')}
          description={t('volunteer.common.notRegisteredHint')}
          action={{ text: t('volunteer.common.registerNow'), onClick: () => go(volunteerRoutes.register) }}
        />
      );
    }
    if (records.loading && !summary) return <LoadingState cards={3} />;
    if (records.error || !summary) return <ErrorState message={records.error ?? ''} onRetry={() => void records.refresh()} />;
    return (
      <>
        <SummaryCard summary={summary} volunteerNo={me.data.profile?.volunteerNo ?? ''} />
        <View className='linli-section hours__links'>
          <Button className='hours__report' type='primary' size='large' onClick={() => go(volunteerRoutes.report)}>
            {t('volunteer.hours.report')}
          </Button>
          <Button className='hours__profile' fill='outline' size='large' onClick={() => go(volunteerRoutes.profile)}>
            {t('volunteer.hours.profile')}
          </Button>
        </View>
        {summary.awaiting.length > 0 ? (
          <View className='linli-section hours__awaiting'>
            <Text className='linli-section__title'>{t('volunteer.hours.awaiting')}</Text>
            <Text className='volunteer-item__line'>{t('volunteer.hours.awaitingHint')}</Text>
            <View className='volunteer-list'>
              {summary.awaiting.map((item) => (
                <View key={item.activityId} className='linli-card volunteer-item hours__awaiting-item' role='link' onClick={() => go(activityPath(item.activityId))}>
                  <Text className='volunteer-item__title'>{item.title}</Text>
                  <Text className='volunteer-item__line'>
                    {[
                      formatDate(t, item.startAt),
                      t('volunteer.hours.checkedIn', { time: chinaClock(item.checkedInAt) }),
                      item.checkedOutAt ? t('volunteer.hours.checkedOut', { time: chinaClock(item.checkedOutAt) }) : t('volunteer.hours.noCheckout'),
                    ].join(' · ')}
                  </Text>
                </View>
              ))}
            </View>
          </View>
        ) : null}
        <View className='linli-section hours__records'>
          <Text className='linli-section__title'>{t('volunteer.hours.records')}</Text>
          {records.items.length === 0 ? (
            <EmptyState title={t('volunteer.hours.recordsEmpty')} description={t('volunteer.hours.recordsEmptyHint')} />
          ) : (
            <View className='volunteer-list'>
              {records.items.map((record) => (
                <RecordCard key={record.id} record={record} onCorrect={() => setCorrecting(record)} />
              ))}
              <ListFooter hasMore={records.hasMore} loadingMore={records.loadingMore} error={records.moreError} onLoadMore={() => void records.loadMore()} />
            </View>
          )}
        </View>
      </>
    );
  };

  return (
    <PageRoot titleKey='volunteer.titles.hours' className='hours' busy={me.loading || records.loading}>
      {render()}
      <CorrectionDialog
        record={correcting}
        onClose={() => setCorrecting(null)}
        onSent={(recordId) => records.setItems((items) => items.map((item) => (item.id === recordId ? { ...item, correctionPending: true } : item)))}
      />
    </PageRoot>
  );
}

function SummaryCard({ summary, volunteerNo }: { summary: Summary; volunteerNo: string }) {
  const { t } = useI18n();
  const totalHours = summary.totalMinutes / 60;
  const from = summary.stars > 0 ? (summary.starThresholds[summary.stars - 1] ?? 0) : 0;
  const next = summary.nextStarHours;
  // Progress within the current step, so a new star starts again from zero.
  const progress = next === null ? 1 : Math.max(0, Math.min(1, (totalHours - from) / Math.max(next - from, 1)));
  return (
    <View className='linli-section'>
      <View className='linli-card volunteer-summary hours__summary'>
        <Text className='hours__label'>{t('volunteer.hours.total')}</Text>
        <View className='hours__total-line'>
          <Text className='volunteer-big hours__total'>{hoursOf(summary.totalMinutes)}</Text>
          <Text className='hours__unit'>{t('volunteer.hours.unit')}</Text>
        </View>
        <Text className='hours__no'>{t('volunteer.hours.volunteerNo', { no: volunteerNo })}</Text>
        <View className='hours__stars' aria-label={summary.stars > 0 ? t('volunteer.hours.stars', { count: summary.stars }) : t('volunteer.hours.noStar')} data-stars={summary.stars}>
          {Array.from({ length: 5 }, (_, i) => (i < summary.stars ? <StarFill key={i} size={22} color={colors.star} /> : <Star key={i} size={22} color={colors.decoration} />))}
          <Text className='hours__star-text'>{summary.stars > 0 ? t('volunteer.hours.stars', { count: summary.stars }) : t('volunteer.hours.noStar')}</Text>
        </View>
        <View
          className='hours__progress'
          role='progressbar'
          aria-label={next === null ? t('volunteer.hours.topStar') : t('volunteer.hours.progressLabel', { count: summary.stars + 1 })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
        >
          <View className='hours__progress-fill' style={{ width: `${Math.round(progress * 100)}%` }} />
        </View>
        <Text className='hours__next'>
          {next === null
            ? t('volunteer.hours.topStar')
            : t('volunteer.hours.toNext', { hours: (Math.ceil(Math.max(next - totalHours, 0) * 10) / 10).toFixed(1), count: summary.stars + 1 })}
        </Text>
        {summary.byYear.length > 0 ? (
          <>
            <Text className='hours__sub-title'>{t('volunteer.hours.byYear')}</Text>
            <View className='volunteer-stats hours__by-year'>
              {summary.byYear.map((year) => (
                <View key={year.year} className='volunteer-stat'>
                  <Text className='volunteer-stat__value'>{t('volunteer.common.hoursShort', { hours: hoursOf(year.minutes) })}</Text>
                  <Text className='volunteer-stat__label'>{t('volunteer.hours.yearLabel', { year: year.year })}</Text>
                </View>
              ))}
            </View>
          </>
        ) : null}
        {summary.byGroup.length > 0 ? (
          <>
            <Text className='hours__sub-title'>{t('volunteer.hours.byGroup')}</Text>
            <View className='hours__by-group'>
              {summary.byGroup.map((group) => (
                <View key={group.groupId} className='hours__group-row'>
                  <Text className='hours__group-name'>{group.groupName}</Text>
                  <Text className='hours__group-hours'>{t('volunteer.common.hoursShort', { hours: hoursOf(group.minutes) })}</Text>
                </View>
              ))}
            </View>
          </>
        ) : null}
      </View>
    </View>
  );
}

function RecordCard({ record, onCorrect }: { record: HourRecordView; onCorrect: () => void }) {
  const { t } = useI18n();
  const negative = record.minutes < 0;
  // Corrections and reversals are the fix itself; only an original, confirmed record is corrected.
  const correctable = record.state === 'confirmed' && !record.correctionPending && (record.source === 'checkin' || record.source === 'leader_entry' || record.source === 'self_report');
  return (
    <View className={cx('linli-card volunteer-item hours__record', `hours__record--${record.source}`)} data-record-id={record.id}>
      <View className='volunteer-item__head'>
        <Text className='volunteer-item__title'>{record.groupName}</Text>
        <Text className={cx('hours__record-hours', negative && 'hours__record-hours--negative')}>
          {t('volunteer.common.hoursShort', { hours: hoursOf(record.minutes) })}
        </Text>
      </View>
      <View className='hours__tags'>
        <Tag className='hours__source' plain type='primary'>
          {t(`volunteer.hours.sources.${record.source}`)}
        </Tag>
        <Tag className='hours__state' type={STATE_TAG[record.state]}>
          {t(`volunteer.hours.states.${record.state}`)}
        </Tag>
        {record.credits !== 0 ? <Text className='hours__credits'>{t('volunteer.common.creditsSigned', { sign: record.credits > 0 ? '+' : '', count: record.credits })}</Text> : null}
      </View>
      <Text className='volunteer-item__line'>{`${record.serviceDate} · ${record.content}`}</Text>
      <Text className='volunteer-item__line hours__recorded'>{t('volunteer.hours.recordedBy', { name: record.recordedBy, time: formatDateTime(t, record.recordedAt) })}</Text>
      {record.confirmedBy && record.confirmedAt ? (
        <Text className='volunteer-item__line'>{t('volunteer.hours.confirmedBy', { name: record.confirmedBy, time: formatDateTime(t, record.confirmedAt) })}</Text>
      ) : null}
      {record.rejectReason ? <Text className='volunteer-item__line volunteer-item__line--danger'>{t('volunteer.hours.rejectReason', { reason: record.rejectReason })}</Text> : null}
      {record.correctionPending ? <Text className='volunteer-item__line volunteer-item__line--warn hours__correction-pending'>{t('volunteer.hours.correctionPending')}</Text> : null}
      {correctable ? (
        <View className='volunteer-item__actions'>
          <Button className='hours__correct' size='small' fill='outline' onClick={onCorrect}>
            {t('volunteer.hours.requestCorrection')}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

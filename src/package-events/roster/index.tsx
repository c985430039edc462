import { useState, type ReactNode } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import type { SignupStatus } from '../../shared/schemas/activities';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ReportLink } from '../../components/ReportLink';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { UserAvatar } from '../../components/UserAvatar';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { useNow } from '../../hooks/useNow';
import { activitiesChanged } from '../../stores/events';
import { relationKey } from '../../utils/activityText';
import { chinaClock, formatRange } from '../../utils/chinaTime';
import { codePath } from '../../utils/eventRoutes';
import { confirmHoursPath } from '../../utils/volunteerRoutes';
import { CHECKIN_OPENS_BEFORE_MS } from '../../pages/activity/actions';
import './index.scss';

type Entry = OutputOf<'signups.roster'>['items'][number];
type Mark = 'check_in' | 'check_out' | 'no_show';

/** The roster's sections, in the order a leader works through them on the day. */
const SECTIONS: ReadonlyArray<{ key: string; title: MessageKey; statuses: readonly SignupStatus[] }> = [
  { key: 'pending', title: 'events.roster.sectionPending', statuses: ['pending_approval'] },
  { key: 'confirmed', title: 'events.roster.sectionConfirmed', statuses: ['confirmed'] },
  { key: 'waiting', title: 'events.roster.sectionWaiting', statuses: ['offered', 'waitlisted'] },
  { key: 'other', title: 'events.roster.sectionOther', statuses: ['no_show', 'late_cancelled', 'cancelled', 'expired', 'rejected'] },
];

/**
 * The roster (?id=), for leaders: approve or reject when the activity asks for approval, check
 * people in and out by hand, mark no-shows, and see who never checked out (their hours stop
 * at the scheduled end). The check-in code page is one tap away. A participant who misbehaves
 * can be reported to community staff (who may not be a member of the group at all).
 */
export default function RosterPage() {
  const { t } = useI18n();
  const myId = useAccount().me?.account.id ?? null;
  const activityId = useRouter().params.id ?? '';
  const data = useAsync(async () => {
    const [activity, roster] = await Promise.all([call('activities.get', { activityId }), call('signups.roster', { activityId })]);
    return { activity, items: roster.items };
  }, [activityId], { enabled: activityId !== '' });
  const [busy, setBusy] = useState<string | null>(null);
  const now = useNow(60_000);

  usePullDownRefresh(() => {
    void data.reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  if (!activityId) {
    return (
      <PageRoot titleKey='events.titles.roster'>
        <EmptyState title={t('events.detail.missingId')} />
      </PageRoot>
    );
  }
  if (data.loading && !data.data) {
    return (
      <PageRoot titleKey='events.titles.roster'>
        <LoadingState cards={3} />
      </PageRoot>
    );
  }
  if (data.error || !data.data) {
    return (
      <PageRoot titleKey='events.titles.roster'>
        <ErrorState message={data.error ?? ''} onRetry={() => void data.reload()} />
      </PageRoot>
    );
  }

  const { activity, items } = data.data;
  const replace = (entry: Entry) => data.setData({ activity, items: items.map((item) => (item.userId === entry.userId ? entry : item)) });

  const change = async (entry: Entry, action: () => Promise<{ entry: Entry }>, done: MessageKey) => {
    setBusy(entry.userId);
    try {
      const result = await action();
      replace(result.entry);
      activitiesChanged();
      Taro.showToast({ title: t(done, { name: entry.nickname }), icon: 'none' }).catch(() => undefined);
      // Approvals move seats and the waitlist: load the numbers again.
      if (done === 'events.roster.approved') void data.reload();
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    } finally {
      setBusy(null);
    }
  };
  const mark = (entry: Entry, how: Mark) =>
    change(entry, () => call('signups.mark', { activityId, userId: entry.userId, mark: how }), how === 'check_in' ? 'events.roster.checkedIn' : how === 'check_out' ? 'events.roster.checkedOut' : 'events.roster.markedNoShow');
  const decide = (entry: Entry, decision: 'approve' | 'reject') =>
    change(entry, () => call('signups.decide', { activityId, userId: entry.userId, decision }), decision === 'approve' ? 'events.roster.approved' : 'events.roster.rejected');

  const confirmed = items.filter((item) => item.status === 'confirmed');
  const checkedIn = confirmed.filter((item) => item.checkedInAt !== null).length;
  const missing = items.filter((item) => item.missingCheckOut);
  const canMark = now >= new Date(activity.startAt).getTime() - CHECKIN_OPENS_BEFORE_MS;
  const started = now >= new Date(activity.startAt).getTime();

  return (
    <PageRoot titleKey='events.titles.roster' className='roster' busy={data.loading}>
      <View className='linli-section'>
        <View className='linli-card roster__summary'>
          <Text className='roster__title'>{activity.title}</Text>
          <Text className='roster__time'>{formatRange(t, activity.startAt, activity.endAt)}</Text>
          <View className='roster__counts'>
            <Count value={`${confirmed.length}/${activity.capacity}`} label={t('events.roster.countConfirmed')} />
            <Count value={String(checkedIn)} label={t('events.roster.countCheckedIn')} />
            <Count value={String(activity.waitlistLength)} label={t('events.roster.countWaiting')} />
          </View>
          {activity.abilities.includes('checkin.show') ? (
            <Button className='roster__code' type='primary' fill='outline' block onClick={() => void Taro.navigateTo({ url: codePath(activity.id) }).catch(() => undefined)}>
              {t('events.roster.showCode')}
            </Button>
          ) : null}
          {activity.volunteer && started ? (
            <Button className='roster__hours' type='primary' block onClick={() => void Taro.navigateTo({ url: confirmHoursPath(activity.id) }).catch(() => undefined)}>
              {t('volunteer.rosterConfirm')}
            </Button>
          ) : null}
          {canMark ? null : <Text className='roster__hint'>{t('events.roster.markLater')}</Text>}
        </View>
      </View>

      {missing.length > 0 ? (
        <View className='linli-section roster__missing'>
          <Text className='linli-section__title'>{t('events.roster.missingTitle', { count: missing.length })}</Text>
          <Text className='roster__hint roster__hint--block'>{t('events.roster.missingHint')}</Text>
          <View className='linli-card roster__list'>
            {missing.map((entry) => (
              <Row key={entry.userId} entry={entry} myId={myId}>
                <Button size='small' type='primary' loading={busy === entry.userId} disabled={busy !== null} onClick={() => void mark(entry, 'check_out')}>
                  {t('events.roster.checkOut')}
                </Button>
              </Row>
            ))}
          </View>
        </View>
      ) : null}

      {items.length === 0 ? <EmptyState title={t('events.roster.empty')} description={t('events.roster.emptyHint')} /> : null}

      {SECTIONS.map((section) => {
        const entries = items.filter((item) => section.statuses.includes(item.status));
        if (entries.length === 0) return null;
        return (
          <View key={section.key} className={`linli-section roster__section roster__section--${section.key}`}>
            <View className='linli-section__title'>
              <Text>{t(section.title)}</Text>
              <Text className='linli-section__extra'>{t('events.roster.people', { count: entries.length })}</Text>
            </View>
            <View className='linli-card roster__list'>
              {entries.map((entry) => (
                <Row key={entry.userId} entry={entry} myId={myId}>
                  {entry.status === 'pending_approval' ? (
                    <>
                      <Button size='small' type='primary' className='roster__approve' loading={busy === entry.userId} disabled={busy !== null} onClick={() => void decide(entry, 'approve')}>
                        {t('events.roster.approve')}
                      </Button>
                      <Button size='small' fill='outline' className='roster__reject' disabled={busy !== null} onClick={() => void decide(entry, 'reject')}>
                        {t('events.roster.reject')}
                      </Button>
                    </>
                  ) : null}
                  {entry.status === 'confirmed' && canMark && entry.checkedInAt === null ? (
                    <>
                      <Button size='small' type='primary' className='roster__check-in' loading={busy === entry.userId} disabled={busy !== null} onClick={() => void mark(entry, 'check_in')}>
                        {t('events.roster.checkIn')}
                      </Button>
                      {started ? (
                        <Button size='small' fill='outline' className='roster__no-show' disabled={busy !== null} onClick={() => void mark(entry, 'no_show')}>
                          {t('events.roster.noShow')}
                        </Button>
                      ) : null}
                    </>
                  ) : null}
                  {entry.status === 'confirmed' && entry.checkedInAt !== null && entry.checkedOutAt === null && !entry.missingCheckOut ? (
                    <Button size='small' fill='outline' className='roster__check-out' loading={busy === entry.userId} disabled={busy !== null} onClick={() => void mark(entry, 'check_out')}>
                      {t('events.roster.checkOut')}
                    </Button>
                  ) : null}
                  {entry.status === 'no_show' ? (
                    <Button size='small' fill='outline' className='roster__undo-no-show' disabled={busy !== null} onClick={() => void mark(entry, 'check_in')}>
                      {t('events.roster.checkInAnyway')}
                    </Button>
                  ) : null}
                </Row>
              ))}
            </View>
          </View>
        );
      })}
    </PageRoot>
  );
}

function Count({ value, label }: { value: string; label: string }) {
  return (
    <View className='roster__count'>
      <Text className='roster__count-value'>{value}</Text>
      <Text className='roster__count-label'>{label}</Text>
    </View>
  );
}

interface RowProps {
  entry: Entry;
  /** The viewer: no report link on their own row (nor before we know who they are). */
  myId: string | null;
  children?: ReactNode;
}

const STATUS_TAG: Record<SignupStatus, 'success' | 'warning' | 'danger' | 'default' | 'primary'> = {
  confirmed: 'success',
  pending_approval: 'warning',
  waitlisted: 'warning',
  offered: 'primary',
  cancelled: 'default',
  late_cancelled: 'default',
  removed: 'default',
  rejected: 'danger',
  no_show: 'danger',
  expired: 'default',
};

/** One person: name, who signed them up, status, check-in and check-out times, the buttons, and "report". */
function Row({ entry, myId, children }: RowProps) {
  const { t } = useI18n();
  const times = [
    entry.checkedInAt ? t('events.roster.inAt', { time: chinaClock(entry.checkedInAt) }) : null,
    entry.checkedOutAt ? t('events.roster.outAt', { time: chinaClock(entry.checkedOutAt) }) : null,
  ].filter((value): value is string => value !== null);
  return (
    <View className={`roster__row roster__row--${entry.status}`} data-user-id={entry.userId}>
      <UserAvatar name={entry.nickname} />
      <View className='roster__who'>
        <View className='roster__name-line'>
          <Text className='roster__name'>{entry.nickname}</Text>
          <Tag className='roster__status' type={STATUS_TAG[entry.status]}>
            {entry.status === 'confirmed' && entry.checkedInAt ? t('events.status.checkedIn') : t(`events.status.${entry.status}`)}
          </Tag>
          {myId !== null && entry.userId !== myId ? <ReportLink className='roster__report' type='user' id={entry.userId} title={entry.nickname} /> : null}
        </View>
        {entry.proxy ? (
          <Text className='roster__proxy'>{t('events.roster.byProxy', { name: entry.proxy.nickname, relation: t(`events.relations.${relationKey(entry.proxy.relation)}`) })}</Text>
        ) : null}
        {times.length > 0 ? <Text className='roster__times'>{times.join(t('events.detail.listSeparator'))}</Text> : null}
        {entry.missingCheckOut ? <Text className='roster__missing-flag'>{t('events.roster.missingFlag')}</Text> : null}
      </View>
      <View className='roster__actions'>{children}</View>
    </View>
  );
}

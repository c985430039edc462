import '../locale';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { useNow } from '../../hooks/useNow';
import { activitiesChanged } from '../../stores/events';
import { formatRange } from '../../utils/chinaTime';
import { codePath } from '../../utils/eventRoutes';
import { confirmHoursPath } from '../../utils/volunteerRoutes';
import { CHECKIN_OPENS_BEFORE_MS } from '../../utils/checkinWindow';
import { EntryActions, type Mark } from './EntryActions';
import { RemoveDialog } from './RemoveDialog';
import { RosterExport } from './RosterExport';
import { RosterCount, RosterRow } from './RosterRow';
import { RosterSectionList } from './RosterSectionList';
import { SECTION_ORDER, sectionTotal, useRoster, type RosterEntry } from './useRoster';
import './index.scss';

const MARK_DONE: Record<Mark, MessageKey> = {
  check_in: 'events.roster.checkedIn',
  check_out: 'events.roster.checkedOut',
  no_show: 'events.roster.markedNoShow',
};

/**
 * The roster (?id=), for leaders: one section at a time from the server (pending, confirmed,
 * waiting, other), each with "load more", and the counts over the whole activity. Leaders
 * approve or reject, check people in and out by hand, mark no-shows, see who never checked
 * out (their hours stop at the scheduled end), remove someone with a reason before the end, and
 * export every sign-up to Excel. A participant who misbehaves can be reported to community
 * staff (who may not be a member of the group at all).
 */
export default function RosterPage() {
  const { t } = useI18n();
  const myId = useAccount().me?.account.id ?? null;
  const activityId = useRouter().params.id ?? '';
  const detail = useAsync(() => call('activities.get', { activityId }), [activityId], { enabled: activityId !== '' });
  const roster = useRoster(activityId);
  const [busy, setBusy] = useState<string | null>(null);
  const [removing, setRemoving] = useState<RosterEntry | null>(null);
  const now = useNow(60_000);

  const reloadAll = () => Promise.all([detail.reload(), roster.refresh()]);

  usePullDownRefresh(() => {
    void reloadAll().finally(() => {
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
  const activity = detail.data;
  const counts = roster.counts;
  const error = detail.error ?? roster.error;
  if (error) {
    return (
      <PageRoot titleKey='events.titles.roster'>
        <ErrorState message={error} onRetry={() => void reloadAll()} />
      </PageRoot>
    );
  }
  if (!activity || !counts || !roster.loaded) {
    return (
      <PageRoot titleKey='events.titles.roster'>
        <LoadingState cards={3} />
      </PageRoot>
    );
  }

  /** The server's answer to a change: show it, and ask for the counts again when seats moved. */
  const show = (before: RosterEntry, after: RosterEntry) => {
    roster.apply(before, after);
    activitiesChanged();
    if (after.status !== before.status) void roster.refreshCounts();
  };

  const change = async (entry: RosterEntry, action: () => Promise<{ entry: RosterEntry }>, done: MessageKey) => {
    setBusy(entry.userId);
    try {
      const result = await action();
      show(entry, result.entry);
      Taro.showToast({ title: t(done, { name: entry.nickname }), icon: 'none' }).catch(() => undefined);
    } catch (caught) {
      Taro.showToast({ title: errorMessage(caught), icon: 'none', duration: 3000 }).catch(() => undefined);
    } finally {
      setBusy(null);
    }
  };
  const mark = (entry: RosterEntry, how: Mark) => void change(entry, () => call('signups.mark', { activityId, userId: entry.userId, mark: how }), MARK_DONE[how]);
  const decide = (entry: RosterEntry, decision: 'approve' | 'reject') =>
    void change(entry, () => call('signups.decide', { activityId, userId: entry.userId, decision }), decision === 'approve' ? 'events.roster.approved' : 'events.roster.rejected');
  // A refused removal throws into the dialog, which keeps it open with the message.
  const remove = async (entry: RosterEntry, reason: string) => {
    setBusy(entry.userId);
    try {
      const result = await call('signups.remove', { activityId, userId: entry.userId, reason });
      show(entry, result.entry);
      setRemoving(null);
      Taro.showToast({ title: t('events.roster.removedToast', { name: entry.nickname }), icon: 'none' }).catch(() => undefined);
    } finally {
      setBusy(null);
    }
  };

  const start = new Date(activity.startAt).getTime();
  const canMark = now >= start - CHECKIN_OPENS_BEFORE_MS;
  const started = now >= start;
  const ended = now > new Date(activity.endAt).getTime();
  const confirmed = roster.sections.confirmed;
  // Checked-in and missing check-out are read from the entries themselves, which only the loaded
  // pages have: an exact number needs the whole confirmed section. Until then the checked-in
  // figure is left out rather than shown as a count of the first pages.
  const confirmedComplete = !confirmed.hasMore;
  const checkedIn = confirmed.items.filter((item) => item.status === 'confirmed' && item.checkedInAt !== null).length;
  const missing = SECTION_ORDER.flatMap((section) => roster.sections[section].items).filter((item) => item.missingCheckOut);
  const everyone = Object.values(counts).reduce((sum, n) => sum + n, 0);

  const row = (entry: RosterEntry) => (
    <RosterRow key={entry.userId} entry={entry} myId={myId}>
      <EntryActions entry={entry} busy={busy} canMark={canMark} started={started} ended={ended} onMark={mark} onDecide={decide} onRemove={setRemoving} />
    </RosterRow>
  );

  return (
    <PageRoot titleKey='events.titles.roster' className='roster' busy={detail.loading || roster.loading}>
      <View className='linli-section'>
        <View className='linli-card roster__summary'>
          <Text className='roster__title'>{activity.title}</Text>
          <Text className='roster__time'>{formatRange(t, activity.startAt, activity.endAt)}</Text>
          <View className='roster__counts'>
            <RosterCount value={`${counts.confirmed}/${activity.capacity}`} label={t('events.roster.countConfirmed')} />
            {confirmedComplete ? <RosterCount value={String(checkedIn)} label={t('events.roster.countCheckedIn')} /> : null}
            <RosterCount value={String(counts.offered + counts.waitlisted)} label={t('events.roster.countWaiting')} />
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
          {everyone > 0 ? <RosterExport activityId={activityId} /> : null}
          {canMark ? null : <Text className='roster__hint'>{t('events.roster.markLater')}</Text>}
        </View>
      </View>

      {missing.length > 0 ? (
        <View className='linli-section roster__missing'>
          <Text className='linli-section__title'>
            {confirmedComplete ? t('events.roster.missingTitle', { count: missing.length }) : t('events.roster.missingTitleLoaded', { count: missing.length })}
          </Text>
          <Text className='roster__hint roster__hint--block'>{t('events.roster.missingHint')}</Text>
          {confirmedComplete ? null : <Text className='roster__hint roster__hint--block'>{t('events.roster.missingMoreHint')}</Text>}
          <View className='linli-card roster__list'>
            {missing.map((entry) => (
              <RosterRow key={entry.userId} entry={entry} myId={myId}>
                <Button size='small' type='primary' loading={busy === entry.userId} disabled={busy !== null} onClick={() => mark(entry, 'check_out')}>
                  {t('events.roster.checkOut')}
                </Button>
              </RosterRow>
            ))}
          </View>
        </View>
      ) : null}

      {everyone === 0 ? <EmptyState title={t('events.roster.empty')} description={t('events.roster.emptyHint')} /> : null}

      {SECTION_ORDER.map((section) => (
        <RosterSectionList key={section} section={section} page={roster.sections[section]} total={sectionTotal(counts, section)} renderRow={row} />
      ))}

      <RemoveDialog activityId={activityId} entry={removing} onRemove={remove} onClose={() => setRemoving(null)} />
    </PageRoot>
  );
}

import '../locale';
import '../actions';
import { useRef, type ReactNode } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import { Button } from '@nutui/nutui-react-taro';
import { Cart, Category, Clock, Comment, Notice, Order, Service, ShieldCheck, User, Warning } from '@nutui/icons-react-taro';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { useAsync } from '../../hooks/useAsync';
import { useStaffPending } from '../../hooks/useStaffPending';
import { useI18n } from '../../hooks/useI18n';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { formatDateTime } from '../../utils/chinaTime';
import { moderationRoutes, rollCallPath } from '../../utils/moderationRoutes';
import { reviewPath } from '../../utils/registryRoutes';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { rollCallCommunities } from '../components/rollCallCommunities';
import { noticeRoutes } from '../../utils/noticeRoutes';
import { scopeState, useStaffScope } from '../components/StaffScope';
import '../components/staff.scss';
import './index.scss';
import { colors } from '../../styles/colors';

interface Entry {
  name: string;
  title: MessageKey;
  hint: MessageKey;
  url: string;
  icon: ReactNode;
  /** How many items wait there (shown as a badge). */
  waiting?: number;
}

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

/** The staff console's entry page: my areas, and what waits in the queue and the appeals. */
export default function StaffHomePage() {
  const { t } = useI18n();
  const scope = useStaffScope();
  const isStaff = scope.grants.length > 0;
  const counts = useStaffPending(isStaff);

  // Back from the queue or the appeals: the badges follow what was decided there (the first
  // show is the first load, which useAsync already makes).
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && isStaff) void counts.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void counts.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const waiting = scopeState(scope);
  const entries: Entry[] = [
    { name: 'rollcall', title: 'moderation.staff.rollcall', hint: 'moderation.staff.rollcallHint', url: rollCallPath(), icon: <Notice size={20} color={colors.primary} /> },
    { name: 'notices', title: 'communityNotices.staff.entry', hint: 'communityNotices.staff.entryHint', url: noticeRoutes.staff, icon: <Notice size={20} color={colors.primary} /> },
    // The care register is the committee's own (street and county staff see its figures on the dashboard).
    ...(scope.grants.some((grant) => grant.role === 'committee')
      ? [{ name: 'care', title: 'care.entry.register', hint: 'care.entry.registerHint', url: '/package-care/list/index', icon: <Service size={20} color={colors.primary} /> } satisfies Entry]
      : []),
    { name: 'queue', title: 'moderation.staff.queue', hint: 'moderation.staff.queueHint', url: moderationRoutes.queue, icon: <Warning size={20} color={colors.primary} />, waiting: counts.data?.queue ?? undefined },
    { name: 'appeals', title: 'moderation.staff.appeals', hint: 'moderation.staff.appealsHint', url: moderationRoutes.appeals, icon: <Comment size={20} color={colors.primary} />, waiting: counts.data?.appeals ?? undefined },
    { name: 'review', title: 'moderation.staff.review', hint: 'moderation.staff.reviewHint', url: reviewPath(), icon: <ShieldCheck size={20} color={colors.primary} />, waiting: counts.data?.review ?? undefined },
    { name: 'hours', title: 'moderation.staff.hours', hint: 'moderation.staff.hoursHint', url: volunteerRoutes.review, icon: <Clock size={20} color={colors.primary} />, waiting: counts.data?.hours ?? undefined },
    { name: 'proofs', title: 'moderation.staff.proofs', hint: 'moderation.staff.proofsHint', url: volunteerRoutes.issue, icon: <Order size={20} color={colors.primary} />, waiting: counts.data?.proofs ?? undefined },
    { name: 'store', title: 'moderation.staff.store', hint: 'moderation.staff.storeHint', url: volunteerRoutes.storeAdmin, icon: <Cart size={20} color={colors.primary} /> },
    { name: 'dashboard', title: 'moderation.staff.dashboard', hint: 'moderation.staff.dashboardHint', url: moderationRoutes.dashboard, icon: <Category size={20} color={colors.primary} /> },
    { name: 'notify-failures', title: 'notices.failures.open', hint: 'notices.failures.hint', url: moderationRoutes.notifyFailures, icon: <Notice size={20} color={colors.primary} /> },
    { name: 'audit', title: 'moderation.staff.audit', hint: 'moderation.staff.auditHint', url: moderationRoutes.audit, icon: <Order size={20} color={colors.primary} /> },
    { name: 'roles', title: 'moderation.staff.roles', hint: 'moderation.staff.rolesHint', url: moderationRoutes.roles, icon: <User size={20} color={colors.primary} /> },
    // The region tree is the county's: only county staff import it.
    ...(scope.grants.some((grant) => grant.role === 'county')
      ? [{ name: 'regions', title: 'moderation.staff.regions', hint: 'moderation.staff.regionsHint', url: moderationRoutes.regions, icon: <Category size={20} color={colors.primary} /> } satisfies Entry]
      : []),
  ];

  return (
    <PageRoot titleKey='moderation.titles.staff' className='staff-page staff-home'>
      <View className='staff-frame'>
        {waiting ?? (
          <>
            <View className='linli-card staff-home__scope'>
              <Text className='staff-scope__label'>{t('moderation.staff.scope')}</Text>
              <View className='staff-home__grants'>
                {scope.grants.map((grant) => (
                  <Tag key={grant.regionId} className='staff-home__grant' background={colors.primarySoft} color={colors.primary}>
                    {`${grant.regionName}${t('common.separator')}${t(`moderation.roles.names.${grant.role}`)}`}
                  </Tag>
                ))}
              </View>
            </View>
            <PendingSummary entries={entries} loaded={counts.data !== null} />
            <CellGroup className='staff-home__menu'>
              {entries.map((entry) => (
                <Cell
                  key={entry.name}
                  className={`staff-home__entry staff-home__entry--${entry.name}`}
                  title={
                    <View className='staff-home__entry-title'>
                      {entry.icon}
                      <Text>{t(entry.title)}</Text>
                    </View>
                  }
                  description={t(entry.hint)}
                  extra={entry.waiting ? <Text className='staff-home__badge'>{t('moderation.staff.waiting', { count: entry.waiting })}</Text> : null}
                  align='center'
                  clickable
                  onClick={() => go(entry.url)}
                />
              ))}
            </CellGroup>
            <RecentRollCalls communityId={scope.account.me ? (rollCallCommunities(scope.account.me.account)[0]?.id ?? null) : null} />
          </>
        )}
      </View>
    </PageRoot>
  );
}

/**
 * What waits, at a glance: the total and one chip per queue with work in it, each opening its
 * queue (the menu below carries the same counts as badges).
 */
function PendingSummary({ entries, loaded }: { entries: Entry[]; loaded: boolean }) {
  const { t } = useI18n();
  if (!loaded) return null;
  const waiting = entries.filter((entry) => (entry.waiting ?? 0) > 0);
  const total = waiting.reduce((sum, entry) => sum + (entry.waiting ?? 0), 0);
  return (
    <View className='linli-card staff-home__pending' data-total={total}>
      <Text className='staff-scope__label'>{t('moderation.staff.pendingTitle')}</Text>
      <Text className='staff-home__pending-total'>{total > 0 ? t('moderation.staff.pendingTotal', { count: total }) : t('moderation.staff.pendingNone')}</Text>
      {waiting.length > 0 ? (
        <View className='staff-home__pending-items'>
          {waiting.map((entry) => (
            <View key={entry.name} className={`staff-home__pending-item staff-home__pending-item--${entry.name}`} role='link' onClick={() => go(entry.url)}>
              <Text className='staff-home__pending-count'>{entry.waiting}</Text>
              <Text className='staff-home__pending-label'>{t(entry.title)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** The committee's recent roll-calls (three), each opening its live tally; and a new one. */
function RecentRollCalls({ communityId }: { communityId: string | null }) {
  const { t } = useI18n();
  const recent = useAsync(() => call('rollcalls.list', { communityId: communityId ?? undefined, limit: 3 }), [communityId], { enabled: communityId !== null });
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && communityId) void recent.reload();
    shown.current = true;
  });
  if (!communityId) return null;
  const body = () => {
    if (recent.loading && !recent.data) return <LoadingState cards={1} />;
    if (recent.error || !recent.data) return <ErrorState message={recent.error ?? ''} onRetry={() => void recent.reload()} />;
    if (recent.data.items.length === 0) return <EmptyState title={t('moderation.rollcall.recentEmpty')} />;
    return (
      <CellGroup className='staff-home__rollcalls'>
        {recent.data.items.map((item) => (
          <Cell
            key={item.id}
            className='staff-home__rollcall'
            title={item.title}
            description={formatDateTime(t, item.meetAt)}
            extra={
              <Text className={`staff-home__rollcall-state staff-home__rollcall-state--${item.status}`}>
                {item.status === 'open' && item.tally ? `${t('moderation.rollcall.tally.coming')} ${item.tally.coming}` : t(`moderation.rollcall.status.${item.status}`)}
              </Text>
            }
            align='center'
            clickable
            onClick={() => go(rollCallPath(item.id))}
          />
        ))}
      </CellGroup>
    );
  };
  return (
    <View className='linli-section staff-home__recent'>
      <Text className='linli-section__title'>{t('moderation.rollcall.recent')}</Text>
      {body()}
      <Button className='staff-home__rollcall-start' type='primary' fill='outline' size='large' block onClick={() => go(rollCallPath())}>
        {t('moderation.rollcall.start')}
      </Button>
    </View>
  );
}

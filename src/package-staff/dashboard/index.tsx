import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { ArrowLeft } from '@nutui/icons-react-taro';
import type { DashboardOutput } from '../../shared/schemas/console';
import type { MessageKey } from '../../locales';
import { hasMessage } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ErrorState, LoadingState } from '../../components/StateView';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { cx } from '../../utils/cx';
import { reviewPath } from '../../utils/registryRoutes';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { ExportButton } from '../components/ExportButton';
import { NeedFigures } from '../components/NeedFigures';
import { ScopeChips, scopeState, useStaffScope, type StaffScope } from '../components/StaffScope';
import '../components/staff.scss';
import './index.scss';
import { colors } from '../../styles/colors';
import { pressable } from '../../components/Pressable';
import { CareFigures } from './CareFigures';

interface Crumb {
  id: string;
  name: string;
}

type Target = DashboardOutput['targets']['streetsWithHub'];

const percent = (share: number) => Math.round(share * 1000) / 10;

/**
 * The numbers of an area (community, street or county) and the policy targets, with the areas
 * below it as a table to drill into. Charts are plain views (bars and progress), no chart
 * library: the staff subpackage stays small.
 */
export default function DashboardPage() {
  const { t } = useI18n();
  const scope = useStaffScope();
  // Areas opened below the chosen grant, from the table of children.
  const [trail, setTrail] = useState<Crumb[]>([]);
  // Index, not Array.prototype.at: older iOS WeChat lacks it (src/tsconfig.json's lib).
  const regionId = (trail.length > 0 ? trail[trail.length - 1]?.id : undefined) ?? scope.regionId;
  const summary = useAsync(() => call('dashboard.summary', { regionId: regionId ?? '' }), [regionId], { enabled: regionId !== null });

  usePullDownRefresh(() => {
    void summary.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const chooseGrant: StaffScope = {
    ...scope,
    setRegionId: (id) => {
      setTrail([]);
      scope.setRegionId(id);
    },
  };

  const waiting = scopeState(scope);
  const data = summary.data;
  const body = () => {
    if (waiting) return waiting;
    if (summary.loading && !data) return <LoadingState cards={4} />;
    if (summary.error || !data) return <ErrorState message={summary.error ?? ''} onRetry={() => void summary.reload()} />;
    return <Dashboard data={data} onOpenChild={(child) => setTrail([...trail, child])} />;
  };

  const parent = trail.length > 1 ? trail[trail.length - 2]!.name : (scope.grants.find((g) => g.regionId === scope.regionId)?.regionName ?? '');
  return (
    <PageRoot titleKey='moderation.titles.dashboard' className='staff-page staff-dashboard' busy={summary.loading}>
      <View className='staff-frame'>
        <ScopeChips scope={chooseGrant} />
        {trail.length > 0 ? (
          <View className='dash-up linli-pressable' onClick={() => setTrail(trail.slice(0, -1))} {...pressable(() => setTrail(trail.slice(0, -1)))}>
            <ArrowLeft size={14} color={colors.primary} />
            <Text>{t('moderation.scope.up', { name: parent })}</Text>
          </View>
        ) : null}
        {body()}
      </View>
    </PageRoot>
  );
}

function Dashboard({ data, onOpenChild }: { data: DashboardOutput; onOpenChild: (child: Crumb) => void }) {
  const { t } = useI18n();
  const label = (prefix: string, key: string) => {
    const full = `${prefix}.${key}`;
    return hasMessage(full) ? t(full) : key;
  };
  // Tiles of waiting work open the queue where it is done.
  const queueOf: Record<string, string> = { pending: reviewPath(), 'hour-reviews': volunteerRoutes.review, 'hour-reviews-overdue': volunteerRoutes.review };
  const tiles: Array<[MessageKey, number, string]> = [
    ['moderation.dashboard.groups', data.groups.total, 'groups'],
    ['moderation.dashboard.newGroups', data.groups.newLast30Days, 'new'],
    ['moderation.dashboard.pending', data.groups.pendingReview, 'pending'],
    ['moderation.dashboard.members', data.members, 'members'],
    ['moderation.dashboard.upcoming', data.activities.upcoming, 'upcoming'],
    ['moderation.dashboard.last30', data.activities.last30Days, 'last30'],
    ['moderation.dashboard.signups', data.activities.signups, 'signups'],
    ['moderation.dashboard.hours', data.volunteerHours, 'hours'],
    ['moderation.dashboard.creditsIssued', data.credits.issued, 'credits-issued'],
    ['moderation.dashboard.creditsRedeemed', data.credits.redeemed, 'credits-redeemed'],
    ['moderation.dashboard.hourReviews', data.hourReviews.pending, 'hour-reviews'],
    ['moderation.dashboard.hourReviewsOverdue', data.hourReviews.overdue, 'hour-reviews-overdue'],
  ];
  return (
    <>
      <View className='dash-title'>
        <Text className='dash-title__name'>{data.region.name}</Text>
        <Tag plain color={colors.ink2}>
          {t(`moderation.levels.${data.region.level}`)}
        </Tag>
      </View>

      <View className='dash-tiles'>
        {tiles.map(([key, value, name]) => {
          const url = queueOf[name];
          return url ? (
            <View
              key={name}
              className={`linli-card linli-pressable dash-tile dash-tile--${name} dash-tile--link`}
              onClick={() => void Taro.navigateTo({ url }).catch(() => undefined)}
              {...pressable(() => void Taro.navigateTo({ url }).catch(() => undefined), { role: 'link' })}
            >
              <Text className='dash-tile__value'>{value}</Text>
              <Text className='dash-tile__label'>{t(key)}</Text>
              <Text className='dash-tile__go'>{t('moderation.dashboard.openQueue')}</Text>
            </View>
          ) : (
            <View key={name} className={`linli-card dash-tile dash-tile--${name}`}>
              <Text className='dash-tile__value'>{value}</Text>
              <Text className='dash-tile__label'>{t(key)}</Text>
            </View>
          );
        })}
      </View>

      <View className='dash-columns'>
        <Bars title={t('moderation.dashboard.byType')} name='type' counts={data.groups.byType} labelOf={(key) => label('groupTypes', key)} />
        <Bars title={t('moderation.dashboard.byLevel')} name='level' counts={data.groups.byLevel} labelOf={(key) => label('levels', key)} />
      </View>

      {data.needs ? <NeedFigures needs={data.needs} /> : null}

      <View className='linli-card dash-section dash-targets'>
        <Text className='dash-section__title'>{t('moderation.dashboard.targets')}</Text>
        <TargetBar name='rural' title={t('moderation.dashboard.ruralExcellent')} target={data.targets.ruralCommunitiesWithExcellentTeam} />
        <TargetBar name='hub' title={t('moderation.dashboard.streetsHub')} target={data.targets.streetsWithHub} />
      </View>

      <CareFigures care={data.care} />

      <View className='dash-children'>
        <Text className='dash-section__title dash-children__title'>{t('moderation.dashboard.children')}</Text>
        {data.byChild.length === 0 ? (
          <Text className='staff-intro'>{t('moderation.dashboard.noChildren')}</Text>
        ) : (
          <>
            <Text className='staff-intro'>{t('moderation.dashboard.childrenHint')}</Text>
            <View className='staff-table dash-table'>
              <View className='staff-table__row staff-table__head'>
                <Text className='staff-table__cell staff-table__cell--main'>{t('moderation.dashboard.columns.name')}</Text>
                <Text className='staff-table__cell'>{t('moderation.dashboard.columns.groups')}</Text>
                <Text className='staff-table__cell'>{t('moderation.dashboard.columns.members')}</Text>
                <Text className='staff-table__cell'>{t('moderation.dashboard.columns.activities')}</Text>
              </View>
              {data.byChild.map((child) => (
                <View key={child.id} className='staff-table__row staff-table__row--link dash-child linli-pressable' data-region-id={child.id} onClick={() => onOpenChild({ id: child.id, name: child.name })} {...pressable(() => onOpenChild({ id: child.id, name: child.name }))}>
                  <Text className='staff-table__cell staff-table__cell--main'>{child.name}</Text>
                  <Text className='staff-table__cell'>
                    <Text className='staff-table__label'>{t('moderation.dashboard.columns.groups')}</Text>
                    {child.groups}
                  </Text>
                  <Text className='staff-table__cell'>
                    <Text className='staff-table__label'>{t('moderation.dashboard.columns.members')}</Text>
                    {child.members}
                  </Text>
                  <Text className='staff-table__cell'>
                    <Text className='staff-table__label'>{t('moderation.dashboard.columns.activities')}</Text>
                    {child.activities}
                  </Text>
                </View>
              ))}
            </View>
          </>
        )}
      </View>

      <View className='linli-card staff-export dash-exports'>
        <Text className='dash-section__title'>{t('moderation.dashboard.exports')}</Text>
        <View className='dash-exports__list'>
          <ExportButton key={`groups-${data.region.id}`} regionId={data.region.id} kind='groups' label={t('moderation.dashboard.exportGroups')} />
          <ExportButton key={`activities-${data.region.id}`} regionId={data.region.id} kind='activities' label={t('moderation.dashboard.exportActivities')} />
          <ExportButton key={`hours-${data.region.id}`} regionId={data.region.id} kind='hours' label={t('moderation.dashboard.exportHours')} />
        </View>
      </View>
    </>
  );
}

interface BarsProps {
  title: string;
  name: string;
  counts: Record<string, number>;
  labelOf: (key: string) => string;
}

/** A horizontal bar per key, longest = the largest count. */
function Bars({ title, name, counts, labelOf }: BarsProps) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, count]) => count));
  return (
    <View className={`linli-card dash-section dash-bars dash-bars--${name}`}>
      <Text className='dash-section__title'>{title}</Text>
      {entries.map(([key, count]) => (
        <View key={key} className='dash-bar' data-key={key}>
          <Text className='dash-bar__label'>{labelOf(key)}</Text>
          <View className='dash-bar__track'>
            <View className='dash-bar__fill' style={{ width: `${(count / max) * 100}%` }} />
          </View>
          <Text className='dash-bar__value'>{count}</Text>
        </View>
      ))}
    </View>
  );
}

/** A policy target: the share reached as a progress bar, the goal as a mark on it. */
function TargetBar({ name, title, target }: { name: string; title: string; target: Target }) {
  const { t } = useI18n();
  const met = target.of > 0 && target.share >= target.goal;
  return (
    <View className={`dash-target dash-target--${name}`} data-met={met}>
      <View className='dash-target__head'>
        <Text className='dash-target__title'>{title}</Text>
        {target.of > 0 ? (
          <Tag background={met ? colors.successSoft : colors.warningSoft} color={met ? colors.success : colors.warning}>
            {t(met ? 'moderation.dashboard.met' : 'moderation.dashboard.notMet')}
          </Tag>
        ) : null}
      </View>
      {target.of === 0 ? (
        <Text className='staff-card__meta'>{t('moderation.dashboard.noBase')}</Text>
      ) : (
        <>
          <View className='dash-target__track' role='progressbar' aria-label={title} aria-valuenow={percent(target.share)} aria-valuemin={0} aria-valuemax={100}>
            <View className={cx('dash-target__fill', met && 'dash-target__fill--met')} style={{ width: `${Math.min(100, target.share * 100)}%` }} />
            <View className='dash-target__goal' style={{ left: `${Math.min(100, target.goal * 100)}%` }} />
          </View>
          <View className='dash-target__numbers'>
            <Text className='dash-target__value'>{t('moderation.dashboard.targetValue', { count: target.count, of: target.of, share: percent(target.share) })}</Text>
            <Text className='dash-target__goal-text'>{t('moderation.dashboard.goal', { goal: percent(target.goal) })}</Text>
          </View>
        </>
      )}
    </View>
  );
}

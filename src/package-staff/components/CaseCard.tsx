import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { CaseView } from '../../shared/schemas/moderation';
import { hasMessage } from '../../locales';
import { useI18n } from '../../hooks/useI18n';
import { activityPath } from '../../utils/eventRoutes';
import { formatDateTime } from '../../utils/registryFormat';
import { groupPath } from '../../utils/routes';
import { cx } from '../../utils/cx';
import { colors } from '../../styles/colors';

const STATE_COLORS: Record<CaseView['state'], { background: string; color: string }> = {
  open: { background: colors.warningSoft, color: colors.warning },
  hidden: { background: colors.dangerSoft, color: colors.danger },
  restored: { background: colors.successSoft, color: colors.success },
  warned: { background: colors.primarySoft, color: colors.primary },
  suspended: { background: colors.neutralSoft, color: colors.ink },
  dismissed: { background: colors.successSoft, color: colors.success },
};

/** The page of the reported item, where there is one to open (posts and people have none). */
function originalPath(item: CaseView): string | null {
  if (item.targetType === 'group') return groupPath(item.targetId);
  if (item.targetType === 'activity') return activityPath(item.targetId);
  return null;
}

export interface CaseCardProps {
  item: CaseView;
  focused?: boolean;
  /** The actions under the card. */
  children?: ReactNode;
}

/** What each reporter wrote, newest first, with the time and the reporter masked (first character and a star). */
function CaseReports({ item }: { item: CaseView }) {
  const { t } = useI18n();
  if (item.reports.length === 0) return null;
  return (
    <View className='staff-case__reports'>
      <Text className='staff-card__meta staff-case__reports-title'>{t('moderation.queue.reportsTitle')}</Text>
      {item.reports.map((report, i) => {
        const key = `moderation.reasons.${report.reason}`;
        return (
          <View key={`${report.at}-${i}`} className='staff-case__report' data-reason={report.reason}>
            <Text className='staff-reason'>{hasMessage(key) ? t(key) : report.reason}</Text>
            <Text className='staff-card__quote staff-case__report-text'>{report.text ?? t('moderation.queue.noText')}</Text>
            <Text className='staff-card__meta staff-case__report-by'>{t('moderation.queue.reportBy', { reporter: report.reporter, time: formatDateTime(report.at) })}</Text>
          </View>
        );
      })}
      {item.reportCount > item.reports.length ? (
        <Text className='staff-card__meta staff-case__reports-more'>{t('moderation.queue.reportsMore', { shown: item.reports.length, count: item.reportCount })}</Text>
      ) : null}
    </View>
  );
}

/** A moderation case as staff see it: what was reported, how often and why, what happened so far. */
export function CaseCard({ item, focused = false, children }: CaseCardProps) {
  const { t } = useI18n();
  const original = originalPath(item);
  const state = STATE_COLORS[item.state];
  const reasons = Object.entries(item.reasons).filter(([, count]) => count > 0);
  return (
    <View className={cx('linli-card staff-card staff-case', focused && 'staff-card--focused')} data-case-id={item.id} data-target-id={item.targetId} data-state={item.state}>
      <View className='staff-card__head'>
        <Tag plain color={colors.ink2}>
          {t(`moderation.targets.${item.targetType}`)}
        </Tag>
        <Tag className='staff-case__state' background={state.background} color={state.color}>
          {t(`moderation.states.${item.state}`)}
        </Tag>
        {item.autoHidden && item.state === 'hidden' ? (
          <Tag background={colors.dangerSoft} color={colors.danger}>
            {t('moderation.queue.autoHidden')}
          </Tag>
        ) : null}
      </View>
      <Text className='staff-card__title'>{item.title}</Text>
      {item.excerpt ? <Text className='staff-card__text'>{item.excerpt}</Text> : null}
      <Text className='staff-card__meta'>{[item.regionName, t('moderation.queue.reports', { count: item.reportCount })].filter(Boolean).join(t('common.separator'))}</Text>
      {reasons.length > 0 ? (
        <View className='staff-reasons'>
          {reasons.map(([reason, count]) => {
            const key = `moderation.reasons.${reason}`;
            return (
              <Text key={reason} className='staff-reason' data-reason={reason}>
                {t('moderation.queue.reasonCount', { reason: hasMessage(key) ? t(key) : reason, count })}
              </Text>
            );
          })}
        </View>
      ) : null}
      <CaseReports item={item} />
      {item.lastDecision ? (
        <Text className='staff-card__meta staff-case__decision'>
          {t('moderation.queue.lastDecision', { action: t(`moderation.actions.${item.lastDecision.action}`), reason: item.lastDecision.reason })}
          {t('common.separator')}
          {formatDateTime(item.lastDecision.at)}
        </Text>
      ) : null}
      {item.appeal ? <Text className='staff-card__quote staff-case__appeal'>{t('moderation.appeals.appealText', { text: item.appeal.text })}</Text> : null}
      {original ? (
        <Text className='staff-link staff-case__open' onClick={() => void Taro.navigateTo({ url: original }).catch(() => undefined)}>
          {t('moderation.queue.open')}
        </Text>
      ) : null}
      {children}
    </View>
  );
}

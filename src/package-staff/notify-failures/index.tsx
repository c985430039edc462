import '../locale';
import '../actions';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { NotifyFailuresSummaryOutput } from '../../shared/schemas/console';
import { hasMessage, type Translate } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { formatDateTime } from '../../utils/chinaTime';
import { ScopeChips, scopeState, useStaffScope } from '../components/StaffScope';
import '../components/staff.scss';
import './index.scss';

/** A notice kind as staff read it; an unknown kind by its name. */
export function kindLabel(t: Translate, kind: string): string {
  const key = `notices.failures.kinds.${kind}`;
  return hasMessage(key) ? t(key) : t('notices.failures.kinds.other', { kind });
}

/** A WeChat error code as staff read it (the codes of subscribeMessage.send, -1/-2 ours). */
export function errorLabel(t: Translate, errcode: number): string {
  const key = `notices.failures.errors.${errcode}`;
  return hasMessage(key) ? t(key) : t('notices.failures.errors.other', { code: errcode });
}

/**
 * Messages that did not reach residents' phones in the chosen area over the last 7 days: counts
 * by type and by reason, and the latest ones with the recipient masked. Each of them is in the
 * resident's in-app Messages all the same.
 */
export default function NotifyFailuresPage() {
  const { t } = useI18n();
  const scope = useStaffScope();
  const summary = useAsync(() => call('notifyFailures.summary', { regionId: scope.regionId ?? '' }), [scope.regionId], { enabled: scope.regionId !== null });

  usePullDownRefresh(() => {
    void summary.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const waiting = scopeState(scope);
  const body = () => {
    if (waiting) return waiting;
    if (summary.loading && !summary.data) return <LoadingState cards={3} />;
    if (summary.error || !summary.data) return <ErrorState message={summary.error ?? ''} onRetry={() => void summary.reload()} />;
    return <Summary data={summary.data} />;
  };

  return (
    <PageRoot titleKey='notices.failures.title' className='staff-page notify-failures' busy={summary.loading}>
      <View className='staff-frame'>
        <ScopeChips scope={scope} />
        <Text className='notify-failures__intro'>{t('notices.failures.intro')}</Text>
        {body()}
      </View>
    </PageRoot>
  );
}

function Summary({ data }: { data: NotifyFailuresSummaryOutput }) {
  const { t } = useI18n();
  if (data.total === 0) return <EmptyState className='notify-failures__empty' title={t('notices.failures.empty')} />;
  return (
    <View className='notify-failures__summary'>
      <Text className='notify-failures__total'>{t('notices.failures.total', { count: data.total })}</Text>
      {data.counted < data.total ? <Text className='notify-failures__counted'>{t('notices.failures.counted', { count: data.counted })}</Text> : null}
      <Counts title={t('notices.failures.byKind')} className='notify-failures__by-kind' rows={data.byKind.map((k) => ({ key: k.kind, label: kindLabel(t, k.kind), count: k.count }))} />
      <Counts title={t('notices.failures.byError')} className='notify-failures__by-error' rows={data.byError.map((e) => ({ key: String(e.errcode), label: errorLabel(t, e.errcode), count: e.count }))} />
      <View className='linli-section notify-failures__latest'>
        <Text className='linli-section__title'>{t('notices.failures.latest')}</Text>
        {data.latest.map((failure) => (
          <View key={failure.id} className='linli-card notify-failures__item' data-errcode={failure.errcode}>
            <View className='notify-failures__item-head'>
              <Text className='notify-failures__kind'>{kindLabel(t, failure.kind)}</Text>
              <Text className='notify-failures__time'>{formatDateTime(t, failure.createdAt)}</Text>
            </View>
            <Text className='notify-failures__reason'>{errorLabel(t, failure.errcode)}</Text>
            <Text className='notify-failures__recipient'>{t('notices.failures.recipient', { name: failure.recipient })}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Counts({ title, className, rows }: { title: string; className: string; rows: Array<{ key: string; label: string; count: number }> }) {
  return (
    <View className={`linli-section ${className}`}>
      <Text className='linli-section__title'>{title}</Text>
      <View className='linli-card notify-failures__counts' role='list'>
        {rows.map((row) => (
          <View key={row.key} className='notify-failures__row' role='listitem' data-key={row.key}>
            <Text className='notify-failures__label'>{row.label}</Text>
            <Text className='notify-failures__count'>{row.count}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

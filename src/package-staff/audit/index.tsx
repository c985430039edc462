import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Order } from '@nutui/icons-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import { hasMessage } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { AuditSearchInput } from '../../shared/schemas/console';
import { FormField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useFormErrors } from '../../hooks/useFormErrors';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { chinaIso } from '../../utils/chinaTime';
import { formatDateTime } from '../../utils/registryFormat';
import { DateField } from '../../components/DateField';
import { ExportButton } from '../components/ExportButton';
import { ScopeChips, scopeState, useStaffScope } from '../components/StaffScope';
import '../components/staff.scss';
import { colors } from '../../styles/colors';

const PAGE_SIZE = 20;
/** The contract's id rule, said before the server would refuse it. */
/** An id as the search takes it (AuditSearchInput's staffId / targetId: the shared Id rule). */
const ID = AuditSearchInput.shape.staffId.unwrap();

type Entry = OutputOf<'audit.search'>['items'][number];

interface Filters {
  staffId: string;
  targetId: string;
  /** China days 'YYYY-MM-DD' or ''. */
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { staffId: '', targetId: '', from: '', to: '' };

/** The search input of applied filters: whole China days, empty fields left out. */
function searchInput(filters: Filters) {
  return {
    ...(filters.staffId ? { staffId: filters.staffId } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(filters.from ? { from: chinaIso(filters.from, '00:00') } : {}),
    ...(filters.to ? { to: chinaIso(filters.to, '23:59') } : {}),
  };
}

/**
 * The audit log of the staff member's area, newest first: who did what to which item, and why.
 * Filter by staff, target and days; export the whole log of the area as Excel.
 */
export default function AuditPage() {
  const { t } = useI18n();
  const scope = useStaffScope();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const form = useFormErrors<keyof Filters>(['staffId', 'targetId', 'from', 'to']);
  const problems = form.errors;
  const regionId = scope.regionId;
  const log = usePaged(
    (offset) => call('audit.search', { regionId: regionId ?? '', ...searchInput(applied), offset, limit: PAGE_SIZE }),
    (entry) => entry.id,
    [regionId, applied.staffId, applied.targetId, applied.from, applied.to],
    { enabled: regionId !== null },
  );

  usePullDownRefresh(() => {
    void log.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (log.hasMore && !log.loading && !log.loadingMore) void log.loadMore();
  });

  const apply = (next: Filters) => {
    const trimmed = { ...next, staffId: next.staffId.trim(), targetId: next.targetId.trim() };
    const found: Partial<Record<keyof Filters, string>> = {};
    if (trimmed.staffId && !ID.safeParse(trimmed.staffId).success) found.staffId = t('moderation.audit.badId');
    if (trimmed.targetId && !ID.safeParse(trimmed.targetId).success) found.targetId = t('moderation.audit.badId');
    if (trimmed.from && trimmed.to && trimmed.from > trimmed.to) found.to = t('moderation.audit.badRange');
    setDraft(trimmed);
    // A refused search goes to the first problem and lists them by the buttons.
    if (!form.refuse(found)) setApplied(trimmed);
  };

  const waiting = scopeState(scope);
  if (waiting || !regionId) {
    return (
      <PageRoot titleKey='moderation.titles.audit' className='staff-page staff-audit'>
        <View className='staff-frame'>{waiting}</View>
      </PageRoot>
    );
  }

  const actionText = (action: string) => {
    const key = `moderation.audit.actions.${action.replace(/\./g, '_')}`;
    return hasMessage(key) ? t(key) : action;
  };

  const results = () => {
    if (log.loading && !log.loaded) return <LoadingState cards={3} />;
    if (log.error) return <ErrorState message={log.error} onRetry={() => void log.refresh()} />;
    if (log.items.length === 0) return <EmptyState title={t('moderation.audit.empty')} description={t('moderation.audit.emptyHint')} icon={<Order size={40} color={colors.decoration} />} />;
    return (
      <>
        <View className='staff-table staff-audit__table'>
          <View className='staff-table__row staff-table__head'>
            <Text className='staff-table__cell'>{t('moderation.audit.columns.at')}</Text>
            <Text className='staff-table__cell'>{t('moderation.audit.columns.staff')}</Text>
            <Text className='staff-table__cell staff-table__cell--main'>{t('moderation.audit.columns.action')}</Text>
            <Text className='staff-table__cell'>{t('moderation.audit.columns.target')}</Text>
            <Text className='staff-table__cell'>{t('moderation.audit.columns.region')}</Text>
            <Text className='staff-table__cell staff-table__cell--wide'>{t('moderation.audit.columns.reason')}</Text>
          </View>
          {log.items.map((entry) => (
            <AuditRow key={entry.id} entry={entry} actionText={actionText} onOnlyStaff={() => apply({ ...applied, staffId: entry.staff.id })} />
          ))}
        </View>
        <ListFooter hasMore={log.hasMore} loadingMore={log.loadingMore} error={log.moreError} onLoadMore={() => void log.loadMore()} />
      </>
    );
  };

  const set = (key: keyof Filters) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));

  return (
    <PageRoot titleKey='moderation.titles.audit' className='staff-page staff-audit' busy={log.loading}>
      <View className='staff-frame'>
        <ScopeChips scope={scope} />
        <View className='linli-card staff-form staff-audit__filters'>
          <View className='staff-form__row'>
            <FormField name='staffId' label={t('moderation.audit.staffId')} error={problems.staffId}>
              <Input value={draft.staffId} placeholder={t('moderation.audit.idPlaceholder')} onChange={set('staffId')} />
            </FormField>
            <FormField name='targetId' label={t('moderation.audit.targetId')} error={problems.targetId}>
              <Input value={draft.targetId} placeholder={t('moderation.audit.idPlaceholder')} onChange={set('targetId')} />
            </FormField>
          </View>
          <View className='staff-form__row'>
            <FormField name='from' label={t('moderation.audit.from')} error={problems.from}>
              <DateField value={draft.from} label={t('moderation.audit.from')} onChange={set('from')} />
            </FormField>
            <FormField name='to' label={t('moderation.audit.to')} error={problems.to}>
              <DateField value={draft.to} label={t('moderation.audit.to')} onChange={set('to')} />
            </FormField>
          </View>
          <FormErrorSummary
            problems={form.problems}
            labels={{ staffId: t('moderation.audit.staffId'), targetId: t('moderation.audit.targetId'), from: t('moderation.audit.from'), to: t('moderation.audit.to') }}
          />
          <View className='staff-actions'>
            <Button className='staff-audit__search' type='primary' size='small' onClick={() => apply(draft)}>
              {t('moderation.audit.search')}
            </Button>
            <Button className='staff-audit__clear' size='small' onClick={() => apply(NO_FILTERS)}>
              {t('moderation.audit.clear')}
            </Button>
          </View>
        </View>
        <View className='staff-bar'>
          {log.loaded ? <Text className='staff-total'>{t('moderation.audit.total', { count: log.total })}</Text> : <View />}
        </View>
        {results()}
        <View className='linli-card staff-export'>
          <ExportButton key={regionId} regionId={regionId} kind='audit' label={t('moderation.audit.export')} filters={searchInput(applied)} />
        </View>
      </View>
    </PageRoot>
  );
}

interface AuditRowProps {
  entry: Entry;
  actionText: (action: string) => string;
  onOnlyStaff: () => void;
}

function AuditRow({ entry, actionText, onOnlyStaff }: AuditRowProps) {
  const { t } = useI18n();
  const typeKey = [`moderation.targets.${entry.targetType}`, `moderation.auditTargets.${entry.targetType}`].find(hasMessage);
  const targetType = typeKey ? t(typeKey) : entry.targetType;
  return (
    <View className='staff-table__row staff-audit__row' data-entry-id={entry.id} data-action={entry.action}>
      <Text className='staff-table__cell staff-table__cell--muted'>{formatDateTime(entry.at)}</Text>
      <View className='staff-table__cell'>
        <Text>{entry.staff.nickname}</Text>
        <Text className='staff-link staff-audit__only' onClick={onOnlyStaff}>
          {t('moderation.audit.onlyStaff')}
        </Text>
      </View>
      <Text className='staff-table__cell staff-table__cell--main'>{actionText(entry.action)}</Text>
      <Text className='staff-table__cell staff-table__cell--muted'>{t('moderation.audit.targetValue', { type: targetType, id: entry.targetId })}</Text>
      <Text className='staff-table__cell staff-table__cell--muted'>{entry.regionName}</Text>
      <Text className='staff-table__cell staff-table__cell--wide'>{entry.reason ?? ''}</Text>
    </View>
  );
}

import '../locale';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ActivityDetail } from '../../shared/schemas/activities';
import type { GroupDetail } from '../../shared/schemas/groups';
import { call, isClientError } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { activitiesChanged } from '../../stores/events';
import { activityPath } from '../../utils/eventRoutes';
import { ActivityForm } from './ActivityForm';
import { defaultValues, fieldOfIssue, valuesOf, type ActivityFields, type FieldErrors } from './form';
import './index.scss';

type Source = { kind: 'create'; group: GroupDetail } | { kind: 'edit'; activity: ActivityDetail };

/**
 * Post an activity (?groupId=) or edit one (?id=), for the group's leaders: whether the form is offered
 * follows the server's abilities ('activities.create' on the group, 'activities.edit' on the
 * activity). A new activity opens its page when published; an edit goes back to it.
 */
export default function EditActivityPage() {
  const { t } = useI18n();
  useAccount();
  const params = useRouter().params;
  const activityId = params.id ?? '';
  const groupId = params.groupId ?? '';
  const editing = activityId !== '';
  const titleKey = editing ? 'events.titles.edit' : 'events.titles.create';
  const source = useAsync<Source>(
    async () => (editing ? { kind: 'edit', activity: await call('activities.get', { activityId }) } : { kind: 'create', group: await call('groups.get', { groupId }) }),
    [activityId, groupId],
    { enabled: editing || groupId !== '' },
  );

  if (!editing && !groupId) {
    return (
      <PageRoot titleKey={titleKey}>
        <EmptyState title={t('events.form.missingGroup')} />
      </PageRoot>
    );
  }
  if (source.loading && !source.data) {
    return (
      <PageRoot titleKey={titleKey}>
        <LoadingState cards={3} />
      </PageRoot>
    );
  }
  if (source.error || !source.data) {
    return (
      <PageRoot titleKey={titleKey}>
        <ErrorState message={source.error ?? ''} onRetry={() => void source.reload()} />
      </PageRoot>
    );
  }

  const data = source.data;
  const allowed = data.kind === 'edit' ? data.activity.abilities.includes('activities.edit') : data.group.abilities.includes('activities.create');
  if (!allowed) {
    return (
      <PageRoot titleKey={titleKey}>
        <EmptyState title={data.kind === 'edit' ? t('events.form.cannotEdit') : t('events.form.cannotCreate')} description={t('events.form.leadersOnly')} />
      </PageRoot>
    );
  }

  /** Server-side field issues go beside their fields; anything else is a toast. */
  const failed = (error: unknown): FieldErrors => {
    const errors: FieldErrors = {};
    if (isClientError(error) && error.code === 'INVALID_INPUT') {
      for (const issue of error.issues) {
        const field = fieldOfIssue(issue);
        if (field) errors[field] ??= issue.message;
      }
    }
    Taro.showToast({ title: Object.keys(errors).length > 0 ? t('events.form.fixErrors') : errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    return errors;
  };

  const submit = async (fields: ActivityFields, repeatWeeks: number): Promise<FieldErrors | null> => {
    try {
      if (data.kind === 'edit') {
        await call('activities.update', { activityId: data.activity.id, ...fields });
        activitiesChanged();
        Taro.showToast({ title: t('events.form.saved'), icon: 'success' }).catch(() => undefined);
        Taro.navigateBack().catch(() => Taro.redirectTo({ url: activityPath(data.activity.id) }).catch(() => undefined));
      } else {
        const created = await call('activities.create', { groupId: data.group.id, ...fields, repeatWeeks });
        activitiesChanged();
        Taro.showToast({ title: created.ids.length > 1 ? t('events.form.publishedSeries', { count: created.ids.length }) : t('events.form.published'), icon: 'none' }).catch(() => undefined);
        await Taro.redirectTo({ url: activityPath(created.first.id) }).catch(() => undefined);
      }
      return null;
    } catch (error) {
      return failed(error);
    }
  };

  return (
    <PageRoot titleKey={titleKey} className='events-edit'>
      <View className='events-edit__for'>
        <Text>{data.kind === 'edit' ? t('events.form.editing', { title: data.activity.title }) : t('events.form.postingFor', { group: data.group.name })}</Text>
        {data.kind === 'edit' && (data.activity.capacity > data.activity.seatsLeft || data.activity.waitlistLength > 0) ? (
          <Text className='events-edit__notify'>{t('events.form.editNotifies')}</Text>
        ) : null}
      </View>
      <ActivityForm initial={data.kind === 'edit' ? valuesOf(data.activity) : defaultValues(Date.now())} editing={data.kind === 'edit'} onSubmit={submit} />
    </PageRoot>
  );
}

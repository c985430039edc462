import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { GroupDetail } from '../../shared/schemas/groups';
import type { RegionTreeNode } from '../../shared/schemas/regions';
import { call } from '../../services/cloud';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useI18n } from '../../hooks/useI18n';
import { groupChanged } from '../../stores/groupChanges';
import { registryRoutes } from '../../utils/registryRoutes';
import { DescriptionField, ContactFields, FormSection, LevelField, NameField, RulesFields, TypeField } from '../components/fields';
import { PlacementField } from '../components/PlacementField';
import { MeetingPlaceField } from '../components/MeetingPlaceField';
import { TagsField } from '../components/TagsField';
import { subscribeLine } from '../../components/SubscribeNote';
import { askSubscriptions } from '../../utils/subscribe';
import {
  schemaErrors,
  submitFailure,
  toFoundInput,
  validateGroupForm,
  type FieldErrors,
  type GroupFormField,
  type GroupFormValues,
} from '../components/groupForm';

export interface FoundFormProps {
  initial: GroupFormValues;
  roots: RegionTreeNode[];
  /** The rejected application being corrected, or null for a new one. */
  resubmit: GroupDetail | null;
}

/** Top to bottom: a refused submit scrolls to the first field with a problem. */
const FIELD_ORDER: readonly GroupFormField[] = ['name', 'type', 'description', 'tags', 'placement', 'communityId', 'streetId', 'managementLevel', 'place', 'contactName', 'contactPhone'];

/** The founding form: checks everything before sending, shows each problem next to its field. */
export function FoundForm({ initial, roots, resubmit }: FoundFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<GroupFormValues>(initial);
  const form = useFormErrors<GroupFormField>(FIELD_ORDER);
  const errors: FieldErrors = form.errors;
  const [general, setGeneral] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const change = (changes: Partial<GroupFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    setGeneral(null);
    // A field the user is fixing stops being red.
    form.clear(...(Object.keys(changes) as GroupFormField[]));
    if ('placement' in changes || 'type' in changes) form.clear('communityId', 'streetId', 'managementLevel');
  };

  const submit = async () => {
    setGeneral(null);
    const local = validateGroupForm(values, t);
    const found = Object.keys(local).length > 0 ? local : schemaErrors(toFoundInput(values), t);
    if (form.refuse(found)) return;
    // In the tap: consent for the review result (WeChat: one consent, one message).
    const consent = askSubscriptions(['groupReview']);
    setSubmitting(true);
    try {
      const input = toFoundInput(values);
      if (resubmit) {
        await call('groups.resubmit', { groupId: resubmit.id, ...input });
        groupChanged(resubmit.id);
      } else {
        await call('groups.found', input);
      }
      // What she subscribed to goes with the confirmation (the page is replaced next).
      const subscribed = await consent;
      Taro.showToast(
        subscribed ? { title: `${t('registry.form.submitted')}\n${subscribeLine(t, subscribed)}`, icon: 'none', duration: 3000 } : { title: t('registry.form.submitted'), icon: 'success' },
      ).catch(() => undefined);
      // Replace the form: going back should not land on a form that was already sent.
      await Taro.redirectTo({ url: registryRoutes.applications }).catch(() => undefined);
    } catch (error) {
      const failure = submitFailure(error, t);
      form.refuse(failure.fields);
      setGeneral(failure.general);
    } finally {
      setSubmitting(false);
    }
  };

  const atStreet = values.type === 'hub' && values.placement === 'street';
  const labels: Partial<Record<GroupFormField, string>> = {
    name: t('registry.form.name'),
    type: t('registry.form.type'),
    description: t('registry.form.description'),
    tags: t('registry.form.tags'),
    communityId: t('registry.form.community'),
    streetId: t('registry.form.street'),
    managementLevel: t('registry.form.level'),
    contactName: t('registry.form.contactName'),
    contactPhone: t('registry.form.contactPhone'),
  };
  return (
    <View className='found__form'>
      {resubmit?.review?.reason ? <Text className='leader-note leader-note--error found__reason'>{t('registry.form.reasonBefore', { reason: resubmit.review.reason })}</Text> : null}
      {resubmit && values.contactPhone === '' ? <Text className='leader-note found__reenter'>{t('registry.form.reenterContact')}</Text> : null}

      <FormSection title={t('registry.form.basics')}>
        <NameField value={values.name} error={errors.name} onChange={(name) => change({ name })} />
        <TypeField value={values.type} error={errors.type} onChange={(type) => change({ type, placement: type === 'hub' ? values.placement : 'community' })} />
        <DescriptionField value={values.description} error={errors.description} onChange={(description) => change({ description })} />
        <TagsField tags={values.tags} error={errors.tags} onChange={(tags) => change({ tags })} />
      </FormSection>

      <FormSection title={t('registry.form.management')}>
        <PlacementField values={values} errors={errors} roots={roots} onChange={change} />
        <LevelField value={values.managementLevel} error={errors.managementLevel} streetOnly={atStreet} onChange={(managementLevel) => change({ managementLevel })} />
      </FormSection>

      <FormSection title={t('registry.form.meetingPlace')}>
        <MeetingPlaceField value={values.place} error={errors.place} onChange={(place) => change({ place })} />
      </FormSection>

      <FormSection title={t('registry.form.contact')}>
        <ContactFields name={values.contactName} phone={values.contactPhone} errors={errors} onChange={change} />
      </FormSection>

      <FormSection title={t('registry.form.rules')}>
        <RulesFields values={values} onChange={change} />
      </FormSection>

      <View className='leader-bar'>
        <SubmitBar
          label={submitting ? t('registry.form.submitting') : t(resubmit ? 'registry.form.submitResubmit' : 'registry.form.submitFound')}
          onSubmit={() => void submit()}
          busy={submitting}
          buttonClassName='found__submit'
          problems={form.problems}
          labels={labels}
          general={general}
          summaryClassName='found__general'
        />
      </View>
    </View>
  );
}

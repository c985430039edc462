import '../locale';
import '../actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { InputOf } from '../../shared/api/contract';
import type { GroupDetail, JoinPolicy } from '../../shared/schemas/groups';
import type { AsyncState } from '../../hooks/useAsync';
import { call } from '../../services/cloud';
import { GroupGate } from '../../components/GroupGate';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useI18n } from '../../hooks/useI18n';
import { groupChanged } from '../../stores/groupChanges';
import { ContactFields, DescriptionField, FormSection, RulesFields } from '../components/fields';
import { MeetingPlaceField } from '../components/MeetingPlaceField';
import { TagsField } from '../components/TagsField';
import { checkContactName, checkDescription, phoneProblem, placeInputOf, placeProblem, placeValueOf, submitFailure, type FieldErrors, type GroupFormField, type MeetingPlaceValue } from '../components/groupForm';
import '../components/leader.scss';
import './index.scss';

/** Edit what a group's leaders may change: about, tags, contact, joining and activity rules. */
export default function EditPage() {
  return (
    <GroupGate titleKey='registry.titles.edit' className='edit leader-page--with-bar' abilities={['groups.edit']}>
      {(group, detail) => <EditForm key={group.id} group={group} detail={detail} />}
    </GroupGate>
  );
}

interface EditValues {
  description: string;
  tags: string[];
  contactName: string;
  contactPhone: string;
  joinPolicy: JoinPolicy;
  noShowLimit: number;
  cancelCutoffHours: number;
  place: MeetingPlaceValue;
}

type UpdateInput = InputOf<'groups.update'>;
/** Top to bottom: a refused save scrolls to the first field with a problem. */
const FIELD_ORDER: readonly GroupFormField[] = ['description', 'tags', 'place', 'contactName', 'contactPhone'];

function initialValues(group: GroupDetail): EditValues {
  // Leaders are members, so the contact arrives in full; a masked one is never sent back.
  const contact = group.contact && !group.contact.masked ? group.contact : null;
  return {
    description: group.description,
    tags: [...group.tags],
    contactName: contact?.name ?? '',
    contactPhone: contact?.phone ?? '',
    joinPolicy: group.joinPolicy,
    noShowLimit: group.rules.noShowLimit,
    cancelCutoffHours: group.rules.cancelCutoffHours,
    place: placeValueOf(group.place),
  };
}

/** Only what changed is sent (the contract needs at least one change). */
function changesOf(initial: EditValues, values: EditValues, groupId: string): UpdateInput | null {
  const input: UpdateInput = { groupId };
  if (values.description.trim() !== initial.description.trim()) input.description = values.description.trim();
  if (values.tags.join('\n') !== initial.tags.join('\n')) input.tags = values.tags;
  if (values.contactName.trim() !== initial.contactName.trim()) input.contactName = values.contactName.trim();
  if (values.contactPhone.trim() !== initial.contactPhone.trim()) input.contactPhone = values.contactPhone.trim();
  if (values.joinPolicy !== initial.joinPolicy) input.joinPolicy = values.joinPolicy;
  if (values.noShowLimit !== initial.noShowLimit) input.noShowLimit = values.noShowLimit;
  if (values.cancelCutoffHours !== initial.cancelCutoffHours) input.cancelCutoffHours = values.cancelCutoffHours;
  const place = placeInputOf(values.place);
  if (JSON.stringify(place) !== JSON.stringify(placeInputOf(initial.place))) input.place = place;
  return Object.keys(input).length > 1 ? input : null;
}

function EditForm({ group, detail }: { group: GroupDetail; detail: AsyncState<GroupDetail> }) {
  const { t } = useI18n();
  const [initial] = useState(() => initialValues(group));
  const [values, setValues] = useState<EditValues>(initial);
  const form = useFormErrors<GroupFormField>(FIELD_ORDER);
  const errors: FieldErrors = form.errors;
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (changes: Partial<EditValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    setGeneral(null);
    form.clear(...(Object.keys(changes) as GroupFormField[]));
  };

  const save = async () => {
    setGeneral(null);
    const found: FieldErrors = {};
    const description = checkDescription(t, values.description);
    if (description) found.description = description;
    // Contact stays as it is unless the leader types a new one.
    const contactTouched = values.contactName !== initial.contactName || values.contactPhone !== initial.contactPhone;
    if (contactTouched) {
      const name = checkContactName(t, values.contactName);
      const phone = phoneProblem(t, values.contactPhone);
      if (name) found.contactName = name;
      if (phone) found.contactPhone = phone;
    }
    const place = placeProblem(t, values.place);
    if (place) found.place = place;
    if (form.refuse(found)) return;
    const input = changesOf(initial, values, group.id);
    if (!input) {
      setGeneral(t('registry.form.nothingChanged'));
      return;
    }
    setSaving(true);
    try {
      const next = await call('groups.update', input);
      detail.setData(next);
      groupChanged(group.id);
      Taro.showToast({ title: t('registry.form.saved'), icon: 'success' }).catch(() => undefined);
      await Taro.navigateBack().catch(() => undefined);
    } catch (error) {
      const failure = submitFailure(error, t);
      form.refuse(failure.fields);
      setGeneral(failure.general);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='edit__form'>
      <FormSection title={t('registry.form.basics')}>
        <DescriptionField value={values.description} error={errors.description} onChange={(description) => change({ description })} />
        <TagsField tags={values.tags} error={errors.tags} onChange={(tags) => change({ tags })} />
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
          label={t('registry.common.save')}
          onSubmit={() => void save()}
          busy={saving}
          buttonClassName='edit__save'
          problems={form.problems}
          labels={{ description: t('registry.form.description'), tags: t('registry.form.tags'), contactName: t('registry.form.contactName'), contactPhone: t('registry.form.contactPhone') }}
          general={general}
          summaryClassName='edit__general'
        />
      </View>
    </View>
  );
}

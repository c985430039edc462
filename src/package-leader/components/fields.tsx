/** Form fields shared by founding and editing a group. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Input, InputNumber } from '@nutui/nutui-react-taro';
import type { GroupType, JoinPolicy, ManagementLevel } from '../../shared/schemas/groups';
import { GroupType as GroupTypes, JoinPolicy as JoinPolicies, ManagementLevel as ManagementLevels } from '../../shared/schemas/groups';
import { reviewerRoleFor } from '../../shared/policies/groups';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { useI18n } from '../../hooks/useI18n';
import { CONTACT_NAME_LIMIT, CUTOFF_MAX, DESCRIPTION_LIMIT, NAME_LIMIT, NO_SHOW_MAX } from './groupForm';
import { LongTextField } from '../../components/LongText';
import './leader.scss';

interface TextFieldProps {
  value: string;
  error?: string | null;
  onChange: (value: string) => void;
}

export function NameField({ value, error, onChange }: TextFieldProps) {
  const { t } = useI18n();
  return (
    <FormField name='name' label={t('registry.form.name')} required error={error} count={{ value, limit: NAME_LIMIT }}>
      <Input className='leader-input' value={value} placeholder={t('registry.form.namePlaceholder')} onChange={onChange} />
    </FormField>
  );
}

export function DescriptionField({ value, error, onChange }: TextFieldProps) {
  const { t } = useI18n();
  return (
    <LongTextField
      name='description'
      label={t('registry.form.description')}
      required
      error={error}
      value={value}
      limit={DESCRIPTION_LIMIT}
      inputClassName='leader-textarea'
      placeholder={t('registry.form.descriptionPlaceholder')}
      onChange={onChange}
    />
  );
}

export function ContactFields({
  name,
  phone,
  errors,
  hint,
  onChange,
}: {
  name: string;
  phone: string;
  errors: { contactName?: string | null; contactPhone?: string | null };
  hint?: string;
  onChange: (changes: { contactName?: string; contactPhone?: string }) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <FormField name='contactName' label={t('registry.form.contactName')} required error={errors.contactName} count={{ value: name, limit: CONTACT_NAME_LIMIT }}>
        <Input
          className='leader-input'
          value={name}
          placeholder={t('registry.form.contactNamePlaceholder')}
          onChange={(contactName) => onChange({ contactName })}
        />
      </FormField>
      <FormField name='contactPhone' label={t('registry.form.contactPhone')} required error={errors.contactPhone} hint={hint ?? t('registry.form.contactPrivacy')}>
        <Input
          className='leader-input'
          // Digits keyboard (weapp `number`, H5 `tel`). A landline's area-code dash is optional
          // (010-62345678 = 01062345678), and NutUI's number formatting cuts a value at a dash,
          // so a stored dash is shown without it: editing keeps every digit.
          value={phone.replace(/-/g, '')}
          type='number'
          placeholder={t('registry.form.contactPhonePlaceholder')}
          onChange={(contactPhone) => onChange({ contactPhone })}
        />
      </FormField>
    </>
  );
}

export function TypeField({ value, error, onChange }: { value: GroupType | null; error?: string | null; onChange: (type: GroupType) => void }) {
  const { t } = useI18n();
  return (
    <FormField name='type' label={t('registry.form.type')} required error={error}>
      <ChoiceChips options={GroupTypes.options.map((type) => ({ value: type, label: t(`groupTypes.${type}`) }))} value={value} onChange={onChange} />
    </FormField>
  );
}

/** The three management levels, each with who reviews it, in plain language. */
export function LevelField({
  value,
  error,
  streetOnly,
  onChange,
}: {
  value: ManagementLevel | null;
  error?: string | null;
  /** A street-level hub cannot be community-managed. */
  streetOnly: boolean;
  onChange: (level: ManagementLevel) => void;
}) {
  const { t } = useI18n();
  // Least formal first: most new groups start community-managed.
  const levels = [...ManagementLevels.options].reverse();
  return (
    <FormField name='managementLevel' label={t('registry.form.level')} required error={error}>
      <ChoiceChips
        layout='cards'
        options={levels.map((level) => ({
          value: level,
          label: `${t(`levels.${level}`)}${t('common.separator')}${t('registry.form.reviewedBy', { who: t(`registry.reviewers.${reviewerRoleFor(level)}`) })}`,
          description: t(`registry.levelGuide.${level}`),
          disabled: streetOnly && level === 'community',
        }))}
        value={value}
        onChange={onChange}
      />
    </FormField>
  );
}

export function JoinPolicyField({ value, onChange }: { value: JoinPolicy; onChange: (policy: JoinPolicy) => void }) {
  const { t } = useI18n();
  return (
    <FormField name='joinPolicy' label={t('registry.form.joinPolicy')} required>
      <ChoiceChips
        layout='cards'
        options={JoinPolicies.options.map((policy) => ({ value: policy, label: t(`joinPolicies.${policy}`), description: t(`registry.joinPolicyHints.${policy}`) }))}
        value={value}
        onChange={onChange}
      />
    </FormField>
  );
}

export function NumberField({
  name,
  label,
  hint,
  value,
  max,
  onChange,
}: {
  name: string;
  label: string;
  hint: string;
  value: number;
  max: number;
  onChange: (value: number) => void;
}) {
  return (
    <FormField name={name} label={label} hint={hint}>
      <View className='leader-number'>
        <InputNumber
          className='leader-number__input'
          value={value}
          min={0}
          max={max}
          onChange={(next) => {
            const number = Number(next);
            if (Number.isInteger(number)) onChange(Math.min(max, Math.max(0, number)));
          }}
        />
      </View>
    </FormField>
  );
}

export interface ActivityRules {
  joinPolicy: JoinPolicy;
  noShowLimit: number;
  cancelCutoffHours: number;
}

/** How people join and the activity rules (no-show limit, late-cancellation cutoff). */
export function RulesFields({ values, onChange }: { values: ActivityRules; onChange: (changes: Partial<ActivityRules>) => void }) {
  const { t } = useI18n();
  return (
    <>
      <JoinPolicyField value={values.joinPolicy} onChange={(joinPolicy) => onChange({ joinPolicy })} />
      <NumberField
        name='noShowLimit'
        label={t('registry.form.noShowLimit')}
        hint={t('registry.form.noShowLimitHint')}
        value={values.noShowLimit}
        max={NO_SHOW_MAX}
        onChange={(noShowLimit) => onChange({ noShowLimit })}
      />
      <NumberField
        name='cancelCutoffHours'
        label={t('registry.form.cancelCutoff')}
        hint={t('registry.form.cancelCutoffHint')}
        value={values.cancelCutoffHours}
        max={CUTOFF_MAX}
        onChange={(cancelCutoffHours) => onChange({ cancelCutoffHours })}
      />
    </>
  );
}

/** A section title inside a form card. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='linli-section'>
      <Text className='linli-section__title'>{title}</Text>
      <View className='linli-card leader-form__card'>{children}</View>
    </View>
  );
}

import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Switch } from '@nutui/nutui-react-taro';
import { Location } from '@nutui/icons-react-taro';
import { ActivityCategory } from '../../shared/schemas/activities';
import { Chips, type ChipOption } from '../../components/Chips';
import { DateTimeField } from '../../components/DateField';
import { useI18n } from '../../hooks/useI18n';
import { chinaDay } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { CharCounter, overLimitMessage } from '../../components/CharCounter';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import type { TextLimit } from '../../utils/formLimits';
import { fieldAnchor } from '../../utils/scrollToField';
import { ACTIVITY_LIMITS, checkForm, type ActivityFields, type FieldErrors, type FieldName, type FormValues } from './form';
import { colors } from '../../styles/colors';
import { LongText } from '../../components/LongText';

export interface ActivityFormProps {
  initial: FormValues;
  editing: boolean;
  /** Resolves to field errors the server found (shown beside the fields), or null when saved. */
  onSubmit: (fields: ActivityFields, repeatWeeks: number) => Promise<FieldErrors | null>;
}

const CUTOFFS: ReadonlyArray<number | null> = [null, 0, 2, 12, 24, 48];
const OFFER_WINDOWS: readonly number[] = [2, 6, 12, 24];
/** The fields top to bottom: a refused submit scrolls to the first with a problem. */
const FIELD_ORDER: readonly FieldName[] = [
  'title',
  'category',
  'description',
  'start',
  'end',
  'repeatWeeks',
  'locationName',
  'locationAddress',
  'capacity',
  'window',
  'plannedHours',
  'creditsPerHour',
  'skills',
  'minAge',
];

/** The leader's activity form: what, when, where, how many, sign-up rules, volunteer hours, repeats. */
export function ActivityForm({ initial, editing, onSubmit }: ActivityFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues>(initial);
  const form = useFormErrors<FieldName>(FIELD_ORDER);
  const errors: FieldErrors = form.errors;
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    form.clear(key);
  };
  const setStart = (day: string, clock: string) => {
    setValues((current) => ({
      ...current,
      startDay: day,
      startClock: clock,
      // The end usually stays on the start's day: move it along when the day changes.
      endDay: current.endDay === current.startDay ? day : current.endDay,
    }));
    form.clear('start', 'end');
  };

  const chooseLocation = async () => {
    try {
      const place = await Taro.chooseLocation({});
      setValues((current) => ({
        ...current,
        locationName: place.name || current.locationName,
        locationAddress: place.address || current.locationAddress,
        latitude: place.latitude,
        longitude: place.longitude,
      }));
      form.clear('locationName', 'locationAddress');
    } catch {
      // Closing the map picker changes nothing.
    }
  };

  const submit = async () => {
    const checked = checkForm(values, t, Date.now(), editing);
    // A refused submit scrolls to the first problem; the summary by the button lists them all.
    if (form.refuse(checked.errors) || !checked.fields) {
      Taro.showToast({ title: t('events.form.fixErrors'), icon: 'none' }).catch(() => undefined);
      return;
    }
    setSaving(true);
    try {
      const serverErrors = await onSubmit(checked.fields, checked.repeatWeeks);
      if (serverErrors) form.refuse(serverErrors);
    } finally {
      setSaving(false);
    }
  };

  const categories: Array<ChipOption<ActivityCategory | null>> = ActivityCategory.options.map((value) => ({
    key: value,
    value,
    label: t(`events.categories.${value}`),
  }));
  const cutoffs: Array<ChipOption<number | null>> = CUTOFFS.map((hours) => ({
    key: hours === null ? 'group' : String(hours),
    value: hours,
    label: hours === null ? t('events.form.cutoffGroup') : hours === 0 ? t('events.form.cutoffNone') : t('events.form.cutoffHours', { hours }),
  }));
  const offerWindows: Array<ChipOption<number>> = OFFER_WINDOWS.map((hours) => ({ key: String(hours), value: hours, label: t('events.form.offerHours', { hours }) }));
  const today = chinaDay();
  const labels: Partial<Record<FieldName, string>> = {
    title: t('events.form.title'),
    category: t('events.form.category'),
    description: t('events.form.description'),
    start: t('events.form.start'),
    end: t('events.form.end'),
    repeatWeeks: t('events.form.repeatWeeks'),
    locationName: t('events.form.locationName'),
    locationAddress: t('events.form.locationAddress'),
    capacity: t('events.form.capacity'),
    window: t('events.form.window'),
    plannedHours: t('events.form.plannedHours'),
    creditsPerHour: t('events.form.creditsPerHour'),
    skills: t('events.form.skills'),
    minAge: t('events.form.minAge'),
  };

  return (
    <View className='events-form'>
      <Section title={t('events.form.sectionWhat')}>
        <Field name='title' label={t('events.form.title')} error={errors.title} count={{ value: values.title, limit: ACTIVITY_LIMITS.title }}>
          <Input className='events-form__title' value={values.title} placeholder={t('events.form.titlePlaceholder')} onChange={(v) => set('title', v)} />
        </Field>
        <Field name='category' label={t('events.form.category')} error={errors.category}>
          <Chips className='events-form__categories' options={categories} value={values.category} onChange={(v) => set('category', v)} wrap />
        </Field>
        <Field name='description' label={t('events.form.description')} error={errors.description} count={{ value: values.description, limit: ACTIVITY_LIMITS.description }}>
          <LongText
            className='events-form__description'
            value={values.description}
            placeholder={t('events.form.descriptionPlaceholder')}
            onChange={(v) => set('description', v)}
          />
        </Field>
      </Section>

      <Section title={t('events.form.sectionWhen')}>
        <Field name='start' label={t('events.form.start')} error={errors.start}>
          <DateTimeField className='events-form__start' day={values.startDay} clock={values.startClock} minDay={today} dayLabel={t('events.form.day')} clockLabel={t('events.form.clock')} onChange={setStart} />
        </Field>
        <Field name='end' label={t('events.form.end')} error={errors.end}>
          <DateTimeField
            className='events-form__end'
            day={values.endDay}
            clock={values.endClock}
            minDay={values.startDay}
            dayLabel={t('events.form.day')}
            clockLabel={t('events.form.clock')}
            onChange={(day, clock) => {
              setValues((current) => ({ ...current, endDay: day, endClock: clock }));
              form.clear('end');
            }}
          />
        </Field>
        {editing ? null : (
          <Field name='repeatWeeks' label={t('events.form.repeatWeeks')} hint={t('events.form.repeatHint')} error={errors.repeatWeeks}>
            <Input className='events-form__repeat' type='number' value={values.repeatWeeks} onChange={(v) => set('repeatWeeks', v)} />
          </Field>
        )}
      </Section>

      <Section title={t('events.form.sectionWhere')}>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='events-form__choose-location' fill='outline' type='primary' block icon={<Location size={18} color={colors.primary} />} onClick={() => void chooseLocation()}>
            {values.latitude !== null ? t('events.form.locationChosen') : t('events.form.chooseLocation')}
          </Button>
        ) : null}
        <Field name='locationName' label={t('events.form.locationName')} error={errors.locationName} count={{ value: values.locationName, limit: ACTIVITY_LIMITS.locationName }}>
          <Input className='events-form__location-name' value={values.locationName} placeholder={t('events.form.locationNamePlaceholder')} onChange={(v) => set('locationName', v)} />
        </Field>
        <Field name='locationAddress' label={t('events.form.locationAddress')} error={errors.locationAddress} count={{ value: values.locationAddress, limit: ACTIVITY_LIMITS.locationAddress }}>
          <Input
            className='events-form__location-address'
            value={values.locationAddress}
            placeholder={t('events.form.locationAddressPlaceholder')}
            onChange={(v) => set('locationAddress', v)}
          />
        </Field>
      </Section>

      <Section title={t('events.form.sectionSignup')}>
        <Field name='capacity' label={t('events.form.capacity')} error={errors.capacity}>
          <Input className='events-form__capacity' type='number' value={values.capacity} onChange={(v) => set('capacity', v)} />
        </Field>
        <SwitchRow label={t('events.form.approval')} hint={t('events.form.approvalHint')} checked={values.approvalRequired} className='events-form__approval' onChange={(v) => set('approvalRequired', v)} />
        <SwitchRow label={t('events.form.customWindow')} hint={t('events.form.customWindowHint')} checked={values.customWindow} className='events-form__custom-window' onChange={(v) => set('customWindow', v)} />
        {values.customWindow ? (
          <Field name='window' label={t('events.form.window')} error={errors.window}>
            <DateTimeField
              className='events-form__open'
              day={values.openDay}
              clock={values.openClock}
              minDay={today}
              dayLabel={t('events.form.openDay')}
              clockLabel={t('events.form.clock')}
              onChange={(day, clock) => setValues((current) => ({ ...current, openDay: day, openClock: clock }))}
            />
            <View className='events-form__gap' />
            <DateTimeField
              className='events-form__close'
              day={values.closeDay}
              clock={values.closeClock}
              minDay={today}
              dayLabel={t('events.form.closeDay')}
              clockLabel={t('events.form.clock')}
              onChange={(day, clock) => setValues((current) => ({ ...current, closeDay: day, closeClock: clock }))}
            />
          </Field>
        ) : null}
        <Field name='cutoffHours' label={t('events.form.cutoff')} hint={t('events.form.cutoffHint')}>
          <Chips className='events-form__cutoff' options={cutoffs} value={values.cutoffHours} onChange={(v) => set('cutoffHours', v)} wrap />
        </Field>
        <Field name='offerWindowHours' label={t('events.form.offerWindow')} hint={t('events.form.offerWindowHint')}>
          <Chips className='events-form__offer-window' options={offerWindows} value={values.offerWindowHours} onChange={(v) => set('offerWindowHours', v)} wrap />
        </Field>
      </Section>

      <Section title={t('events.form.sectionVolunteer')}>
        <SwitchRow label={t('events.form.volunteer')} hint={t('events.form.volunteerHint')} checked={values.volunteer} className='events-form__volunteer' onChange={(v) => set('volunteer', v)} />
        {values.volunteer ? (
          <View className='events-form__row'>
            <Field name='plannedHours' label={t('events.form.plannedHours')} error={errors.plannedHours}>
              <Input className='events-form__hours' type='digit' value={values.plannedHours} onChange={(v) => set('plannedHours', v)} />
            </Field>
            <Field name='creditsPerHour' label={t('events.form.creditsPerHour')} error={errors.creditsPerHour}>
              <Input className='events-form__credits' type='number' value={values.creditsPerHour} onChange={(v) => set('creditsPerHour', v)} />
            </Field>
          </View>
        ) : null}
        <Field name='skills' label={t('events.form.skills')} hint={t('events.form.skillsHint')} error={errors.skills}>
          <Input className='events-form__skills' value={values.skills} placeholder={t('events.form.skillsPlaceholder')} onChange={(v) => set('skills', v)} />
        </Field>
        <Field name='minAge' label={t('events.form.minAge')} error={errors.minAge}>
          <Input className='events-form__min-age' type='number' value={values.minAge} placeholder={t('events.form.minAgePlaceholder')} onChange={(v) => set('minAge', v)} />
        </Field>
      </Section>

      <View className='events-form__actions'>
        <SubmitBar
          label={editing ? t('events.form.save') : t('events.form.publish')}
          onSubmit={() => void submit()}
          busy={saving}
          buttonClassName='events-form__submit'
          problems={form.problems}
          labels={labels}
        />
      </View>
    </View>
  );
}

interface SectionProps {
  title: string;
  children: ReactNode;
}

function Section({ title, children }: SectionProps) {
  return (
    <View className='linli-section'>
      <Text className='linli-section__title'>{title}</Text>
      <View className='linli-card events-form__card'>{children}</View>
    </View>
  );
}

interface FieldProps {
  name: FieldName;
  label: string;
  hint?: string;
  error?: string;
  /** A text field's value and its schema limit: a counter by the label, a message when over. */
  count?: { value: string; limit: TextLimit };
  children: ReactNode;
}

/** A labelled field; its error (ours or the server's, or text over its limit) shows right under it. */
function Field({ name, label, hint, error: given, count, children }: FieldProps) {
  const { t } = useI18n();
  const error = given ?? (count ? overLimitMessage(t, count.value, count.limit) : null) ?? undefined;
  return (
    <View className={cx('events-form__field', fieldAnchor(name), error && 'events-form__field--error')} data-field={name}>
      <View className='events-form__label-row'>
        <Text className='events-form__label'>{label}</Text>
        {count ? <CharCounter value={count.value} limit={count.limit} /> : null}
      </View>
      {children}
      {hint && !error ? <Text className='events-form__hint'>{hint}</Text> : null}
      {error ? (
        <View className='events-form__error' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}

interface SwitchRowProps {
  label: string;
  hint: string;
  checked: boolean;
  className: string;
  onChange: (value: boolean) => void;
}

function SwitchRow({ label, hint, checked, className, onChange }: SwitchRowProps) {
  return (
    <View className={cx('events-form__switch-row', className)}>
      <View className='events-form__switch-text'>
        <Text className='events-form__label'>{label}</Text>
        <Text className='events-form__hint'>{hint}</Text>
      </View>
      <Switch checked={checked} onChange={onChange} ariaLabel={label} />
    </View>
  );
}

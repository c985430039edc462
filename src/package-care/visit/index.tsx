import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { CareLogVisitInput } from '../../shared/schemas/care';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { LongTextField } from '../../components/LongText';
import { SubmitBar } from '../../components/SubmitBar';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage } from '../../hooks/useAsync';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useI18n } from '../../hooks/useI18n';
import { chinaDay } from '../../utils/chinaTime';
import { textLimit } from '../../utils/formLimits';
import { schemaFieldErrors } from '../../utils/schemaErrors';
import { PhotoPick, uploadedOnce, type PickedPhoto } from '../../components/PhotoPick';
import { daysUntil } from '../components/dueText';
import '../components/care.scss';
import './index.scss';

type Field = 'date' | 'minutes' | 'notes';
const FIELD_ORDER: readonly Field[] = ['date', 'minutes', 'notes'];
const FIELD_OF: Record<string, Field> = { visitDate: 'date', minutes: 'minutes', notes: 'notes' };
const PROBLEM: Record<Field, MessageKey> = { date: 'care.visit.problems.date', minutes: 'care.visit.problems.minutes', notes: 'care.visit.problems.notes' };
const NOTES_LIMIT = textLimit(CareLogVisitInput.shape.notes);
/** How far back a visit may be logged (the server's rule; the form says it before sending). */
const WINDOW_DAYS = 30;

/**
 * Logging a visit: the day, how long, how it went, and an optional photo. services/cloud.ts
 * resends a failed call with the same request id, and the server derives the visit from it, so a
 * retried send logs the visit once; the busy bar keeps a second tap from sending another.
 */
export default function CareVisitPage() {
  const { t } = useI18n();
  useAccount();
  const recipientId = useRouter().params.id ?? '';
  const today = chinaDay();
  const [date, setDate] = useState(today);
  const [minutes, setMinutes] = useState('');
  const [notes, setNotes] = useState('');
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useFormErrors<Field>(FIELD_ORDER);

  const submit = async () => {
    setGeneral(null);
    const input = { recipientId, visitDate: date, minutes: Number(minutes || 'NaN'), notes };
    const found = schemaFieldErrors(CareLogVisitInput, input, (path) => FIELD_OF[path] ?? null, (_issue, field) => t(PROBLEM[field]));
    const age = -daysUntil(today, date);
    if (!found.date && (age < 0 || age > WINDOW_DAYS)) found.date = t(PROBLEM.date);
    if (form.refuse(found)) return;
    setBusy(true);
    try {
      const fileId = photo ? await uploadedOnce(photo, 'evidence', setPhoto) : null;
      await call('care.logVisit', { ...input, notes: notes.trim(), ...(fileId ? { photo: fileId } : {}) });
      Taro.showToast({ title: t('care.visit.sent'), icon: 'success' }).catch(() => undefined);
      await Taro.navigateBack().catch(() => undefined);
    } catch (error) {
      setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageRoot titleKey='care.titles.visit' className='care-page care-visit'>
      <Text className='care-intro'>{t('care.visit.intro')}</Text>
      <View className='linli-section'>
        <View className='linli-card care-card'>
          <FormField name='date' label={t('care.visit.date')} required error={form.errors.date}>
            <DateField value={date} max={today} label={t('care.visit.date')} onChange={(v) => (setDate(v), form.clear('date'))} />
          </FormField>
          <FormField name='minutes' label={t('care.visit.minutes')} required error={form.errors.minutes}>
            <Input type='number' value={minutes} aria-label={t('care.visit.minutes')} onChange={(v) => (setMinutes(v), form.clear('minutes'))} />
          </FormField>
          <LongTextField
            name='notes'
            label={t('care.visit.notes')}
            required
            error={form.errors.notes}
            value={notes}
            limit={NOTES_LIMIT}
            placeholder={t('care.visit.notesPlaceholder')}
            onChange={(v) => (setNotes(v), form.clear('notes'))}
          />
          <FormField name='photo' label={t('care.visit.photo')} hint={t('care.visit.photoHint')}>
            <PhotoPick value={photo} onChange={setPhoto} disabled={busy} />
          </FormField>
        </View>
      </View>
      <View className='care-bar'>
        <SubmitBar
          label={t('care.visit.submit')}
          onSubmit={() => void submit()}
          busy={busy}
          buttonClassName='care-visit__submit'
          problems={form.problems}
          labels={{ date: t('care.visit.date'), minutes: t('care.visit.minutes'), notes: t('care.visit.notes') }}
          general={general}
        />
      </View>
    </PageRoot>
  );
}

import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Dialog, Input, TextArea } from '@nutui/nutui-react-taro';
import { HoursCorrectionInput, type HourRecordView } from '../../shared/schemas/volunteers';
import { call } from '../../services/cloud';
import { FormField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { hoursOf, wholeNumber } from '../components/format';

type Field = 'duration' | 'reason';
const REASON_LIMIT = textLimit(HoursCorrectionInput.shape.reason);

export interface CorrectionDialogProps {
  /** The record to correct; null keeps the dialog closed. */
  record: HourRecordView | null;
  onClose: () => void;
  onSent: (recordId: string) => void;
}

/**
 * Asks for the right duration (hours + minutes, like the self-report) and a reason; the
 * organiser checks it and a correcting record is added — the original is never edited.
 */
export function CorrectionDialog({ record, onClose, onSent }: CorrectionDialogProps) {
  const { t } = useI18n();
  const [hours, setHours] = useState('');
  const [minutes, setMinutes] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const form = useFormErrors<Field>(['duration', 'reason']);
  const { clear } = form;

  useEffect(() => {
    if (!record) return;
    setHours(String(Math.floor(record.minutes / 60)));
    setMinutes(String(record.minutes % 60));
    setReason('');
    setError(null);
    clear('duration', 'reason');
  }, [record, clear]);

  const confirm = async () => {
    if (!record) return;
    const h = wholeNumber(hours || '0');
    const m = wholeNumber(minutes || '0');
    const total = h !== null && m !== null && m < 60 && h >= 0 && m >= 0 ? h * 60 + m : null;
    setError(null);
    // HoursCorrectionInput judges; the form only picks the words.
    const input = { recordId: record.id, minutes: total ?? Number.NaN, reason };
    const found = schemaFieldErrors(HoursCorrectionInput, input, (path) => (path === 'minutes' ? 'duration' : path === 'reason' ? 'reason' : null), (issue, field) =>
      field === 'duration'
        ? t('volunteer.hours.correctionInvalid')
        : issue.code === 'too_big'
          ? issueMessage(t, issue, input)
          : t('volunteer.hours.correctionReasonShort', { min: REASON_LIMIT.min }),
    );
    if (form.refuse(found) || total === null) {
      // Rejecting keeps NutUI's Dialog open with what was typed.
      throw new Error(Object.values(found)[0] ?? '');
    }
    try {
      await call('hours.requestCorrection', { recordId: record.id, minutes: total, reason: reason.trim() });
    } catch (caught) {
      setError(errorMessage(caught));
      throw caught;
    }
    onSent(record.id);
    onClose();
    Taro.showToast({ title: t('volunteer.hours.correctionSent'), icon: 'none' }).catch(() => undefined);
  };

  return (
    <Dialog
      className='hours__correction-dialog'
      visible={record !== null}
      title={t('volunteer.hours.correctionTitle')}
      confirmText={t('volunteer.common.submit')}
      cancelText={t('common.cancel')}
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='volunteer-dialog-body'>
        <Text className='volunteer-dialog-label'>{t('volunteer.hours.correctionMessage', { hours: record ? hoursOf(record.minutes) : '' })}</Text>
        <FormField name='duration' label={t('volunteer.hours.correctionHours')} error={form.errors.duration}>
          <View className='volunteer-row-inputs'>
            <View data-field='hours'>
              <Input type='number' value={hours} aria-label={t('volunteer.report.hours')} onChange={(v) => (setHours(v), form.clear('duration'))} />
            </View>
            <View data-field='minutes'>
              <Input type='number' value={minutes} aria-label={t('volunteer.hours.correctionMinutes')} onChange={(v) => (setMinutes(v), form.clear('duration'))} />
            </View>
          </View>
        </FormField>
        <FormField name='reason' label={t('volunteer.hours.correctionReason')} error={form.errors.reason} count={{ value: reason, limit: REASON_LIMIT }}>
          {/* -1: never cut (NutUI's default is 140); the counter by the label shows the limit. */}
          <TextArea value={reason} maxLength={-1} autoSize placeholder={t('volunteer.hours.correctionReason')} onChange={(v) => (setReason(v), form.clear('reason'))} />
        </FormField>
        <FormErrorSummary problems={form.problems} labels={{ duration: t('volunteer.hours.correctionHours'), reason: t('volunteer.hours.correctionReason') }} general={error} />
      </View>
    </Dialog>
  );
}

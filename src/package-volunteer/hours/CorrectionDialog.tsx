import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Dialog, Input } from '@nutui/nutui-react-taro';
import { HoursCorrectionInput, type HourRecordView } from '../../shared/schemas/volunteers';
import { call } from '../../services/cloud';
import { FormField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useDialogForm } from '../../hooks/useDialogForm';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { useI18n } from '../../hooks/useI18n';
import { hoursOf, wholeNumber } from '../components/format';
import { LongTextField } from '../../components/LongText';

type Field = 'duration' | 'reason';
interface CorrectionValues {
  hours: string;
  minutes: string;
  reason: string;
}
const REASON_LIMIT = textLimit(HoursCorrectionInput.shape.reason);

/** The typed hours and minutes as minutes, or null when they are not a duration. */
function totalMinutes({ hours, minutes }: CorrectionValues): number | null {
  const h = wholeNumber(hours || '0');
  const m = wholeNumber(minutes || '0');
  return h !== null && m !== null && m < 60 && h >= 0 && m >= 0 ? h * 60 + m : null;
}

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
  const form = useDialogForm<CorrectionValues, Field>({
    subject: record,
    initial: () => ({ hours: record ? String(Math.floor(record.minutes / 60)) : '', minutes: record ? String(record.minutes % 60) : '', reason: '' }),
    order: ['duration', 'reason'],
    check: (values) => {
      // HoursCorrectionInput judges; the form only picks the words.
      const input = { recordId: record?.id ?? '', minutes: totalMinutes(values) ?? Number.NaN, reason: values.reason };
      return schemaFieldErrors(HoursCorrectionInput, input, (path) => (path === 'minutes' ? 'duration' : path === 'reason' ? 'reason' : null), (issue, field) =>
        field === 'duration'
          ? t('volunteer.hours.correctionInvalid')
          : issue.code === 'too_big'
            ? issueMessage(t, issue, input)
            : t('volunteer.hours.correctionReasonShort', { min: REASON_LIMIT.min }),
      );
    },
    send: async (values) => {
      const total = totalMinutes(values);
      if (!record || total === null) return;
      await call('hours.requestCorrection', { recordId: record.id, minutes: total, reason: values.reason.trim() });
      onSent(record.id);
      onClose();
      Taro.showToast({ title: t('volunteer.hours.correctionSent'), icon: 'none' }).catch(() => undefined);
    },
  });
  const { hours, minutes, reason } = form.values;

  return (
    <Dialog
      className='hours__correction-dialog'
      visible={record !== null}
      title={t('volunteer.hours.correctionTitle')}
      confirmText={t('volunteer.common.submit')}
      cancelText={t('common.cancel')}
      onConfirm={form.confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='volunteer-dialog-body'>
        <Text className='volunteer-dialog-label'>{t('volunteer.hours.correctionMessage', { hours: record ? hoursOf(record.minutes) : '' })}</Text>
        <FormField name='duration' label={t('volunteer.hours.correctionHours')} error={form.errors.duration}>
          <View className='volunteer-row-inputs'>
            <View data-field='hours'>
              <Input type='number' value={hours} aria-label={t('volunteer.report.hours')} onChange={(v) => form.update({ hours: v }, 'duration')} />
            </View>
            <View data-field='minutes'>
              <Input type='number' value={minutes} aria-label={t('volunteer.hours.correctionMinutes')} onChange={(v) => form.update({ minutes: v }, 'duration')} />
            </View>
          </View>
        </FormField>
        <LongTextField name='reason' label={t('volunteer.hours.correctionReason')} error={form.errors.reason} value={reason} limit={REASON_LIMIT} placeholder={t('volunteer.hours.correctionReason')} onChange={(v) => form.update({ reason: v }, 'reason')} />
        <FormErrorSummary problems={form.problems} labels={{ duration: t('volunteer.hours.correctionHours'), reason: t('volunteer.hours.correctionReason') }} general={form.general} />
      </View>
    </Dialog>
  );
}

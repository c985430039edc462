import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Dialog, Input, TextArea } from '@nutui/nutui-react-taro';
import type { HourRecordView } from '../../shared/schemas/volunteer';
import { call } from '../../services/cloud';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { hoursOf, wholeNumber } from '../components/format';

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

  useEffect(() => {
    if (!record) return;
    setHours(String(Math.floor(record.minutes / 60)));
    setMinutes(String(record.minutes % 60));
    setReason('');
    setError(null);
  }, [record]);

  const confirm = async () => {
    if (!record) return;
    const h = wholeNumber(hours || '0');
    const m = wholeNumber(minutes || '0');
    const total = h !== null && m !== null && m < 60 && h >= 0 && m >= 0 ? h * 60 + m : null;
    const problem =
      total === null || total > 1440 ? t('volunteer.hours.correctionInvalid') : reason.trim().length < 5 ? t('volunteer.hours.correctionReasonShort') : null;
    if (problem || total === null) {
      setError(problem);
      // Rejecting keeps NutUI's Dialog open with what was typed.
      throw new Error(problem ?? '');
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
        <Text className='volunteer-dialog-label'>{t('volunteer.hours.correctionHours')}</Text>
        <View className='volunteer-row-inputs'>
          <View data-field='hours'>
            <Input type='number' value={hours} maxLength={2} aria-label={t('volunteer.report.hours')} onChange={setHours} />
          </View>
          <View data-field='minutes'>
            <Input type='number' value={minutes} maxLength={2} aria-label={t('volunteer.hours.correctionMinutes')} onChange={setMinutes} />
          </View>
        </View>
        <View data-field='reason'>
          <TextArea value={reason} maxLength={200} autoSize placeholder={t('volunteer.hours.correctionReason')} onChange={setReason} />
        </View>
        {error ? (
          <View className='volunteer-item__line volunteer-item__line--danger' role='alert'>
            {error}
          </View>
        ) : null}
      </View>
    </Dialog>
  );
}

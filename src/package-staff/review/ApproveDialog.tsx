import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Dialog, Input, TextArea } from '@nutui/nutui-react-taro';
import { GroupsReviewInput, type ApplicationView } from '../../shared/schemas/groups';
import { FormField } from '../../components/FormField';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { measuredLength, textLimit } from '../../utils/formLimits';
import { overLimitMessage } from '../../components/CharCounter';

/** The contract's rules for the number and the note (GroupsReviewInput). */
const NUMBER_LIMIT = textLimit(GroupsReviewInput.shape.number.unwrap());
const NOTE_LIMIT = textLimit(GroupsReviewInput.shape.reason.unwrap());

export interface ApproveDialogProps {
  application: ApplicationView | null;
  /** Rejecting keeps the dialog open with the error shown. */
  onConfirm: (number: string | undefined, note: string | undefined) => Promise<void>;
  onClose: () => void;
}

/**
 * Approving an application. Filed groups need their filing number and registered groups their
 * registration number (the server refuses without); community-managed groups need neither.
 */
export function ApproveDialog({ application, onConfirm, onClose }: ApproveDialogProps) {
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const [note, setNote] = useState('');
  const [numberError, setNumberError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const level = application?.managementLevel ?? 'community';
  const numberLabel = level === 'registered' ? t('registry.review.numberRegistered') : t('registry.review.numberFiled');

  useEffect(() => {
    setNumber('');
    setNote('');
    setNumberError(null);
    setError(null);
  }, [application]);

  const confirm = async () => {
    const typed = number.trim();
    const remark = note.trim();
    let problem: string | null = null;
    if (level !== 'community' && measuredLength(typed) < NUMBER_LIMIT.min) problem = t('registry.review.numberRequired', { field: numberLabel });
    else problem = overLimitMessage(t, typed, NUMBER_LIMIT);
    setNumberError(problem);
    const noteProblem =
      overLimitMessage(t, remark, NOTE_LIMIT) ?? (remark.length > 0 && measuredLength(remark) < NOTE_LIMIT.min ? t('registry.common.reasonRequired', { min: NOTE_LIMIT.min }) : null);
    setError(noteProblem);
    if (problem || noteProblem) throw new Error(problem ?? noteProblem ?? '');
    try {
      await onConfirm(level === 'community' ? undefined : typed, remark || undefined);
    } catch (caught) {
      setError(errorMessage(caught));
      throw caught;
    }
  };

  return (
    <Dialog
      className='linli-reason review__approve-dialog'
      visible={application !== null}
      title={application ? t('registry.review.approveTitle', { name: application.group.name }) : ''}
      confirmText={t('registry.common.approve')}
      cancelText={t('common.cancel')}
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='linli-reason__body'>
        <Text className='linli-reason__message'>{t('registry.review.approveMessage')}</Text>
        {level !== 'community' ? (
          <FormField name='number' label={numberLabel} required error={numberError} className='review__number' count={{ value: number, limit: NUMBER_LIMIT }}>
            <Input value={number} placeholder={t('registry.review.numberPlaceholder')} onChange={(value) => setNumber(value)} />
          </FormField>
        ) : null}
        <FormField name='note' label={t('registry.review.note')} className='review__note' count={{ value: note, limit: NOTE_LIMIT }}>
          {/* -1: never cut (NutUI's default is 140); the counter by the label shows the limit. */}
          <TextArea value={note} maxLength={-1} autoSize placeholder={t('registry.review.notePlaceholder')} onChange={(value) => setNote(value)} />
        </FormField>
        {error ? (
          <View className='linli-reason__error' role='alert'>
            {error}
          </View>
        ) : null}
      </View>
    </Dialog>
  );
}

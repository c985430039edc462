import { Text, View } from '@tarojs/components';
import { Dialog, Input } from '@nutui/nutui-react-taro';
import { GroupsReviewInput, type ApplicationView } from '../../shared/schemas/groupAdmin';
import { FormField } from '../../components/FormField';
import { useDialogForm } from '../../hooks/useDialogForm';
import { useI18n } from '../../hooks/useI18n';
import { measuredLength, textLimit } from '../../utils/formLimits';
import { overLimitMessage } from '../../components/CharCounter';
import { LongTextField } from '../../components/LongText';

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
  const level = application?.managementLevel ?? 'community';
  const numberLabel = level === 'registered' ? t('registry.review.numberRegistered') : t('registry.review.numberFiled');
  const form = useDialogForm<{ number: string; note: string }, 'number' | 'note'>({
    subject: application,
    initial: () => ({ number: '', note: '' }),
    order: ['number', 'note'],
    check: ({ number, note }) => {
      const typed = number.trim();
      const remark = note.trim();
      const numberProblem = level !== 'community' && measuredLength(typed) < NUMBER_LIMIT.min ? t('registry.review.numberRequired', { field: numberLabel }) : overLimitMessage(t, typed, NUMBER_LIMIT);
      const noteProblem =
        overLimitMessage(t, remark, NOTE_LIMIT) ?? (remark.length > 0 && measuredLength(remark) < NOTE_LIMIT.min ? t('registry.common.reasonRequired', { min: NOTE_LIMIT.min }) : null);
      return { ...(numberProblem ? { number: numberProblem } : {}), ...(noteProblem ? { note: noteProblem } : {}) };
    },
    send: ({ number, note }) => onConfirm(level === 'community' ? undefined : number.trim(), note.trim() || undefined),
  });
  const { number, note } = form.values;
  const error = form.errors.note ?? form.general;

  return (
    <Dialog
      className='linli-reason review__approve-dialog'
      visible={application !== null}
      title={application ? t('registry.review.approveTitle', { name: application.group.name }) : ''}
      confirmText={t('registry.common.approve')}
      cancelText={t('common.cancel')}
      onConfirm={form.confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='linli-reason__body'>
        <Text className='linli-reason__message'>{t('registry.review.approveMessage')}</Text>
        {level !== 'community' ? (
          <FormField name='number' label={numberLabel} required error={form.errors.number} className='review__number' count={{ value: number, limit: NUMBER_LIMIT }}>
            <Input value={number} placeholder={t('registry.review.numberPlaceholder')} onChange={(value) => form.update({ number: value }, 'number')} />
          </FormField>
        ) : null}
        <LongTextField name='note' label={t('registry.review.note')} className='review__note' value={note} limit={NOTE_LIMIT} placeholder={t('registry.review.notePlaceholder')} onChange={(value) => form.update({ note: value }, 'note')} />
        {error ? (
          <View className='linli-reason__error' role='alert'>
            {error}
          </View>
        ) : null}
      </View>
    </Dialog>
  );
}

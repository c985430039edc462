import { Text, View } from '@tarojs/components';
import { Dialog, Input } from '@nutui/nutui-react-taro';
import { GroupsReviewInput, type ApplicationView } from '../../shared/schemas/groups';
import { FormField } from '../../components/FormField';
import { useDialogForm } from '../../hooks/useDialogForm';
import { useI18n } from '../../hooks/useI18n';
import { textLimit } from '../../utils/formLimits';
import { textProblem } from '../../utils/schemaErrors';
import { LongTextField } from '../../components/LongText';

/** The contract's rules for the number and the note (GroupsReviewInput). */
const NUMBER_SCHEMA = GroupsReviewInput.shape.number.unwrap();
const NOTE_SCHEMA = GroupsReviewInput.shape.reason.unwrap();
const NUMBER_LIMIT = textLimit(NUMBER_SCHEMA);
const NOTE_LIMIT = textLimit(NOTE_SCHEMA);

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
      // GroupsReviewInput's own fields judge; a community-managed group has no number, and the note may stay empty.
      const numberProblem = level === 'community' ? null : textProblem(t, NUMBER_SCHEMA, number, () => t('registry.review.numberRequired', { field: numberLabel }));
      const noteProblem = note.trim() === '' ? null : textProblem(t, NOTE_SCHEMA, note, (min) => t('registry.common.reasonRequired', { min }));
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

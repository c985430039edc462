import { Text, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { ModerationAppealInput } from '../../shared/schemas/moderation';
import { overLimitMessage } from '../../components/CharCounter';
import { useDialogForm } from '../../hooks/useDialogForm';
import { useI18n } from '../../hooks/useI18n';
import { textLimit } from '../../utils/formLimits';
import { textProblem } from '../../utils/schemaErrors';
import { LongText } from '../../components/LongText';

/** The contract's appeal rule (ModerationAppealInput.text). */
const APPEAL_LIMIT = textLimit(ModerationAppealInput.shape.text);

export interface AppealDialogProps {
  /** The title of the item appealed about; null = closed. */
  title: string | null;
  /** Sends the appeal; a rejection keeps the dialog open with the error and the typed text. */
  onConfirm: (text: string) => Promise<void>;
  onClose: () => void;
}

/** Writing the one appeal a decision allows. */
export function AppealDialog({ title, onConfirm, onClose }: AppealDialogProps) {
  const { t } = useI18n();
  const form = useDialogForm<{ text: string }, 'text'>({
    subject: title,
    initial: () => ({ text: '' }),
    order: ['text'],
    check: ({ text }) => {
      const problem = textProblem(t, ModerationAppealInput.shape.text, text, (min) => t('moderation.notices.appealTooShort', { min }));
      return problem ? { text: problem } : {};
    },
    send: ({ text }) => onConfirm(text.trim()),
  });
  const { text } = form.values;
  const shown = form.errors.text ?? form.general ?? overLimitMessage(t, text, APPEAL_LIMIT);

  return (
    <Dialog
      className='linli-reason notices__appeal-dialog'
      visible={title !== null}
      title={title ? t('moderation.notices.appealTitle', { title }) : ''}
      confirmText={t('moderation.notices.appeal')}
      cancelText={t('common.cancel')}
      onConfirm={form.confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='linli-reason__body'>
        <Text className='linli-reason__message'>{t('moderation.notices.appealMessage')}</Text>
        <LongText
          className='linli-reason__input'
          value={text}
          placeholder={t('moderation.notices.appealPlaceholder')}
          invalid={Boolean(form.errors.text ?? form.general)}
          onChange={(value) => form.update({ text: value }, 'text')}
          counter={{ limit: APPEAL_LIMIT, className: 'linli-reason__counter' }}
        />
        {shown ? (
          <View className='linli-reason__error' role='alert'>
            {shown}
          </View>
        ) : null}
      </View>
    </Dialog>
  );
}

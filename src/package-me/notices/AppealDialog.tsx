import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { ModerationAppealInput } from '../../shared/schemas/moderation';
import { overLimitMessage } from '../../components/CharCounter';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { measuredLength, textLimit } from '../../utils/formLimits';
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
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setText('');
    setError(null);
  }, [title]);

  const confirm = async () => {
    const typed = text.trim();
    const problem = measuredLength(typed) < APPEAL_LIMIT.min ? t('moderation.notices.appealTooShort', { min: APPEAL_LIMIT.min }) : overLimitMessage(t, typed, APPEAL_LIMIT);
    setError(problem);
    // Rejecting keeps NutUI's Dialog open.
    if (problem) throw new Error(problem);
    try {
      await onConfirm(typed);
    } catch (caught) {
      setError(errorMessage(caught));
      throw caught;
    }
  };

  return (
    <Dialog
      className='linli-reason notices__appeal-dialog'
      visible={title !== null}
      title={title ? t('moderation.notices.appealTitle', { title }) : ''}
      confirmText={t('moderation.notices.appeal')}
      cancelText={t('common.cancel')}
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='linli-reason__body'>
        <Text className='linli-reason__message'>{t('moderation.notices.appealMessage')}</Text>
        <LongText
          className='linli-reason__input'
          value={text}
          placeholder={t('moderation.notices.appealPlaceholder')}
          invalid={Boolean(error)}
          onChange={(value) => {
            setText(value);
            setError(null);
          }}
          counter={{ limit: APPEAL_LIMIT, className: 'linli-reason__counter' }}
        />
        {error || overLimitMessage(t, text, APPEAL_LIMIT) ? (
          <View className='linli-reason__error' role='alert'>
            {error ?? overLimitMessage(t, text, APPEAL_LIMIT)}
          </View>
        ) : null}
      </View>
    </Dialog>
  );
}

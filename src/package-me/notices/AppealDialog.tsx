import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';

/** The contract's appeal rule (text(5, 500)). */
const APPEAL_MIN = 5;
const APPEAL_MAX = 500;

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
    const problem = typed.length < APPEAL_MIN ? t('moderation.notices.appealTooShort') : typed.length > APPEAL_MAX ? t('moderation.notices.appealTooLong') : null;
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
        <TextArea
          className='linli-reason__input'
          value={text}
          maxLength={APPEAL_MAX}
          showCount
          autoSize
          placeholder={t('moderation.notices.appealPlaceholder')}
          status={error ? 'error' : 'default'}
          onChange={(value) => setText(value)}
        />
        {error ? (
          <View className='linli-reason__error' role='alert'>
            {error}
          </View>
        ) : null}
      </View>
    </Dialog>
  );
}

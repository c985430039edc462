import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Checkbox, Dialog, TextArea } from '@nutui/nutui-react-taro';
import { GroupsDissolveInput } from '../../shared/schemas/groups';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { measuredLength, textLimit, type TextLimit } from '../../utils/formLimits';
import { CharCounter, overLimitMessage } from '../CharCounter';
import './index.scss';

/**
 * The contract's usual rule for a reason someone will read (text(2, 200), e.g. dissolving a
 * group): what the server would refuse, said first. Read from the schema, not written here.
 */
export const REASON_LIMIT: TextLimit = textLimit(GroupsDissolveInput.shape.reason);
export const REASON_MIN = REASON_LIMIT.min;
export const REASON_MAX = REASON_LIMIT.max;

export interface ReasonDialogProps {
  visible: boolean;
  title: string;
  message?: string;
  /** A required reason must be 2–200 characters; an optional one may stay empty. */
  required?: boolean;
  placeholder?: string;
  confirmText?: string;
  /** A yes/no choice under the reason (e.g. "also ban"). */
  optionLabel?: string;
  /**
   * The action's own rule (its input schema), answering a message or null; replaces the
   * built-in length check so a form that has a schema does not keep a second copy of it.
   */
  validate?: (reason: string) => string | null;
  /** The reason's limit for the counter, when the action's schema differs from REASON_LIMIT. */
  limit?: TextLimit;
  /** Runs the action; a rejection keeps the dialog open with the error in it. */
  onConfirm: (reason: string | undefined, option: boolean) => Promise<void>;
  onClose: () => void;
}

/**
 * A decision that needs a reason the other person will read (reject, remove, dissolve). The
 * reason is checked here with the server's rules, and a failed action is shown in the dialog
 * instead of closing it, so what was typed is not lost.
 */
export function ReasonDialog({ visible, title, message, required = true, placeholder, confirmText, optionLabel, validate, limit = REASON_LIMIT, onConfirm, onClose }: ReasonDialogProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [option, setOption] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!visible) return;
    setReason('');
    setOption(false);
    setError(null);
  }, [visible]);

  const confirm = async () => {
    const text = reason.trim();
    const problem = validate
      ? validate(reason)
      : measuredLength(text) > limit.max
        ? overLimitMessage(t, text, limit)
        : (required || text.length > 0) && measuredLength(text) < limit.min
          ? t('registry.common.reasonRequired', { min: limit.min })
          : null;
    if (problem) {
      setError(problem);
      // Rejecting keeps NutUI's Dialog open.
      throw new Error(problem);
    }
    setError(null);
    try {
      await onConfirm(text || undefined, option);
    } catch (caught) {
      setError(errorMessage(caught));
      throw caught;
    }
  };

  return (
    <Dialog
      className='linli-reason'
      visible={visible}
      title={title}
      confirmText={confirmText ?? t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='linli-reason__body'>
        {message ? <Text className='linli-reason__message'>{message}</Text> : null}
        <TextArea
          className='linli-reason__input'
          value={reason}
          // -1: never cut (NutUI's default is 140); the counter below shows the limit.
          maxLength={-1}
          autoSize
          placeholder={placeholder ?? t('registry.common.reasonPlaceholder')}
          status={error ? 'error' : 'default'}
          onChange={(value) => {
            setReason(value);
            setError(null);
          }}
        />
        <CharCounter className='linli-reason__counter' value={reason} limit={limit} />
        {optionLabel ? (
          <Checkbox className='linli-reason__option' checked={option} label={optionLabel} onChange={(checked) => setOption(checked)} />
        ) : null}
        {error || overLimitMessage(t, reason, limit) ? (
          <View className='linli-reason__error' role='alert'>
            {error ?? overLimitMessage(t, reason, limit)}
          </View>
        ) : null}
      </View>
    </Dialog>
  );
}

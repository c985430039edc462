import { Text, View } from '@tarojs/components';
import { Checkbox, Dialog } from '@nutui/nutui-react-taro';
import { GroupsDissolveInput } from '../../shared/schemas/groups';
import { useDialogForm } from '../../hooks/useDialogForm';
import { useI18n } from '../../hooks/useI18n';
import { textLimit, type TextLimit } from '../../utils/formLimits';
import { textProblem } from '../../utils/schemaErrors';
import type { ZodString } from '../../shared/zod';
import { overLimitMessage } from '../CharCounter';
import { LongText } from '../LongText';
import './index.scss';

/**
 * The contract's usual rule for a reason someone will read (text(2, 200), e.g. dissolving a
 * group): what the server would refuse, said first. The schema itself judges; nothing is restated.
 */
const REASON_SCHEMA: ZodString = GroupsDissolveInput.shape.reason;
export const REASON_LIMIT: TextLimit = textLimit(REASON_SCHEMA);

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
  /** The action's reason schema, when it differs from the usual one: it judges, and its limit is counted. */
  schema?: ZodString;
  /** Runs the action; a rejection keeps the dialog open with the error in it. */
  onConfirm: (reason: string | undefined, option: boolean) => Promise<void>;
  onClose: () => void;
}

/**
 * A decision that needs a reason the other person will read (reject, remove, dissolve). The
 * reason is checked here with the server's rules, and a failed action is shown in the dialog
 * instead of closing it, so what was typed is not lost.
 */
export function ReasonDialog({ visible, title, message, required = true, placeholder, confirmText, optionLabel, validate, schema = REASON_SCHEMA, onConfirm, onClose }: ReasonDialogProps) {
  const { t } = useI18n();
  const limit = textLimit(schema);
  const form = useDialogForm<{ reason: string; option: boolean }, 'reason'>({
    subject: visible,
    initial: () => ({ reason: '', option: false }),
    order: ['reason'],
    check: ({ reason }) => {
      const problem = validate
        ? validate(reason)
        : // An optional reason may stay empty; otherwise the schema judges.
          !required && reason.trim() === ''
          ? null
          : textProblem(t, schema, reason, (min) => t('registry.common.reasonRequired', { min }));
      return problem ? { reason: problem } : {};
    },
    send: ({ reason, option }) => onConfirm(reason.trim() || undefined, option),
  });
  const { reason, option } = form.values;
  const shown = form.errors.reason ?? form.general ?? overLimitMessage(t, reason, limit);

  return (
    <Dialog
      className='linli-reason'
      visible={visible}
      title={title}
      confirmText={confirmText ?? t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={form.confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className='linli-reason__body'>
        {message ? <Text className='linli-reason__message'>{message}</Text> : null}
        <LongText
          className='linli-reason__input'
          value={reason}
          placeholder={placeholder ?? t('registry.common.reasonPlaceholder')}
          invalid={Boolean(form.errors.reason ?? form.general)}
          onChange={(value) => form.update({ reason: value }, 'reason')}
          counter={{ limit: limit, className: 'linli-reason__counter' }}
        />
        {optionLabel ? (
          <Checkbox className='linli-reason__option' checked={option} label={optionLabel} onChange={(checked) => form.update({ option: checked })} />
        ) : null}
        {shown ? (
          <View className='linli-reason__error' role='alert'>
            {shown}
          </View>
        ) : null}
      </View>
    </Dialog>
  );
}

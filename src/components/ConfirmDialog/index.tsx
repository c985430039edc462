import { Text } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { useI18n } from '../../hooks/useI18n';
import './index.scss';

export interface ConfirmDialogProps {
  visible: boolean;
  title: string;
  message: string;
  confirmText?: string;
  /**
   * The dismiss button's words. Give it whenever the confirm action is itself a cancellation
   * (a sign-up, an activity, an order): "Cancel" beside "Cancel sign-up" reads as two ways to
   * cancel, so the dismiss says what stays ("Keep my place"). Defaults to common.cancel.
   */
  cancelText?: string;
  /** Runs while the confirm button shows a spinner; the dialog closes when it settles. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** An extra class, so a page's dialogs can be told apart. */
  className?: string;
}

/** A yes/no question before an action that changes something (join, leave, sign out). */
export function ConfirmDialog({ visible, title, message, confirmText, cancelText, onConfirm, onClose, className }: ConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog
      className={className ? `linli-confirm ${className}` : 'linli-confirm'}
      visible={visible}
      title={title}
      confirmText={confirmText ?? t('common.confirm')}
      cancelText={cancelText ?? t('common.cancel')}
      onConfirm={onConfirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <Text className='linli-confirm__message'>{message}</Text>
    </Dialog>
  );
}

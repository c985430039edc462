import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FormErrorSummary } from '../FormErrorSummary';
import { cx } from '../../utils/cx';
import './index.scss';

export interface SubmitBarProps<F extends string> {
  /** The submit button's words. */
  label: string;
  onSubmit: () => void;
  /** While the form is being sent: the button spins and takes no second tap. */
  busy?: boolean;
  /** Nothing to send yet (e.g. nobody chosen). */
  disabled?: boolean;
  /** 'danger' for a step that cannot be undone (cancelling an activity). */
  tone?: 'primary' | 'danger';
  /** The form's problems (`useFormErrors().problems`), listed above the button. */
  problems: ReadonlyArray<readonly [F, string]>;
  labels?: Partial<Record<F, string>>;
  /** A problem of the whole form (a refused request). */
  general?: string | null;
  summaryClassName?: string;
  buttonClassName?: string;
  className?: string;
  /** Further buttons under the submit (cancel, back). */
  children?: ReactNode;
}

/**
 * The end of every form: what stops it (FormErrorSummary, "N things to fix") right above the one
 * large submit button, so a refused submit is never silent and the button is where the thumb is.
 */
export function SubmitBar<F extends string>({ label, onSubmit, busy = false, disabled = false, tone = 'primary', problems, labels, general, summaryClassName, buttonClassName, className, children }: SubmitBarProps<F>) {
  return (
    <View className={cx('linli-submit-bar', className)}>
      <FormErrorSummary problems={problems} labels={labels} general={general} className={summaryClassName} />
      <Button className={buttonClassName} type={tone} size='large' block loading={busy} disabled={busy || disabled} onClick={onSubmit}>
        {label}
      </Button>
      {children}
    </View>
  );
}

import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { useI18n } from '../../hooks/useI18n';
import type { TextLimit } from '../../utils/formLimits';
import { fieldAnchor } from '../../utils/scrollToField';
import { cx } from '../../utils/cx';
import { CharCounter, overLimitMessage } from '../CharCounter';
import './index.scss';

export interface FormFieldProps {
  /** The field's key, as `data-field` (tests and e2e find fields by it) and its scroll anchor. */
  name: string;
  label: string;
  required?: boolean;
  /** A plain-language explanation under the control. */
  hint?: string;
  /** The problem with the current value, shown in red next to the field. */
  error?: string | null;
  /**
   * A text field's value and its schema limit: shows "12/40" by the label as the user types, and
   * a message as soon as the text is too long (the input itself is never cut).
   */
  count?: { value: string; limit: TextLimit };
  className?: string;
  children: ReactNode;
}

/** One labelled form field with its hint and its error message (for screen readers too). */
export function FormField({ name, label, required = false, hint, error, count, className, children }: FormFieldProps) {
  const { t } = useI18n();
  const shown = error || (count ? overLimitMessage(t, count.value, count.limit) : null);
  return (
    <View className={cx('linli-field', fieldAnchor(name), shown && 'linli-field--error', className)} data-field={name}>
      {/* The required mark is drawn by CSS: a symbol, not text to translate. */}
      <View className='linli-field__label'>
        <Text className={cx(required && 'linli-field__label--required')}>{label}</Text>
        {count ? <CharCounter value={count.value} limit={count.limit} /> : null}
      </View>
      <View className='linli-field__control'>{children}</View>
      {shown ? (
        <View className='linli-field__error' role='alert'>
          {shown}
        </View>
      ) : null}
      {hint ? <Text className='linli-field__hint'>{hint}</Text> : null}
    </View>
  );
}

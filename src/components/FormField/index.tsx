import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { cx } from '../../utils/cx';
import './index.scss';

export interface FormFieldProps {
  /** The field's key, as `data-field` (tests and e2e find fields by it). */
  name: string;
  label: string;
  required?: boolean;
  /** A plain-language explanation under the control. */
  hint?: string;
  /** The problem with the current value, shown in red next to the field. */
  error?: string | null;
  className?: string;
  children: ReactNode;
}

/** One labelled form field with its hint and its error message (for screen readers too). */
export function FormField({ name, label, required = false, hint, error, className, children }: FormFieldProps) {
  return (
    <View className={cx('linli-field', error && 'linli-field--error', className)} data-field={name}>
      {/* The required mark is drawn by CSS: a symbol, not text to translate. */}
      <View className={cx('linli-field__label', required && 'linli-field__label--required')}>
        <Text>{label}</Text>
      </View>
      <View className='linli-field__control'>{children}</View>
      {error ? (
        <View className='linli-field__error' role='alert'>
          {error}
        </View>
      ) : null}
      {hint ? <Text className='linli-field__hint'>{hint}</Text> : null}
    </View>
  );
}

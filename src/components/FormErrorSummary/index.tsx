import { Text, View } from '@tarojs/components';
import { useI18n } from '../../hooks/useI18n';
import { scrollToField } from '../../utils/scrollToField';
import { cx } from '../../utils/cx';
import './index.scss';

export interface FormErrorSummaryProps<F extends string> {
  /** The form's problems in form order (`useFormErrors().problems`). */
  problems: ReadonlyArray<readonly [F, string]>;
  /** Field names shown before each message (forms.summaryItem); a field without one shows its message only. */
  labels?: Partial<Record<F, string>>;
  /** A problem of the whole form (no field to blame), shown under the list. */
  general?: string | null;
  className?: string;
}

/**
 * "N things to fix" (forms.summary) beside the submit button, listing each problem; tapping one scrolls to its
 * field. With the scroll to the first problem (useFormErrors) a refused submit is never silent.
 */
export function FormErrorSummary<F extends string>({ problems, labels, general, className }: FormErrorSummaryProps<F>) {
  const { t } = useI18n();
  if (problems.length === 0 && !general) return null;
  return (
    <View className={cx('linli-form-summary', className)} role='alert'>
      {problems.length > 0 ? (
        <>
          <Text className='linli-form-summary__title'>{t('forms.summary', { count: problems.length })}</Text>
          <View className='linli-form-summary__list'>
            {problems.map(([field, message]) => (
              <View key={field} className='linli-form-summary__item' data-summary-field={field} role='link' onClick={() => scrollToField(field)}>
                <Text>{labels?.[field] ? t('forms.summaryItem', { field: labels[field]!, message }) : message}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
      {general ? <Text className='linli-form-summary__general'>{general}</Text> : null}
    </View>
  );
}

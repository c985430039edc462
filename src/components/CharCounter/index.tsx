import { Text } from '@tarojs/components';
import type { Translate } from '../../locales';
import { useI18n } from '../../hooks/useI18n';
import { measuredLength, type TextLimit } from '../../utils/formLimits';
import { cx } from '../../utils/cx';
import './index.scss';

export interface CharCounterProps {
  value: string;
  /** From the shared schema (`textLimit(schema)`), never a number written here. */
  limit: TextLimit;
  className?: string;
}

/**
 * "12/40" beside a text field, red once over the limit. Inputs are never cut at the limit
 * (no maxLength): what was typed stays, and the counter and the field's message say what to do.
 */
export function CharCounter({ value, limit, className }: CharCounterProps) {
  const { t } = useI18n();
  const length = measuredLength(value);
  const over = length > limit.max;
  return (
    <Text className={cx('linli-counter', over && 'linli-counter--over', className)} aria-label={t('forms.counterLabel', { length, max: limit.max })}>
      {t('forms.counter', { length, max: limit.max })}
    </Text>
  );
}

/** The message a field shows while its text is over the limit (before any submit), or null. */
export function overLimitMessage(t: Translate, value: string, limit: TextLimit | undefined): string | null {
  if (!limit) return null;
  const length = measuredLength(value);
  return length > limit.max ? t('forms.tooLong', { max: limit.max, length }) : null;
}

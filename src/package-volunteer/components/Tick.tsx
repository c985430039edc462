import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Check } from '@nutui/icons-react-taro';
import { cx } from '../../utils/cx';
import { colors } from '../../styles/colors';
import { fieldAnchor } from '../../utils/scrollToField';

export interface TickProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** `data-field` for tests and e2e, and the anchor a refused submit scrolls to. */
  name: string;
  children: ReactNode;
}

/**
 * A consent checkbox the whole line of which is the touch target (≥ 44 px in elderly mode),
 * with the box drawn large: consent should be easy to see and hard to miss.
 */
export function Tick({ checked, onChange, name, children }: TickProps) {
  return (
    <View className={cx('volunteer-tick', fieldAnchor(name), checked && 'volunteer-tick--checked')} role='checkbox' aria-checked={checked} data-field={name} onClick={() => onChange(!checked)}>
      <View className='volunteer-tick__box'>{checked ? <Check size={14} color={colors.onPrimary} /> : null}</View>
      <Text className='volunteer-tick__label'>{children}</Text>
    </View>
  );
}

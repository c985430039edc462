import { Picker, Text, View } from '@tarojs/components';
import { ArrowRight } from '@nutui/icons-react-taro';
import { cx } from '../../../utils/cx';
import './index.scss';
import { colors } from '../../../styles/colors';

export interface DateFieldProps {
  /** 'YYYY-MM-DD' or '' while nothing is chosen. */
  value: string;
  onChange: (day: string) => void;
  label: string;
  /** Latest selectable day. */
  max?: string;
  className?: string;
}

/** weapp: WeChat's native date picker; the label shows until a day is chosen. */
export function DateField({ value, onChange, label, max, className }: DateFieldProps) {
  return (
    <Picker mode='date' value={value} end={max} onChange={(event) => onChange(String(event.detail.value))}>
      <View className={cx('volunteer-date', 'volunteer-date--picker', className)}>
        <Text className={value ? 'volunteer-date__value' : 'volunteer-date__placeholder'}>{value || label}</Text>
        <ArrowRight size={14} color={colors.ink3} />
      </View>
    </Picker>
  );
}

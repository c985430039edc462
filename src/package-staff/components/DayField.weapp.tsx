import { Picker, Text, View } from '@tarojs/components';
import { ArrowRight } from '@nutui/icons-react-taro';
import type { DayFieldProps } from './DayField';
import { colors } from '../../styles/colors';

/** weapp: WeChat's native date picker (an Input of type date does not exist there). */
export function DayField({ value, onChange, label, className }: DayFieldProps) {
  return (
    <Picker mode='date' value={value} onChange={(event) => onChange(String(event.detail.value))}>
      <View className={className} aria-label={label}>
        <Text>{value || label}</Text>
        <ArrowRight size={14} color={colors.ink3} />
      </View>
    </Picker>
  );
}

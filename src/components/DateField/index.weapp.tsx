import { Picker, Text, View } from '@tarojs/components';
import { ArrowRight } from '@nutui/icons-react-taro';
import { cx } from '../../utils/cx';
import { colors } from '../../styles/colors';
import type { DateFieldProps, DateTimeFieldProps } from './types';
import './index.scss';

export type { DateFieldProps, DateTimeFieldProps } from './types';

/** The chosen value (or the label while none) with the arrow that says "tap to choose". */
function PickerValue({ text, placeholder, className }: { text: string; placeholder: boolean; className: string }) {
  return (
    <View className={className}>
      <Text className={placeholder ? 'linli-date__placeholder' : 'linli-date__value'}>{text}</Text>
      <ArrowRight size={14} color={colors.ink3} />
    </View>
  );
}

/** weapp: WeChat's native date picker, the one residents know from every mini-program. */
export function DateField({ value, onChange, label, min, max, className }: DateFieldProps) {
  return (
    <Picker mode='date' value={value} start={min} end={max} onChange={(event) => onChange(String(event.detail.value))}>
      <View className={cx('linli-date', 'linli-date--picker', className)} aria-label={label}>
        <PickerValue className='linli-date__row' text={value || label} placeholder={!value} />
      </View>
    </Picker>
  );
}

/** weapp: WeChat's date and time pickers, each with its label inside the tap area. */
export function DateTimeField({ day, clock, onChange, dayLabel, clockLabel, minDay, className }: DateTimeFieldProps) {
  return (
    <View className={cx('linli-datetime', className)}>
      <Picker mode='date' value={day} start={minDay} onChange={(event) => onChange(String(event.detail.value), clock)}>
        <View className='linli-datetime__part linli-datetime__part--day'>
          <Text className='linli-datetime__label'>{dayLabel}</Text>
          <PickerValue className='linli-datetime__value' text={day} placeholder={false} />
        </View>
      </Picker>
      <Picker mode='time' value={clock} onChange={(event) => onChange(day, String(event.detail.value))}>
        <View className='linli-datetime__part linli-datetime__part--clock'>
          <Text className='linli-datetime__label'>{clockLabel}</Text>
          <PickerValue className='linli-datetime__value' text={clock} placeholder={false} />
        </View>
      </Picker>
    </View>
  );
}

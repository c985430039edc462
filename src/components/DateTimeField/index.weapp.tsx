import { Picker, Text, View } from '@tarojs/components';
import { ArrowRight } from '@nutui/icons-react-taro';
import { cx } from '../../utils/cx';
import './index.scss';
import { colors } from '../../styles/colors';

export interface DateTimeFieldProps {
  /** China day 'YYYY-MM-DD' and clock 'HH:mm'. */
  day: string;
  clock: string;
  onChange: (day: string, clock: string) => void;
  dayLabel: string;
  clockLabel: string;
  /** Earliest selectable day. */
  minDay?: string;
  className?: string;
}

/** weapp: WeChat's native date and time pickers, the ones residents know from every mini-program. */
export function DateTimeField({ day, clock, onChange, dayLabel, clockLabel, minDay, className }: DateTimeFieldProps) {
  return (
    <View className={cx('linli-datetime', className)}>
      <Picker mode='date' value={day} start={minDay} onChange={(event) => onChange(String(event.detail.value), clock)}>
        <View className='linli-datetime__part linli-datetime__part--day'>
          <Text className='linli-datetime__label'>{dayLabel}</Text>
          <View className='linli-datetime__value'>
            <Text>{day}</Text>
            <ArrowRight size={14} color={colors.ink3} />
          </View>
        </View>
      </Picker>
      <Picker mode='time' value={clock} onChange={(event) => onChange(day, String(event.detail.value))}>
        <View className='linli-datetime__part linli-datetime__part--clock'>
          <Text className='linli-datetime__label'>{clockLabel}</Text>
          <View className='linli-datetime__value'>
            <Text>{clock}</Text>
            <ArrowRight size={14} color={colors.ink3} />
          </View>
        </View>
      </Picker>
    </View>
  );
}

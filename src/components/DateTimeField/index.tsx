import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { cx } from '../../utils/cx';
import './index.scss';

export interface DateTimeFieldProps {
  /** China day 'YYYY-MM-DD' and clock 'HH:mm'. */
  day: string;
  clock: string;
  onChange: (day: string, clock: string) => void;
  dayLabel: string;
  clockLabel: string;
  /** Earliest selectable day (weapp's picker honours it; the server checks either way). */
  minDay?: string;
  className?: string;
}

/**
 * H5: the browser's own date and time inputs (phones show their native wheels; Taro's H5
 * Picker imitation is harder to use). weapp: index.weapp.tsx uses WeChat's pickers.
 */
export function DateTimeField({ day, clock, onChange, dayLabel, clockLabel, className }: DateTimeFieldProps) {
  return (
    <View className={cx('linli-datetime', className)}>
      <View className='linli-datetime__part linli-datetime__part--day'>
        <Text className='linli-datetime__label'>{dayLabel}</Text>
        <Input className='linli-datetime__input linli-datetime__day' type='date' value={day} aria-label={dayLabel} onChange={(value) => value && onChange(value, clock)} />
      </View>
      <View className='linli-datetime__part linli-datetime__part--clock'>
        <Text className='linli-datetime__label'>{clockLabel}</Text>
        <Input className='linli-datetime__input linli-datetime__clock' type='time' value={clock} aria-label={clockLabel} onChange={(value) => value && onChange(day, value.slice(0, 5))} />
      </View>
    </View>
  );
}

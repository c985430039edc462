import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { cx } from '../../utils/cx';
import type { DateFieldProps, DateTimeFieldProps } from './types';
import './index.scss';

export type { DateFieldProps, DateTimeFieldProps } from './types';

/**
 * The one date field. H5: the browser's own date input (a calendar on desktop, the native wheel
 * on phones; Taro's H5 Picker imitation is harder to use). weapp: index.weapp.tsx uses WeChat's
 * pickers, since an Input of type date does not exist there.
 */
export function DateField({ value, onChange, label, min, max, className }: DateFieldProps) {
  return <Input className={cx('linli-date', className)} type='date' value={value} aria-label={label} {...(min ? { min } : {})} {...(max ? { max } : {})} onChange={(next) => onChange(next)} />;
}

/** A day and a clock side by side, each labelled (an activity's start, a roll-call's meeting time). */
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

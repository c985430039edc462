import { ScrollView, Text, View } from '@tarojs/components';
import { cx } from '../../utils/cx';
import './index.scss';
import { pressable } from '../Pressable';

export interface ChipOption<V> {
  /** Stable key, also the chip's `data-value` (tests and e2e select by it). */
  key: string;
  value: V;
  label: string;
  /** A second, smaller line (the date under a weekday). */
  sub?: string;
}

export interface ChipsProps<V> {
  options: ReadonlyArray<ChipOption<V>>;
  value: V;
  onChange: (value: V) => void;
  className?: string;
  /** One scrolling row (filters) or wrapping lines (form choices). */
  wrap?: boolean;
}

/** A row of single-choice chips: big touch targets, the chosen one outlined in the theme colour. */
export function Chips<V>({ options, value, onChange, className, wrap = false }: ChipsProps<V>) {
  const row = (
    <View className={cx('linli-chips__row', wrap && 'linli-chips__row--wrap')}>
      {options.map((option) => {
        const active = option.value === value;
        return (
          <View
            key={option.key}
            className={cx('linli-pressable', 'linli-chips__chip', option.sub !== undefined && 'linli-chips__chip--two-line', active && 'linli-chips__chip--active')}
            data-value={option.key}
            aria-pressed={active ? 'true' : 'false'}
            onClick={() => onChange(option.value)}
            {...pressable(() => onChange(option.value))}
          >
            <Text className='linli-chips__label'>{option.label}</Text>
            {option.sub !== undefined ? <Text className='linli-chips__sub'>{option.sub}</Text> : null}
          </View>
        );
      })}
    </View>
  );
  if (wrap) return <View className={cx('linli-chips', className)}>{row}</View>;
  return (
    <ScrollView className={cx('linli-chips', 'linli-chips--scroll', className)} scrollX enhanced showScrollbar={false}>
      {row}
    </ScrollView>
  );
}

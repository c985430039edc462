import { Text, View } from '@tarojs/components';
import { cx } from '../../utils/cx';

export interface ChipSelectOption {
  value: string;
  label: string;
}

export interface ChipSelectProps {
  options: readonly ChipSelectOption[];
  /** Chosen values; `multiple` toggles each, otherwise one replaces the other. */
  value: readonly string[];
  onChange: (value: string[]) => void;
  multiple?: boolean;
  name: string;
}

/** Large wrapping chips for a few options (skills, groups, ID types): every option visible, easy to tap. */
export function ChipSelect({ options, value, onChange, multiple = false, name }: ChipSelectProps) {
  const toggle = (option: string) => {
    if (!multiple) return onChange([option]);
    onChange(value.includes(option) ? value.filter((v) => v !== option) : [...value, option]);
  };
  return (
    <View className='volunteer-chips' role={multiple ? 'group' : 'radiogroup'} data-field={name}>
      {options.map((option) => {
        const on = value.includes(option.value);
        return (
          <View
            key={option.value}
            className={cx('volunteer-chip', on && 'volunteer-chip--on')}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            data-value={option.value}
            onClick={() => toggle(option.value)}
          >
            <Text>{option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

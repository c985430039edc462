import { Text, View } from '@tarojs/components';
import { cx } from '../../utils/cx';
import './index.scss';
import { pressable } from '../Pressable';

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** A second line under the label (who reviews, what it means). */
  description?: string;
  disabled?: boolean;
  /** The name a screen reader says, where the label is a symbol (★★★ → "3 stars"). */
  ariaLabel?: string;
}

export interface ChoiceChipsProps<V extends string> {
  options: ReadonlyArray<Choice<V>>;
  value: V | null;
  onChange: (value: V) => void;
  /** `cards` stacks full-width options with their descriptions; `chips` wraps short labels. */
  layout?: 'chips' | 'cards';
  className?: string;
}

/**
 * Pick one of a few options with large tappable chips (easier for elderly residents than a
 * wheel picker, and every option stays visible).
 */
export function ChoiceChips<V extends string>({ options, value, onChange, layout = 'chips', className }: ChoiceChipsProps<V>) {
  return (
    <View className={cx('linli-choices', `linli-choices--${layout}`, className)} role='radiogroup'>
      {options.map((option) => {
        const selected = option.value === value;
        return (
          <View
            key={option.value}
            className={cx('linli-pressable', 'linli-choice', selected && 'linli-choice--selected', option.disabled && 'linli-choice--disabled')}
            aria-checked={selected ? 'true' : 'false'}
            data-value={option.value}
            onClick={() => {
              if (!option.disabled) onChange(option.value);
            }}
            {...pressable(() => onChange(option.value), { role: 'radio', disabled: option.disabled, label: option.ariaLabel })}
          >
            <Text className='linli-choice__label'>{option.label}</Text>
            {option.description ? <Text className='linli-choice__description'>{option.description}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}

/**
 * What makes a tappable card, row or chip usable without a touch screen (WCAG 2.2 2.1.1
 * Keyboard, 4.1.2 Name, Role, Value, 2.4.7 Focus Visible): a role, a place in the tab order,
 * Enter and Space activating it as a tap would, and the focus ring of `.linli-pressable`
 * (app.scss).
 *
 * On H5, Taro renders View as a custom element and passes `role`, `aria-*` and `tabIndex` on as
 * attributes and `onKeyDown` as a keydown listener (@tarojs/components
 * lib/react/component-lib/reactify-wc.js, updateProp). In the mini-program, Taro's templates
 * render only the attributes they list, so a View gets neither role nor tab order there; WeChat's
 * screen reader reads `aria-role`/`aria-label` (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/accessibility.html),
 * which Taro would need @tarojs/plugin-inject to template. Keyboards are an H5 matter.
 */
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from '../../utils/cx';

/** The keys that press a button (https://www.w3.org/WAI/ARIA/apg/patterns/button/). */
const PRESS_KEYS = new Set(['Enter', ' ', 'Spacebar']);

/** The subset of a DOM keyboard event a key handler needs (Taro types it loosely). */
interface KeyEventLike {
  key?: string;
  target?: unknown;
  currentTarget?: unknown;
  preventDefault?: () => void;
}

export interface PressableOptions {
  /** `button` (acts here) or `link` (opens another page). */
  role?: 'button' | 'link' | 'radio' | 'checkbox';
  /** The accessible name, when the visible text alone does not say what it does. */
  label?: string;
  disabled?: boolean;
}

/** The props of a pressable element; spread them onto a View beside its `onClick`. */
export interface PressableProps {
  role: NonNullable<PressableOptions['role']>;
  tabIndex: number;
  'aria-label'?: string;
  'aria-disabled'?: 'true';
  onKeyDown: (event: KeyEventLike) => void;
}

/**
 * Keyboard props for an element whose tap runs `onPress`. Keys pressed on something inside it
 * (a nested button or input) are left to that element.
 */
export function pressable(onPress: () => void, options: PressableOptions = {}): PressableProps {
  return {
    role: options.role ?? 'button',
    tabIndex: options.disabled ? -1 : 0,
    ...(options.label ? { 'aria-label': options.label } : {}),
    ...(options.disabled ? { 'aria-disabled': 'true' as const } : {}),
    onKeyDown: (event) => {
      if (!event.key || !PRESS_KEYS.has(event.key) || options.disabled) return;
      if (event.target !== undefined && event.currentTarget !== undefined && event.target !== event.currentTarget) return;
      // Space would scroll the page and Enter submit a form: the press is the whole effect.
      event.preventDefault?.();
      onPress();
    },
  };
}

export interface PressableRowProps extends PressableOptions {
  onPress: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * Wraps a row drawn by a component that does not pass extra props to its element (NutUI's
 * clickable Cell): the wrapper takes the focus and the keys, the row inside keeps its own tap.
 */
export function PressableRow({ onPress, className, children, ...options }: PressableRowProps) {
  return (
    <View className={cx('linli-pressable', 'linli-pressable--row', className)} {...pressable(onPress, options)}>
      {children}
    </View>
  );
}

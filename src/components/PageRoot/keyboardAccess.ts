/**
 * Keyboard access for what NutUI draws without it (H5 only; WCAG 2.2 2.1.1 Keyboard).
 *
 * - NutUI's clickable Cell passes no extra props to its element (nutui-react-taro
 *   packages/cell/cell.js builds the View from a fixed list), and NutUI's Button renders Taro's
 *   `taro-button-core` custom element, which is not in the tab order the way a `<button>` is.
 *   The page root gives both a role and a tab stop, and keeps doing so as content arrives.
 * - NutUI's InputNumber (the stepper) renders its <input> with no way to pass a label
 *   (packages/inputnumber/inputnumber.js): an input without a name takes its form field's label
 *   (FormField's `.linli-field__label`), so a screen reader says what the number is.
 * - Enter and Space press any focused element with a button-like role (those from
 *   `pressable()` handle their keys themselves and mark the event handled).
 */
import { useEffect, type RefObject } from 'react';

/**
 * Elements that act on a tap but are not focusable by themselves: NutUI's, and our Views that
 * carry a button-like role but no tab stop of their own (those from `pressable()` have one).
 */
const ROLES = ['button', 'link', 'radio', 'checkbox', 'switch'];
const UNFOCUSABLE_ACTIONS = ['.nut-cell-clickable', 'taro-button-core', ...ROLES.map((role) => `[role="${role}"]`)].map((selector) => `${selector}:not([tabindex])`).join(',');

const PRESS_KEYS = new Set(['Enter', ' ', 'Spacebar']);
const PRESSED_ROLES = new Set([...ROLES, 'tab', 'menuitem']);
/** Native controls answer keys themselves. */
const NATIVE = new Set(['BUTTON', 'A', 'INPUT', 'TEXTAREA', 'SELECT']);

/** Inputs with no accessible name of their own, inside a labelled form field. */
const UNNAMED_INPUTS = '.linli-field input:not([aria-label]):not([aria-labelledby]):not([id])';

function nameInputs(root: HTMLElement): void {
  root.querySelectorAll<HTMLInputElement>(UNNAMED_INPUTS).forEach((input) => {
    const label = input.closest('.linli-field')?.querySelector('.linli-field__label')?.textContent?.trim();
    if (label) input.setAttribute('aria-label', label);
  });
}

function markActions(root: HTMLElement): void {
  nameInputs(root);
  root.querySelectorAll<HTMLElement>(UNFOCUSABLE_ACTIONS).forEach((element) => {
    // Native controls (an <input type="checkbox">) are in the tab order already.
    if (NATIVE.has(element.tagName)) return;
    const disabled = element.hasAttribute('disabled') || element.classList.contains('nut-button-disabled') || element.getAttribute('aria-disabled') === 'true';
    if (!element.getAttribute('role')) element.setAttribute('role', 'button');
    element.setAttribute('tabindex', disabled ? '-1' : '0');
    if (disabled) element.setAttribute('aria-disabled', 'true');
    element.classList.add('linli-pressable');
  });
}

/** Handles Enter/Space on the page for focused elements that act like buttons. */
export function pressFocused(event: KeyboardEvent): void {
  if (event.defaultPrevented || !PRESS_KEYS.has(event.key)) return;
  const target = event.target;
  if (!(target instanceof HTMLElement) || NATIVE.has(target.tagName) || target.isContentEditable) return;
  const role = target.getAttribute('role');
  if (!role || !PRESSED_ROLES.has(role) || target.getAttribute('aria-disabled') === 'true') return;
  event.preventDefault();
  target.click();
}

/**
 * Taro H5 draws the native tab bar as `taro-tabbar` beside the pages, with no landmark: it
 * becomes the navigation landmark (WCAG 1.3.1; axe's `region`). A custom tab bar that renders
 * its own landmark makes this a no-op.
 */
function markTabBar(label: string): void {
  const bar = document.querySelector('taro-tabbar');
  if (!bar || bar.getAttribute('role')) return;
  bar.setAttribute('role', 'navigation');
  bar.setAttribute('aria-label', label);
}

/** Gives the page's unfocusable actions a tab stop and lets Enter/Space press them (H5). */
export function useKeyboardAccess(root: RefObject<HTMLElement | null>, navigationLabel: string): void {
  useEffect(() => {
    const element = root.current;
    if (process.env.TARO_ENV !== 'h5' || !element || typeof MutationObserver === 'undefined') return undefined;
    markActions(element);
    markTabBar(navigationLabel);
    const observer = new MutationObserver(() => markActions(element));
    observer.observe(element, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'disabled', 'role'] });
    element.addEventListener('keydown', pressFocused);
    return () => {
      observer.disconnect();
      element.removeEventListener('keydown', pressFocused);
    };
  }, [root, navigationLabel]);
}

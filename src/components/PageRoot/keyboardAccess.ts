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
 * - NutUI's mini-program `aria-role` becomes a `role` (its Switch would otherwise say
 *   aria-checked with no role).
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
    if (label) setAttribute(input, 'aria-label', label);
  });
}

/** Marks the elements this module manages, so their state is kept in step as it changes. */
const MANAGED = 'data-linli-keyboard';

/**
 * Sets an attribute only when it changes: the observer below watches some attributes, and a
 * write of the same value would still be a mutation that runs it again.
 */
function setAttribute(element: HTMLElement, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * Gives one action its role and tab stop, and keeps them in step with its state: a NutUI
 * button disabled now (Taro's `disabled` attribute, NutUI's class) and enabled later leaves the
 * tab order and comes back, told to screen readers as aria-disabled meanwhile.
 */
function syncAction(element: HTMLElement): void {
  const isButton = element.tagName === 'TARO-BUTTON-CORE';
  const nutuiDisabled = element.hasAttribute('disabled') || element.classList.contains('nut-button-disabled');
  // A View's own aria-disabled is the page's to set; a NutUI button's is ours.
  const disabled = nutuiDisabled || (!isButton && element.getAttribute('aria-disabled') === 'true');
  if (!element.getAttribute('role')) setAttribute(element, 'role', 'button');
  setAttribute(element, 'tabindex', disabled ? '-1' : '0');
  if (isButton) setAttribute(element, 'aria-disabled', nutuiDisabled ? 'true' : null);
  setAttribute(element, MANAGED, '');
  if (!element.classList.contains('linli-pressable')) element.classList.add('linli-pressable');
}

/**
 * NutUI writes its ARIA role for the mini-program (`ariaRole: 'switch'` in packages/switch/switch.js
 * becomes WeChat's `aria-role`); on H5 that attribute means nothing, so the element carries
 * `aria-checked` without a role. The role moves to `role`, where browsers read it.
 */
function adoptMiniProgramRoles(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>('[aria-role]').forEach((element) => {
    const role = element.getAttribute('aria-role');
    if (role && !element.getAttribute('role')) setAttribute(element, 'role', role);
    setAttribute(element, 'aria-role', null);
  });
}

function markActions(root: HTMLElement): void {
  adoptMiniProgramRoles(root);
  nameInputs(root);
  root.querySelectorAll<HTMLElement>(`${UNFOCUSABLE_ACTIONS},[${MANAGED}]`).forEach((element) => {
    // Native controls (an <input type="checkbox">) are in the tab order already.
    if (!NATIVE.has(element.tagName)) syncAction(element);
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
    observer.observe(element, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'disabled', 'role', 'aria-disabled', 'aria-role'] });
    element.addEventListener('keydown', pressFocused);
    return () => {
      observer.disconnect();
      element.removeEventListener('keydown', pressFocused);
    };
  }, [root, navigationLabel]);
}

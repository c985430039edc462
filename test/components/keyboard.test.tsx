/**
 * Keyboard access (issue 16 item 6, WCAG 2.2 2.1.1): tappable cards, chips and rows are in the
 * tab order with a role, and Enter or Space does what a tap does; NutUI cells and buttons, which
 * take no such props, get theirs from the page root.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { Button, Cell, Switch } from '@nutui/nutui-react-taro';
import { ActivityCard } from '../../src/components/ActivityCard';
import { Chips } from '../../src/components/Chips';
import { ChoiceChips } from '../../src/components/ChoiceChips';
import { GroupCard } from '../../src/components/GroupCard';
import { ListFooter } from '../../src/components/ListFooter';
import { PageRoot } from '../../src/components/PageRoot';
import { activityCard } from './support/eventFixtures';
import { groupCard } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

beforeEach(resetApp);

/** The element matching `selector`, which must exist. */
function element(selector: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Focuses `target` as Tab would and checks it took the focus. */
function focus(target: HTMLElement): void {
  target.focus();
  expect(document.activeElement).toBe(target);
}

test('a group card is a focusable link that Enter and Space open; other keys do nothing', () => {
  const onOpen = jest.fn();
  renderPage(<GroupCard group={groupCard({ id: 'g-1', name: '北苑晨练太极队' })} onOpen={onOpen} />);
  const card = element('[data-group-id="g-1"]');
  expect(card.getAttribute('role')).toBe('link');
  expect(card.getAttribute('tabindex')).toBe('0');
  expect(card.classList.contains('linli-pressable')).toBe(true);
  focus(card);

  fireEvent.keyDown(card, { key: 'a' });
  fireEvent.keyDown(card, { key: 'Tab' });
  expect(onOpen).not.toHaveBeenCalled();
  fireEvent.keyDown(card, { key: 'Enter' });
  expect(onOpen).toHaveBeenCalledWith('g-1');
  fireEvent.keyDown(card, { key: ' ' });
  expect(onOpen).toHaveBeenCalledTimes(2);
});

test('an activity card opens on Enter, and a key pressed on something inside it is left alone', () => {
  const onOpen = jest.fn();
  renderPage(<ActivityCard activity={activityCard({ id: 'a-1' })} onOpen={onOpen} />);
  const card = element('[data-activity-id="a-1"]');
  expect(card.getAttribute('role')).toBe('link');
  focus(card);
  fireEvent.keyDown(card.querySelector('.linli-activity-card__title')!, { key: 'Enter' });
  expect(onOpen).not.toHaveBeenCalled();
  fireEvent.keyDown(card, { key: 'Enter' });
  expect(onOpen).toHaveBeenCalledWith('a-1');
});

test('filter chips are toggle buttons that Space chooses', () => {
  const onChange = jest.fn();
  const options = [
    { key: 'all', value: null, label: '全部' },
    { key: 'sports', value: 'sports', label: '文体' },
  ];
  renderPage(<Chips options={options} value={null} onChange={onChange} />);
  const chip = element('[data-value="sports"]');
  expect(chip.getAttribute('role')).toBe('button');
  expect(chip.getAttribute('aria-pressed')).toBe('false');
  expect(element('[data-value="all"]').getAttribute('aria-pressed')).toBe('true');
  focus(chip);
  fireEvent.keyDown(chip, { key: ' ' });
  expect(onChange).toHaveBeenCalledWith('sports');
});

test('a disabled choice is out of the tab order and ignores Enter', () => {
  const onChange = jest.fn();
  renderPage(
    <ChoiceChips
      options={[
        { value: 'community', label: '社区管理' },
        { value: 'registered', label: '登记', disabled: true },
      ]}
      value='community'
      onChange={onChange}
    />,
  );
  const open = element('[data-value="community"]');
  const closed = element('[data-value="registered"]');
  expect(open.getAttribute('role')).toBe('radio');
  expect(open.getAttribute('aria-checked')).toBe('true');
  expect(closed.getAttribute('tabindex')).toBe('-1');
  expect(closed.getAttribute('aria-disabled')).toBe('true');
  fireEvent.keyDown(closed, { key: 'Enter' });
  expect(onChange).not.toHaveBeenCalled();
  fireEvent.keyDown(open, { key: 'Enter' });
  expect(onChange).toHaveBeenCalledWith('community');
});

test('the page root is the main landmark and gives NutUI cells and buttons a tab stop that Enter presses', async () => {
  const openSettings = jest.fn();
  const signUp = jest.fn();
  renderPage(
    <PageRoot titleKey='titles.me'>
      <Cell className='me__settings' title='设置' clickable onClick={openSettings} />
      <Button className='activity__action' type='primary' onClick={signUp}>
        立即报名
      </Button>
      <Button className='activity__disabled' disabled>
        已结束
      </Button>
    </PageRoot>,
  );
  expect(screen.getByRole('main')).toBe(element('.linli-page'));

  const cell = element('.me__settings');
  await waitFor(() => expect(cell.getAttribute('tabindex')).toBe('0'));
  expect(cell.getAttribute('role')).toBe('button');
  focus(cell);
  fireEvent.keyDown(cell, { key: 'Enter' });
  expect(openSettings).toHaveBeenCalledTimes(1);

  const button = element('.activity__action');
  expect(button.getAttribute('tabindex')).toBe('0');
  focus(button);
  fireEvent.keyDown(button, { key: ' ' });
  expect(signUp).toHaveBeenCalledTimes(1);

  const disabled = element('.activity__disabled');
  expect(disabled.getAttribute('tabindex')).toBe('-1');
  expect(disabled.getAttribute('aria-disabled')).toBe('true');
});

test('a row that only has a role (load more) gets its tab stop from the page root, and Enter presses it', async () => {
  const onLoadMore = jest.fn();
  renderPage(
    <PageRoot titleKey='titles.me'>
      <ListFooter hasMore loadingMore={false} error={null} onLoadMore={onLoadMore} />
    </PageRoot>,
  );
  const more = element('.linli-list-footer--more');
  await waitFor(() => expect(more.getAttribute('tabindex')).toBe('0'));
  expect(more.getAttribute('role')).toBe('button');
  focus(more);
  fireEvent.keyDown(more, { key: 'Enter' });
  expect(onLoadMore).toHaveBeenCalledTimes(1);
});

test('a NutUI button disabled at first joins the tab order once enabled, and Enter then presses it', async () => {
  const submit = jest.fn();
  let enable = () => {};
  function Form() {
    const [ready, setReady] = useState(false);
    enable = () => setReady(true);
    return (
      <PageRoot titleKey='titles.me'>
        <Button className='checkin__submit' type='primary' disabled={!ready} onClick={submit}>
          签到
        </Button>
      </PageRoot>
    );
  }
  renderPage(<Form />);
  const button = element('.checkin__submit');
  await waitFor(() => expect(button.getAttribute('tabindex')).toBe('-1'));
  expect(button.getAttribute('aria-disabled')).toBe('true');

  act(() => enable());
  await waitFor(() => expect(button.getAttribute('tabindex')).toBe('0'));
  expect(button.hasAttribute('aria-disabled')).toBe(false);
  focus(button);
  fireEvent.keyDown(button, { key: 'Enter' });
  expect(submit).toHaveBeenCalledTimes(1);
});

test("NutUI's Switch is a switch on H5: its mini-program aria-role becomes a role, it takes the focus and Space toggles it", async () => {
  function Page() {
    const [on, setOn] = useState(false);
    return (
      <PageRoot titleKey='titles.settings'>
        <Switch className='probe-switch' checked={on} onChange={setOn} ariaLabel='大字模式' />
      </PageRoot>
    );
  }
  renderPage(<Page />);
  const toggle = await waitFor(() => {
    const found = element('.probe-switch');
    expect(found.getAttribute('role')).toBe('switch');
    return found;
  });
  expect(toggle.hasAttribute('aria-role')).toBe(false);
  expect(toggle.getAttribute('aria-checked')).toBe('false');
  expect(toggle.getAttribute('tabindex')).toBe('0');
  focus(toggle);
  act(() => void fireEvent.keyDown(toggle, { key: ' ' }));
  await waitFor(() => expect(element('.probe-switch').getAttribute('aria-checked')).toBe('true'));
});

/**
 * Issue 16, elderly mode everywhere it matters: the custom tab bar (weapp custom-tab-bar, and on
 * H5 drawn by PageRoot on tab pages) follows elderly mode and the language, shows the unread
 * count and switches tabs; large text is offered once on first run and switched on 我的.
 * (Its sizes in each mode are checked on the stylesheet in test/app/elderlyMode.test.ts.)
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CustomTabBar from '../../src/custom-tab-bar/index';
import { PageRoot } from '../../src/components/PageRoot';
import MePage from '../../src/pages/me/index';
import { setUnread } from '../../src/stores/events';
import { reloadSettings, setLocale, settingsStore } from '../../src/stores/settings';
import { currentTabStore, showTab } from '../../src/stores/tabBar';
import { mockActions } from '../mocks/cloud';
import { routerPath } from '../mocks/taro';
import { account } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(() => {
  resetApp();
  act(() => {
    currentTabStore.set('');
    setUnread(0);
  });
});

const tabBar = () => document.querySelector<HTMLElement>('.linli-tabbar')!;
const item = (route: string) => tabBar().querySelector<HTMLElement>(`[data-route="${route}"]`)!;

function tabPage(route: string) {
  routerPath.current = route;
  return renderPage(
    <PageRoot titleKey='titles.home' tab>
      content
    </PageRoot>,
  );
}

describe('the custom tab bar', () => {
  it('is drawn on H5 tab pages (Taro draws none for a custom tab bar) with the current tab marked', () => {
    tabPage('/pages/activities/index');
    expect(Array.from(tabBar().querySelectorAll('.linli-tabbar__label')).map((label) => label.textContent)).toEqual(['首页', '活动', '我的']);
    expect(item('/pages/activities/index').getAttribute('aria-current')).toBe('page');
    expect(item('/pages/home/index').getAttribute('aria-current')).toBeNull();
    expect(document.querySelector('.linli-page')!.classList.contains('linli-page--tab')).toBe(true);
  });

  it('is not drawn on other pages', () => {
    routerPath.current = '/pages/group/index';
    renderPage(<PageRoot titleKey='titles.group'>content</PageRoot>);
    expect(document.querySelector('.linli-tabbar')).toBeNull();
  });

  it('switches tabs, and does nothing on the tab already open', async () => {
    tabPage('/pages/home/index');
    await act(async () => {
      fireEvent.click(item('/pages/me/index'));
    });
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
    jest.mocked(Taro.switchTab).mockClear();
    await act(async () => {
      fireEvent.click(item('/pages/home/index'));
    });
    expect(Taro.switchTab).not.toHaveBeenCalled();
  });

  it('grows with elderly mode and follows the language, without a reload', () => {
    tabPage('/pages/home/index');
    expect(tabBar().classList.contains('linli-tabbar--elderly')).toBe(false);
    act(() => settingsStore.set((s) => ({ ...s, elderly: true })));
    expect(tabBar().classList.contains('linli-tabbar--elderly')).toBe(true);
    act(() => setLocale('en'));
    expect(within(tabBar()).getByText('Activities')).toBeTruthy();
  });

  it('shows the unread count on 我的, named for screen readers', () => {
    tabPage('/pages/home/index');
    act(() => setUnread(3));
    expect(within(item('/pages/me/index')).getByText('3')).toBeTruthy();
    expect(item('/pages/me/index').getAttribute('aria-label')).toBe('我的 3 条未读');
    // Label in Name (WCAG 2.5.3): the visible text, in reading order, starts the accessible name.
    const visible = item('/pages/me/index').textContent!;
    expect(visible).toBe('我的3');
    expect(item('/pages/me/index').getAttribute('aria-label')!.replace(/\s/g, '').startsWith(visible)).toBe(true);
    act(() => setUnread(0));
    expect(item('/pages/me/index').querySelector('.linli-tabbar__badge')).toBeNull();
  });

  it('weapp: the custom-tab-bar component marks the tab its page recorded when shown', () => {
    renderPage(<CustomTabBar />);
    expect(tabBar().querySelector('[aria-current="page"]')).toBeNull();
    act(() => showTab('pages/activities/index'));
    expect(item('/pages/activities/index').getAttribute('aria-current')).toBe('page');
    // a tab page shown records itself (PageRoot, on didShow)
    tabPage('/pages/me/index');
    expect(currentTabStore.get()).toBe('/pages/me/index');
  });
});

describe('large text offered on first run', () => {
  it('asks once on the first tab page, sets the mode, and is remembered', async () => {
    tabPage('/pages/home/index');
    expect(screen.getByText('需要大字模式吗？')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('要，用大字'));
    });
    expect(document.querySelector('.linli-page')!.classList.contains('linli-page--elderly')).toBe(true);
    expect(tabBar().classList.contains('linli-tabbar--elderly')).toBe(true);
    expect(screen.queryByText('需要大字模式吗？')).toBeNull();

    // remembered on the device: a fresh start (settings read again from storage) does not ask again
    act(() => reloadSettings());
    expect(settingsStore.get()).toMatchObject({ elderly: true, elderlyOffered: true });
    expect(screen.queryByText('需要大字模式吗？')).toBeNull();
  });

  it('"no" keeps standard text and is remembered too', async () => {
    tabPage('/pages/activities/index');
    await act(async () => {
      fireEvent.click(screen.getByText('不用，保持标准'));
    });
    expect(document.querySelector('.linli-page--elderly')).toBeNull();
    act(() => reloadSettings());
    expect(settingsStore.get()).toMatchObject({ elderly: false, elderlyOffered: true });
    expect(screen.queryByText('需要大字模式吗？')).toBeNull();
  });

  it('is not asked on pages that are not tabs', () => {
    routerPath.current = '/pages/group/index';
    renderPage(<PageRoot titleKey='titles.group'>content</PageRoot>);
    expect(screen.queryByText('需要大字模式吗？')).toBeNull();
  });
});

describe('我的', () => {
  it('has the large-text switch on its first screen, above everything but who I am', async () => {
    mockActions({ 'account.me': () => account(), 'memberships.mine': () => ({ groups: [], requests: [] }) });
    routerPath.current = '/pages/me/index';
    renderPage(<MePage />);
    const cell = await screen.findByText('大字模式');
    const section = cell.closest('.me__elderly-section')!;
    // right after the header: the first section of the page
    expect(section.previousElementSibling?.classList.contains('me__header')).toBe(true);
    const toggle = section.querySelector<HTMLElement>('.me__elderly-switch')!;
    await act(async () => {
      fireEvent.click(toggle);
    });
    expect(document.querySelector('.linli-page')!.classList.contains('linli-page--elderly')).toBe(true);
    expect(settingsStore.get().elderly).toBe(true);
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import SettingsPage from '../../src/pages/settings/index';
import { setLocale } from '../../src/stores/settings';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);
afterEach(() => act(() => setLocale('zh-CN')));

/** What Taro's H5 storage keeps in localStorage for a key. */
function stored(key: string): unknown {
  const raw = window.localStorage.getItem(key);
  return raw === null ? null : (JSON.parse(raw) as { data: unknown }).data;
}

describe('settings page', () => {
  it('switches the language to English, persists it, and retitles the page', async () => {
    renderPage(<SettingsPage />);
    expect(screen.getByText('语言')).toBeTruthy();
    expect(screen.getByText('大字模式')).toBeTruthy();

    fireEvent.click(screen.getByText('English'));

    expect(await screen.findByText('Language')).toBeTruthy();
    expect(screen.getByText('Large text mode')).toBeTruthy();
    expect(screen.queryByText('语言')).toBeNull();
    expect(stored('linli.locale')).toBe('en');
    await waitFor(() => expect(Taro.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: 'Settings' }));
    expect(document.querySelector('.linli-page')!.getAttribute('data-locale')).toBe('en');

    fireEvent.click(screen.getByText('简体中文'));
    expect(await screen.findByText('语言')).toBeTruthy();
    expect(stored('linli.locale')).toBe('zh-CN');
  });

  it('turns on elderly mode: the page gets its class and the choice is kept', async () => {
    const { container } = renderPage(<SettingsPage />);
    expect(container.querySelector('.linli-page--elderly')).toBeNull();
    // NutUI's Switch settles its own state a tick later.
    const toggle = () => act(async () => void fireEvent.click(container.querySelector('.settings__elderly-switch')!));

    await toggle();

    expect(container.querySelector('.linli-page--elderly')).toBeTruthy();
    expect(stored('linli.elderly')).toBe(true);

    await toggle();
    expect(container.querySelector('.linli-page--elderly')).toBeNull();
    expect(stored('linli.elderly')).toBe(false);
  });
});

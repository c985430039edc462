/**
 * Her language reaches the server, which writes her notices (inbox, phone) in it: switching in
 * the settings saves it on her account, and an account loaded with another language is brought
 * in step with the one she uses on this device.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import SettingsPage from '../../src/pages/settings/index';
import { call } from '../../src/services/cloud';
import { loadAccount } from '../../src/stores/session';
import { setLocale } from '../../src/stores/settings';
import { mockActions } from '../mocks/cloud';
import { account } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);
afterEach(() => act(() => setLocale('zh-CN')));

const updates = () => jest.mocked(call).mock.calls.filter(([action]) => action === 'account.updateProfile').map(([, input]) => input);

test('switching the language in the settings saves it on her account', async () => {
  mockActions({ 'account.updateProfile': (input) => account({ locale: (input as { locale: 'en' | 'zh-CN' }).locale }) });
  renderPage(<SettingsPage />);
  fireEvent.click(screen.getByText('English'));
  await waitFor(() => expect(updates()).toEqual([{ locale: 'en' }]));
  fireEvent.click(await screen.findByText('简体中文'));
  await waitFor(() => expect(updates()).toEqual([{ locale: 'en' }, { locale: 'zh-CN' }]));
});

test('an account in another language than this device is brought in step; one in step is left alone', async () => {
  act(() => setLocale('en'));
  mockActions({ 'account.me': () => account({ locale: 'zh-CN' }), 'account.updateProfile': () => account({ locale: 'en' }) });
  await act(async () => {
    await loadAccount(true);
  });
  await waitFor(() => expect(updates()).toEqual([{ locale: 'en' }]));

  jest.mocked(call).mockClear();
  mockActions({ 'account.me': () => account({ locale: 'en' }) });
  await act(async () => {
    await loadAccount(true);
  });
  expect(updates()).toEqual([]);
});

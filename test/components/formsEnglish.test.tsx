/**
 * Forms speak the user's language with the shared schemas' rules (issue 17 item 4): in English
 * mode the founding form shows the schema's own phone message in English (the transport's
 * side, a server's INVALID_INPUT issue, is in cloud.test.ts).
 */
import { act, fireEvent, screen } from '@testing-library/react';
import FoundPage from '../../src/package-leader/found/index';
import { call } from '../../src/services/cloud';
import { setLocale } from '../../src/stores/settings';
import { mockActions } from '../mocks/cloud';
import { account, regionTree } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);
afterEach(() => act(() => setLocale('zh-CN')));

const fieldError = (name: string) => document.querySelector(`[data-field="${name}"] .linli-field__error`)?.textContent ?? null;

test("the founding form says the schema's phone rule in English in English mode, and sends nothing", async () => {
  mockActions({ 'account.me': () => account(), 'regions.tree': () => regionTree });
  act(() => setLocale('en'));
  renderPage(<FoundPage />);
  await findElement('[data-field="name"]');
  await typeInto('[data-field="name"]', '棋');
  await typeInto('[data-field="contactPhone"]', '12345');
  await act(async () => {
    fireEvent.click(document.querySelector<HTMLElement>('.found__submit')!);
  });
  // GroupsFoundInput's Phone wrote '请输入有效的手机号或座机号'; forms.schema.contactPhone says it in English.
  expect(fieldError('contactPhone')).toBe('Enter a valid mobile or landline number');
  expect(fieldError('name')).toMatch(/2/);
  expect(screen.queryByText('请输入有效的手机号或座机号')).toBeNull();
  expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('groups.found');
});

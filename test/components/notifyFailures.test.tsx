/** The staff view of messages that did not reach residents' phones (package-staff/notify-failures). */
import { act, screen, waitFor } from '@testing-library/react';
import NotifyFailuresPage from '../../src/package-staff/notify-failures/index';
import type { NotifyFailuresSummaryOutput } from '../../src/shared/schemas/console';
import { call } from '../../src/services/cloud';
import { setLocale } from '../../src/stores/settings';
import { mockActions } from '../mocks/cloud';
import { county } from './support/moderationFixtures';
import { findElement } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);
afterEach(() => act(() => setLocale('zh-CN')));

const summary = (overrides: Partial<NotifyFailuresSummaryOutput> = {}): NotifyFailuresSummaryOutput => ({
  regionId: 'cty-linxi',
  since: '2026-11-29T00:00:00.000Z',
  total: 3,
  counted: 3,
  byKind: [
    { kind: 'seat_offer', count: 2 },
    { kind: 'something_new', count: 1 },
  ],
  byError: [
    { errcode: 43101, count: 2 },
    { errcode: 12345, count: 1 },
  ],
  latest: [{ id: 'f1', kind: 'seat_offer', errcode: 43101, message: 'user refuse to accept the msg', recipient: '赵＊', createdAt: '2026-12-05T02:00:00.000Z' }],
  ...overrides,
});

test('counts by type and by reason in words, and the latest with the recipient masked', async () => {
  mockActions({ 'account.me': county, 'notifyFailures.summary': () => summary() });
  renderPage(<NotifyFailuresPage />);
  await findElement('.notify-failures__summary');
  expect(call).toHaveBeenCalledWith('notifyFailures.summary', { regionId: 'cty-linxi' });
  expect(screen.getByText('共 3 条')).toBeTruthy();
  const rows = (selector: string) => Array.from(document.querySelectorAll(`${selector} .notify-failures__row`)).map((row) => row.textContent);
  expect(rows('.notify-failures__by-kind')).toEqual(['候补转正机会2', '其他（something_new）1']);
  expect(rows('.notify-failures__by-error')).toEqual(['用户未订阅或订阅次数已用完2', '其他错误（12345）1']);
  expect(screen.getByText('收件人 赵＊')).toBeTruthy();
});

test('in English, and an empty week says so', async () => {
  act(() => setLocale('en'));
  mockActions({ 'account.me': county, 'notifyFailures.summary': () => summary({ total: 0, counted: 0, byKind: [], byError: [], latest: [] }) });
  renderPage(<NotifyFailuresPage />);
  await waitFor(() => expect(screen.getByText('No undelivered messages in the last 7 days')).toBeTruthy());
});

/**
 * A server refusal in the reader's language: the envelope names its domain case (`reason`,
 * src/shared/domainErrors) and the app says it in English to an English reader, in the server's
 * Chinese otherwise. The error the page gets is made by the real transport (clientErrorOf).
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ActivityPage from '../../src/pages/activity/index';
import { clientErrorOf } from '../../src/services/cloud';
import { setLocale } from '../../src/stores/settings';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { activityDetail, noProxies } from './support/eventFixtures';
import { account } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const ALREADY_SIGNED_UP = { code: 'CONFLICT', message: '你已经报名了本次活动', reason: 'signups.already_signed_up' } as const;

beforeEach(() => {
  resetApp();
  routerParams.id = 'a0123456789abcdef01234567';
});

afterEach(() => act(() => setLocale('zh-CN')));

async function signUpRefused(): Promise<void> {
  mockActions({
    'account.me': () => account(),
    'activities.get': () => activityDetail(),
    'proxies.list': noProxies,
    'signups.create': () => {
      throw clientErrorOf(ALREADY_SIGNED_UP);
    },
  });
  renderPage(<ActivityPage />);
  await screen.findByText('周末护河行动');
  const signUp = document.querySelector<HTMLElement>('.activity__action');
  if (!signUp) throw new Error('no sign-up button');
  await act(async () => {
    fireEvent.click(signUp);
  });
}

describe('server refusals on a page', () => {
  it('an English reader reads the refusal in English', async () => {
    act(() => setLocale('en'));
    await signUpRefused();
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: 'You have already signed up for this activity.', icon: 'none' })));
  });

  it('a Chinese reader reads the server’s own words', async () => {
    await signUpRefused();
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '你已经报名了本次活动', icon: 'none' })));
  });
});

describe('clientErrorOf', () => {
  it('fills the params into the English text', () => {
    act(() => setLocale('en'));
    const error = clientErrorOf({ code: 'CONFLICT', message: '已有 12 人报名，名额不能少于 12', reason: 'activities.capacity_below_signups', params: { total: 12 } });
    expect([error.code, error.reason, error.message]).toEqual(['CONFLICT', 'activities.capacity_below_signups', '12 people have signed up, so there must be at least 12 places.']);
  });

  // hours.* load with package-volunteer (src/locales/errors.volunteer.*), where the pages that
  // meet them are; a main-package page can still meet one before the subpackage has loaded.
  it('says a refusal whose texts have not loaded yet by its code, or in the server’s words, never as a raw code', () => {
    const handled = { code: 'CONFLICT', message: '这条申报已处理', reason: 'hours.report_handled' } as const;
    const tooOld = { code: 'INVALID_INPUT', message: 'serviceDate: 只能申报 90 天内的服务', issues: [{ path: 'serviceDate', message: '只能申报 90 天内的服务' }], reason: 'hours.service_date_too_old', params: { days: 90 } } as const;
    act(() => setLocale('en'));
    expect(clientErrorOf(handled).message).toBe('Something changed meanwhile. Please refresh and try again.');
    const english = clientErrorOf({ ...tooOld, issues: [...tooOld.issues] });
    expect(english.message).toMatch(/^Please check what you entered/);
    expect(english.issues).toEqual([{ path: 'serviceDate', message: '只能申报 90 天内的服务' }]);
    act(() => setLocale('zh-CN'));
    expect(clientErrorOf(handled).message).toBe('这条申报已处理');
    for (const error of [clientErrorOf(handled), clientErrorOf({ ...tooOld, issues: [...tooOld.issues] })]) expect(error.message).not.toMatch(/hours\.|report_handled|service_date/);
  });

  it('says a field case’s issue in English once its subpackage has loaded', async () => {
    await import('../../src/package-volunteer/locale');
    act(() => setLocale('en'));
    expect(clientErrorOf({ code: 'CONFLICT', message: '这条申报已处理', reason: 'hours.report_handled' }).message).toBe('This report has already been handled.');
    const error = clientErrorOf({
      code: 'INVALID_INPUT',
      message: 'serviceDate: 只能申报 90 天内的服务',
      issues: [{ path: 'serviceDate', message: '只能申报 90 天内的服务' }],
      reason: 'hours.service_date_too_old',
      params: { days: 90 },
    });
    expect(error.issues).toEqual([{ path: 'serviceDate', message: 'Only service within the last 90 days can be reported.' }]);
    expect(error.message).toContain('Only service within the last 90 days can be reported.');
    expect(error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('falls back to the code’s text for a reason this build does not know, and ignores params that are not text or numbers', () => {
    act(() => setLocale('en'));
    const error = clientErrorOf({ code: 'CONFLICT', message: '某个新的情况', reason: 'signups.from_a_newer_server', params: { n: { $gt: '' } } as unknown as Record<string, string> });
    expect(error.message).toBe('Something changed meanwhile. Please refresh and try again.');
    act(() => setLocale('zh-CN'));
    expect(clientErrorOf({ code: 'CONFLICT', message: '某个新的情况', reason: 'signups.from_a_newer_server' }).message).toBe('某个新的情况');
  });
});

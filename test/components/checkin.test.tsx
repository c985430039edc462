import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CheckinPage from '../../src/pages/checkin/index';
import { parseScene, sceneFromScan } from '../../src/pages/checkin/scene';
import { safeReturnTo } from '../../src/utils/routes';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { activityCard, activityDetail, inHours, mySignup } from './support/eventFixtures';
import { account } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const ID = 'a0123456789abcdef01234567';
const soon = () => activityDetail({ startAt: inHours(0.5), mySignup: mySignup({ status: 'confirmed' }) });
const checkedIn = (at: string) => ({ activityId: ID, mySignup: mySignup({ status: 'confirmed', checkedInAt: at }), seatsLeft: 4, waitlistLength: 0 });

beforeEach(resetApp);

function codeInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('.linli-code-input input');
  if (!input) throw new Error('code input not rendered');
  return input;
}

/** The Taro input web component renders its native input a moment after React mounts it. */
const typeCode = async (value: string) => {
  fireEvent.input(await waitFor(codeInput), { target: { value } });
};

describe('check-in page', () => {
  it('checks in with the 6-digit code the leader shows (the H5 way)', async () => {
    routerParams.id = ID;
    const at = new Date().toISOString();
    mockActions({ 'account.me': () => account(), 'activities.get': soon, 'checkin.scan': () => checkedIn(at) });
    renderPage(<CheckinPage />);

    expect(await screen.findByText('周末护河行动')).toBeTruthy();
    expect(screen.getByText('请输入组织者出示的 6 位签到码')).toBeTruthy();
    const submit = document.querySelector<HTMLElement>('.checkin__submit')!;
    expect(submit.textContent).toBe('确认签到');
    expect(submit.className).toContain('disabled');

    await typeCode('12a34567');
    await waitFor(() => expect(codeInput().value).toBe('123456'));
    await act(async () => {
      fireEvent.click(document.querySelector('.checkin__submit')!);
    });

    expect(call).toHaveBeenCalledWith('checkin.scan', { activityId: ID, code: '123456', direction: 'in' });
    expect(await screen.findByText('签到成功')).toBeTruthy();
    // once in, the same page checks out
    expect(document.querySelector('.checkin__submit')!.textContent).toBe('确认签退');
  });

  it('arriving from the QR code (scene = id prefix + code) checks in at once', async () => {
    routerParams.scene = encodeURIComponent(`${ID.slice(0, 25)}.654321`);
    mockActions({ 'account.me': () => account(), 'activities.get': soon, 'checkin.scan': () => checkedIn(new Date().toISOString()) });
    renderPage(<CheckinPage />);

    expect(await screen.findByText('签到成功')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('activities.get', { activityId: ID });
    expect(call).toHaveBeenCalledWith('checkin.scan', { activityId: ID, code: '654321', direction: 'in' });
  });

  it('shows why a code was refused and lets the resident try again', async () => {
    routerParams.id = ID;
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'activities.get': soon,
      'checkin.scan': () => {
        if (fail) throw new ClientError('INVALID_INPUT', '填写的内容有误：code签到码不正确或已过期');
        return checkedIn(new Date().toISOString());
      },
    });
    renderPage(<CheckinPage />);
    await screen.findByText('周末护河行动');
    await typeCode('000000');
    await act(async () => {
      fireEvent.click(document.querySelector('.checkin__submit')!);
    });
    expect(await screen.findByText('填写的内容有误：code签到码不正确或已过期')).toBeTruthy();
    fail = false;
    await typeCode('111111');
    await act(async () => {
      fireEvent.click(document.querySelector('.checkin__submit')!);
    });
    expect(await screen.findByText('签到成功')).toBeTruthy();
  });

  it('without a confirmed sign-up there is nothing to check in to', async () => {
    routerParams.id = ID;
    mockActions({ 'account.me': () => account(), 'activities.get': () => activityDetail({ startAt: inHours(0.5), mySignup: mySignup({ status: 'waitlisted', waitlistPosition: 1 }) }) });
    renderPage(<CheckinPage />);
    expect(await screen.findByText('你还没有本次活动的确认报名')).toBeTruthy();
    expect(document.querySelector('.linli-code-input')).toBeNull();
  });

  it('without an activity, lists mine that are open for check-in now', async () => {
    mockActions({
      'account.me': () => account(),
      'signups.mine': () => ({
        items: [
          activityCard({ id: 'a-now', title: '马上开始的活动', startAt: inHours(0.5), endAt: inHours(2), mySignup: mySignup() }),
          activityCard({ id: 'a-later', title: '下周的活动', startAt: inHours(150), endAt: inHours(152), mySignup: mySignup() }),
        ],
        total: 2,
        hasMore: false,
      }),
    });
    renderPage(<CheckinPage />);
    expect(await screen.findByText('马上开始的活动')).toBeTruthy();
    expect(screen.queryByText('下周的活动')).toBeNull();
    fireEvent.click(screen.getByText('马上开始的活动'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/checkin/index?id=a-now' });
  });

  it('shows an error with retry when the activity cannot be loaded', async () => {
    routerParams.id = ID;
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'activities.get': () => {
        if (fail) throw new ClientError('NETWORK', '网络连接失败，请检查网络后重试');
        return soon();
      },
    });
    renderPage(<CheckinPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('周末护河行动')).toBeTruthy();
  });
});

describe('check-in scenes', () => {
  it('reads the scene as WeChat passes it, inside a scanned path, or inside the H5 URL', () => {
    expect(parseScene('a0123456789abcdef01234567.123456')).toEqual({ activityId: 'a0123456789abcdef01234567', code: '123456' });
    expect(parseScene('a0123456789abcdef01234567%2E123456')).toEqual({ activityId: 'a0123456789abcdef01234567', code: '123456' });
    expect(sceneFromScan('pages/checkin/index?scene=a0123456789abcdef01234567.123456')).toEqual({ activityId: 'a0123456789abcdef01234567', code: '123456' });
    expect(sceneFromScan('http://127.0.0.1:8080/#/pages/checkin/index?scene=a0123456789abcdef01234567.123456')).toEqual({ activityId: 'a0123456789abcdef01234567', code: '123456' });
    expect(parseScene('a0123456789abcdef01234567.12345')).toBeNull();
    expect(sceneFromScan('https://example.com/')).toBeNull();
    expect(parseScene(undefined)).toBeNull();
  });
});

describe('a QR code opened in a browser without a session', () => {
  it('comes back to the check-in (or activity) page after signing in', () => {
    expect(safeReturnTo('/pages/checkin/index?scene=a0123456789abcdef01234567.123456')).toBe('/pages/checkin/index?scene=a0123456789abcdef01234567.123456');
    expect(safeReturnTo('%2Fpages%2Factivity%2Findex%3Fid%3Da1')).toBe('/pages/activity/index?id=a1');
    expect(safeReturnTo('/package-events/code/index?id=a1')).toBe('/package-events/code/index?id=a1');
    expect(safeReturnTo('https://example.com/pages/checkin/index')).toBeNull();
    expect(safeReturnTo('/pages/login/index')).toBeNull();
  });
});

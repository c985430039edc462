import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ActivityPage from '../../src/pages/activity/index';
import { actionsFor } from '../../src/pages/activity/actions';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams, triggerLifecycle } from '../mocks/taro';
import { activityDetail, inHours, mySignup, noProxies } from './support/eventFixtures';
import { account } from './support/fixtures';
import { findElement } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const ID = 'a0123456789abcdef01234567';

beforeEach(() => {
  resetApp();
  routerParams.id = ID;
});

function button(selector: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`${selector} not rendered`);
  return element;
}

describe('activity page', () => {
  it('shows the activity: time, place, seats, rules, volunteer hours and the sign-up button', async () => {
    mockActions({ 'account.me': () => account(), 'activities.get': () => activityDetail({ startAt: '2099-11-26T01:00:00.000Z', endAt: '2099-11-26T03:00:00.000Z', cancelCutoffAt: '2099-11-25T01:00:00.000Z', signupCloseAt: '2099-11-26T01:00:00.000Z' }), 'proxies.list': noProxies });
    renderPage(<ActivityPage />);

    expect(await screen.findByText('周末护河行动')).toBeTruthy();
    expect(screen.getByText('2099年11月26日 周四 09:00–11:00')).toBeTruthy();
    expect(screen.getByText('南湖公园东门')).toBeTruthy();
    expect(screen.getByText('城关街道南湖路 1 号')).toBeTruthy();
    expect(screen.getByText('剩 4 个名额')).toBeTruthy();
    expect(screen.getByText('活动开始前 24 小时内取消记为迟退')).toBeTruthy();
    expect(screen.getByText('志愿 2 小时 · 每小时 10 积分')).toBeTruthy();
    expect(screen.getByText('即日起至 2099年11月26日 周四 09:00')).toBeTruthy();
    expect(button('.activity__action').textContent).toBe('立即报名');
    expect(call).toHaveBeenCalledWith('activities.get', { activityId: ID });
    // H5 has no map component: the address can be copied instead.
    fireEvent.click(screen.getByText('复制地址'));
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '南湖公园东门 城关街道南湖路 1 号' }));
  });

  it('signs up for a full activity: joins the waitlist and shows my position', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ seatsLeft: 0, waitlistLength: 1 }),
      'proxies.list': noProxies,
      'signups.create': () => ({ activityId: ID, mySignup: mySignup({ status: 'waitlisted', waitlistPosition: 2 }), seatsLeft: 0, waitlistLength: 2 }),
    });
    renderPage(<ActivityPage />);
    await screen.findByText('周末护河行动');
    expect(button('.activity__action').textContent).toBe('名额已满，加入候补');

    await act(async () => {
      fireEvent.click(button('.activity__action'));
    });

    expect(call).toHaveBeenCalledWith('signups.create', { activityId: ID });
    expect(await screen.findByText('你在候补名单第 2 位')).toBeTruthy();
    expect(screen.getByText('有人取消时，按候补顺序通知你，收到通知后请在 12 小时内确认。')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入候补，第 2 位' }));
    expect(button('.activity__cancel').textContent).toBe('退出候补');
    expect(document.querySelector('.activity__action')).toBeNull();
  });

  it('a seat offered to someone on the waitlist is shown as held, and the page offers the waitlist, not a free seat', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ capacity: 10, seatsLeft: 0, seatsOnOffer: 1, waitlistLength: 2 }),
      'proxies.list': noProxies,
      'signups.create': () => ({ activityId: ID, mySignup: mySignup({ status: 'waitlisted', waitlistPosition: 3 }), seatsLeft: 0, seatsOnOffer: 1, waitlistLength: 3 }),
    });
    renderPage(<ActivityPage />);
    await screen.findByText('周末护河行动');

    expect(document.querySelector('.activity__held')!.textContent).toBe('1 个名额正在等待候补确认');
    expect(document.querySelector('.activity__seats-fact')!.textContent).toContain('1 个名额正在等待候补确认');
    expect(screen.queryByText('立即报名')).toBeNull();
    expect(button('.activity__action').textContent).toBe('名额已满，加入候补');

    await act(async () => {
      fireEvent.click(button('.activity__action'));
    });
    expect(await screen.findByText('你在候补名单第 3 位')).toBeTruthy();
    // still held after my sign-up: the answer carries the seats on offer
    expect(document.querySelector('.activity__held')!.textContent).toBe('1 个名额正在等待候补确认');
  });

  it('a full activity that asks for approval offers to apply for the waitlist', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ seatsLeft: 0, seatsOnOffer: 2, approvalRequired: true }),
      'proxies.list': noProxies,
    });
    renderPage(<ActivityPage />);
    await screen.findByText('周末护河行动');
    expect(document.querySelector('.activity__held')!.textContent).toBe('2 个名额正在等待候补确认');
    expect(button('.activity__action').textContent).toBe('名额已满，申请候补');
  });

  it('an activity that has ended shows no seats left', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ startAt: inHours(-5), seatsLeft: 4, seatsOnOffer: 1, waitlistLength: 0 }),
      'proxies.list': noProxies,
    });
    renderPage(<ActivityPage />);
    await screen.findByText('周末护河行动');
    expect(screen.queryByText('剩余名额')).toBeNull();
    expect(screen.queryByText('剩 4 个名额')).toBeNull();
    expect(document.querySelector('.activity__held')).toBeNull();
    expect(document.querySelector('.activity__seats-fact')!.textContent).toContain('活动已结束');
    expect(screen.getByText('总名额')).toBeTruthy();
  });

  it('a minor is asked for the guardian\'s consent when the server wants it, then signed up with it', async () => {
    let asked = 0;
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail(),
      'proxies.list': noProxies,
      'signups.create': (input) => {
        asked += 1;
        if (!input.guardianConsent) {
          throw new ClientError('INVALID_INPUT', '未满 18 周岁，报名需要监护人同意', [{ path: 'guardianConsent', message: '未满 18 周岁，报名需要监护人同意' }]);
        }
        return { activityId: ID, mySignup: mySignup({ status: 'confirmed' }), seatsLeft: 4, waitlistLength: 0 };
      },
    });
    renderPage(<ActivityPage />);
    await screen.findByText('周末护河行动');
    await act(async () => {
      fireEvent.click(button('.activity__action'));
    });
    const dialog = await findElement('.activity__guardian');
    expect(within(dialog).getByText('需要监护人同意')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByText('监护人已同意'));
    });
    await waitFor(() => expect(call).toHaveBeenLastCalledWith('signups.create', { activityId: ID, guardianConsent: true }));
    expect(asked).toBe(2);
    expect(await screen.findByText('取消报名')).toBeTruthy();
  });

  it('an offered seat shows a countdown and is confirmed with one tap', async () => {
    const expires = Date.now() + 2 * 3600_000 - 5_000;
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ seatsLeft: 0, mySignup: mySignup({ status: 'offered', offerExpiresAt: new Date(expires).toISOString() }) }),
      'proxies.list': noProxies,
      'signups.confirmOffer': () => ({ activityId: ID, mySignup: mySignup({ status: 'confirmed' }), seatsLeft: 0, waitlistLength: 0 }),
    });
    renderPage(<ActivityPage />);

    expect(await screen.findByText('剩余确认时间')).toBeTruthy();
    // What is left when the page last ticked: at most what was left when the test began, at
    // least what is left now (however long a loaded machine took to render it).
    const shown = document.querySelector('.activity__countdown-value')!.textContent ?? '';
    expect(shown).toMatch(/^1:\d{2}:\d{2}$/);
    const [h, m, s] = shown.split(':').map(Number);
    const secondsShown = h! * 3600 + m! * 60 + s!;
    expect(secondsShown).toBeLessThanOrEqual(2 * 3600 - 5);
    expect(secondsShown).toBeGreaterThanOrEqual(Math.floor((expires - Date.now()) / 1000));
    expect(screen.getByText(/^有空位了！请在 .+ 前确认参加/)).toBeTruthy();
    expect(button('.activity__action').textContent).toBe('确认参加');
    expect(button('.activity__cancel').textContent).toBe('放弃名额');

    await act(async () => {
      fireEvent.click(button('.activity__action'));
    });
    expect(call).toHaveBeenCalledWith('signups.confirmOffer', { activityId: ID });
    expect(await screen.findByText('报名成功，请准时参加。活动开始前一小时起可以签到。')).toBeTruthy();
    expect(document.querySelector('.activity__countdown')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已确认，名额保留给你' }));
  });

  it('the countdown ticks down each second', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const expires = Date.now() + 65_000;
      mockActions({
        'account.me': () => account(),
        'activities.get': () => activityDetail({ mySignup: mySignup({ status: 'offered', offerExpiresAt: new Date(expires).toISOString() }) }),
        'proxies.list': noProxies,
      });
      renderPage(<ActivityPage />);
      const seconds = () => {
        const [m, s] = (document.querySelector('.activity__countdown-value')?.textContent ?? '').split(':').map(Number);
        return m! * 60 + s!;
      };
      await waitFor(() => expect(document.querySelector('.activity__countdown-value')).toBeTruthy());
      const before = seconds();
      expect(before).toBeGreaterThan(55);
      expect(before).toBeLessThanOrEqual(65);
      act(() => {
        jest.advanceTimersByTime(2_000);
      });
      expect(seconds()).toBe(before - 2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('cancelling after the cutoff warns that it counts as late first', async () => {
    mockActions({
      'account.me': () => account(),
      // Starts in 5 hours; the cutoff (24 h before) has passed.
      'activities.get': () => activityDetail({ startAt: inHours(5), mySignup: mySignup({ status: 'confirmed' }) }),
      'proxies.list': noProxies,
      'signups.cancel': () => ({ activityId: ID, mySignup: mySignup({ status: 'late_cancelled' }), seatsLeft: 5, waitlistLength: 0 }),
    });
    renderPage(<ActivityPage />);
    await screen.findByText('报名成功，请准时参加。活动开始前一小时起可以签到。');

    fireEvent.click(button('.activity__cancel'));
    expect(await screen.findByText('现在取消会记为迟退')).toBeTruthy();
    expect(screen.getByText('活动开始前 24 小时内取消会记为迟退，多次迟退或缺席可能暂时不能报名该组织的活动。仍要取消吗？')).toBeTruthy();
    await act(async () => {
      fireEvent.click(button('.linli-confirm .nut-dialog-footer-ok'));
    });

    expect(call).toHaveBeenCalledWith('signups.cancel', { activityId: ID });
    expect(await screen.findByText('你在活动开始前 24 小时内取消了报名，已记为迟退。')).toBeTruthy();
    expect(button('.activity__action').textContent).toBe('立即报名');
  });

  it('cancelling before the cutoff asks plainly, without the late warning', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ mySignup: mySignup({ status: 'confirmed' }) }),
      'proxies.list': noProxies,
      'signups.cancel': () => ({ activityId: ID, mySignup: mySignup({ status: 'cancelled' }), seatsLeft: 5, waitlistLength: 0 }),
    });
    renderPage(<ActivityPage />);
    await screen.findByText('报名成功，请准时参加。活动开始前一小时起可以签到。');

    fireEvent.click(button('.activity__cancel'));
    expect(await screen.findByText('确定取消“周末护河行动”的报名吗？名额会让给候补的邻居。')).toBeTruthy();
    expect(screen.queryByText('现在取消会记为迟退')).toBeNull();
    await act(async () => {
      fireEvent.click(button('.linli-confirm .nut-dialog-footer-ok'));
    });
    expect(call).toHaveBeenCalledWith('signups.cancel', { activityId: ID });
    expect(await screen.findByText('你已取消报名，如有空位可以重新报名。')).toBeTruthy();
  });

  it('check-in opens from the page once the activity is about to start', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ startAt: inHours(0.5), mySignup: mySignup({ status: 'confirmed' }) }),
      'proxies.list': noProxies,
    });
    renderPage(<ActivityPage />);
    await screen.findByText('周末护河行动');
    expect(button('.activity__action').textContent).toBe('去签到');
    fireEvent.click(button('.activity__action'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/checkin/index?id=${ID}` });
  });

  it('signs up someone who authorised me, and shows where they landed', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail(),
      'proxies.list': () => ({ canActFor: [{ userId: 'u-grandma', nickname: '刘奶奶', relation: 'family', since: '2025-11-01T00:00:00.000Z' }], actingForMe: [] }),
      'signups.create': () => ({ activityId: ID, mySignup: mySignup({ status: 'confirmed', id: 's-grandma' }), seatsLeft: 3, waitlistLength: 0 }),
    });
    renderPage(<ActivityPage />);
    expect(await screen.findByText('刘奶奶')).toBeTruthy();
    expect(screen.getByText('家人')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByText('代TA报名'));
    });
    expect(call).toHaveBeenCalledWith('signups.create', { activityId: ID, forUserId: 'u-grandma' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已为刘奶奶报名' }));
    expect(await screen.findByText('取消代报')).toBeTruthy();
    expect(screen.getByText('剩 3 个名额')).toBeTruthy();
  });

  it('shows the leader tools the server allows, and the share card', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ abilities: ['activities.view', 'signups.create', 'activities.edit', 'activities.cancel', 'signups.manage', 'checkin.show'] }),
      'proxies.list': noProxies,
    });
    renderPage(<ActivityPage />);
    await screen.findByText('组织者工具');

    fireEvent.click(screen.getByText('出示签到码'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/package-events/code/index?id=${ID}` });
    fireEvent.click(screen.getByText('报名名单与签到'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/package-events/roster/index?id=${ID}` });
    fireEvent.click(screen.getByText('编辑活动'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/package-events/edit/index?id=${ID}` });

    let shared: unknown[] = [];
    act(() => {
      shared = triggerLifecycle('shareAppMessage');
    });
    expect(shared).toEqual([{ title: expect.stringMatching(/^周末护河行动 · /), path: `/pages/activity/index?id=${ID}`, imageUrl: '/assets/share/default.png' }]);
  });

  it('residents see no leader tools; a cancelled activity says why and offers nothing', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ status: 'cancelled', cancelReason: '天气预报有暴雨', abilities: ['activities.view'] }),
    });
    renderPage(<ActivityPage />);
    expect(await screen.findByText('这个活动已取消：天气预报有暴雨')).toBeTruthy();
    expect(screen.queryByText('组织者工具')).toBeNull();
    expect(document.querySelector('.activity__action')).toBeNull();
  });

  it('tells why a sign-up failed and shows the activity as it is now', async () => {
    let gets = 0;
    mockActions({
      'account.me': () => account(),
      'activities.get': () => {
        gets += 1;
        return activityDetail();
      },
      'proxies.list': noProxies,
      'signups.create': () => {
        throw new ClientError('SIGNUP_CLOSED', '报名已截止');
      },
    });
    renderPage(<ActivityPage />);
    await screen.findByText('周末护河行动');
    await act(async () => {
      fireEvent.click(button('.activity__action'));
    });
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名已截止', icon: 'none' })));
    await waitFor(() => expect(gets).toBe(2));
  });

  it('shows an error with retry when the activity cannot be loaded', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'activities.get': () => {
        if (fail) throw new ClientError('NETWORK', '网络连接失败，请检查网络后重试');
        return activityDetail();
      },
      'proxies.list': noProxies,
    });
    renderPage(<ActivityPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('周末护河行动')).toBeTruthy();
  });
});

describe('what the activity page offers (actionsFor)', () => {
  const now = Date.parse('2030-06-01T00:00:00Z');
  const at = (hours: number) => new Date(now + hours * 3600_000).toISOString();
  const detail = (overrides: Parameters<typeof activityDetail>[0] = {}) =>
    activityDetail({ startAt: at(48), endAt: at(50), cancelCutoffAt: at(24), signupOpenAt: at(-24), signupCloseAt: at(48), ...overrides });

  it('sign up, join the waitlist, or apply', () => {
    expect(actionsFor(detail(), now).primary).toEqual({ kind: 'signup', waitlist: false, approval: false });
    expect(actionsFor(detail({ seatsLeft: 0 }), now).primary).toEqual({ kind: 'signup', waitlist: true, approval: false });
    expect(actionsFor(detail({ approvalRequired: true }), now).primary).toEqual({ kind: 'signup', waitlist: false, approval: true });
  });

  it('the sign-up window: not yet open, closed, or no ability', () => {
    expect(actionsFor(detail({ signupOpenAt: at(1) }), now).primary).toEqual({ kind: 'notOpen', opensAt: at(1) });
    expect(actionsFor(detail({ signupCloseAt: at(-1) }), now).primary).toEqual({ kind: 'closed' });
    expect(actionsFor(detail({ abilities: ['activities.view'] }), now).primary).toEqual({ kind: 'closed' });
  });

  it('cancel is late only for a confirmed seat after the cutoff', () => {
    expect(actionsFor(detail({ mySignup: mySignup() }), now).cancel).toEqual({ kind: 'signup', late: false });
    expect(actionsFor(detail({ cancelCutoffAt: at(-1), mySignup: mySignup() }), now).cancel).toEqual({ kind: 'signup', late: true });
    expect(actionsFor(detail({ cancelCutoffAt: at(-1), mySignup: mySignup({ status: 'waitlisted' }) }), now).cancel).toEqual({ kind: 'waitlist', late: false });
  });

  it('check-in from an hour before the start; check-out once in; nothing after checking out', () => {
    const soon = { startAt: at(0.5), endAt: at(2) };
    expect(actionsFor(detail({ ...soon, mySignup: mySignup() }), now).primary).toEqual({ kind: 'checkin', direction: 'in' });
    expect(actionsFor(detail({ ...soon, mySignup: mySignup({ checkedInAt: at(-0.1) }) }), now)).toEqual({ primary: { kind: 'checkin', direction: 'out' }, cancel: null });
    expect(actionsFor(detail({ ...soon, mySignup: mySignup({ checkedInAt: at(-0.1), checkedOutAt: at(0) }) }), now).primary).toBeNull();
    expect(actionsFor(detail({ startAt: at(1.5), endAt: at(3), mySignup: mySignup() }), now).primary).toBeNull();
  });

  it('a cancelled activity offers nothing; an ended sign-up may sign up again', () => {
    expect(actionsFor(detail({ status: 'cancelled', mySignup: mySignup() }), now)).toEqual({ primary: null, cancel: null });
    expect(actionsFor(detail({ mySignup: mySignup({ status: 'expired' }) }), now).primary).toEqual({ kind: 'signup', waitlist: false, approval: false });
    // hidden while moderators review it: no sign-up, but a held seat can still be given up
    expect(actionsFor(detail({ status: 'hidden', abilities: ['activities.view'] }), now)).toEqual({ primary: null, cancel: null });
    expect(actionsFor(detail({ status: 'hidden', mySignup: mySignup() }), now)).toEqual({ primary: null, cancel: { kind: 'signup', late: false } });
  });
});

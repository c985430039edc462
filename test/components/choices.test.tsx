/**
 * Issue 16, "confusing choices": each defect the walkthrough met, on the real pages.
 *  - a dialog whose confirm is itself a "取消…" names its dismiss by what stays (保留报名), never
 *    a second 取消;
 *  - reject / suspend / remove are outlined in the danger tone, never the primary orange of approve;
 *  - once a member, the group page's big button leads to the group's activities, and leaving is a
 *    quiet link (still confirmed);
 *  - a record that no longer exists (NOT_FOUND) says so and leads home, instead of the
 *    network-error picture with 重新加载.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ActivityPage from '../../src/pages/activity/index';
import GroupPage from '../../src/pages/group/index';
import CancelActivityPage from '../../src/package-events/cancel/index';
import MembersPage from '../../src/package-leader/members/index';
import RequestsPage from '../../src/package-leader/requests/index';
import ReviewPage from '../../src/package-staff/review/index';
import ModerationQueuePage from '../../src/package-staff/moderation/index';
import { call, ClientError } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { activityDetail, inHours, mySignup, noProxies } from './support/eventFixtures';
import { account, groupDetail } from './support/fixtures';
import { caseView, committee } from './support/moderationFixtures';
import { application, findElement, joinRequest, leaderGroup, member } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const ACTIVITY_ID = 'a0123456789abcdef01234567';
const since = '2025-02-01T00:00:00.000Z';

beforeEach(() => {
  resetApp();
});

function element(selector: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not rendered`);
  return found;
}

/** The open confirm dialog's two buttons, as the resident reads them. */
async function dialogButtons(): Promise<{ ok: HTMLElement; dismiss: HTMLElement }> {
  return waitFor(() => ({ ok: element('.linli-confirm .nut-dialog-footer-ok'), dismiss: element('.linli-confirm .nut-dialog-footer-cancel') }));
}

describe('a dialog that confirms a cancellation names its dismiss by what stays', () => {
  beforeEach(() => {
    routerParams.id = ACTIVITY_ID;
  });

  it('cancelling a sign-up: 保留报名 beside 取消报名, and 保留报名 cancels nothing', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ mySignup: mySignup({ status: 'confirmed' }) }),
      'proxies.list': noProxies,
      'signups.cancel': () => ({ activityId: ACTIVITY_ID, mySignup: mySignup({ status: 'cancelled' }), seatsLeft: 5, waitlistLength: 0 }),
    });
    renderPage(<ActivityPage />);
    await screen.findByText('报名成功，请准时参加。活动开始前一小时起可以签到。');

    fireEvent.click(element('.activity__cancel'));
    const { ok, dismiss } = await dialogButtons();
    expect(ok.textContent).toBe('取消报名');
    expect(dismiss.textContent).toBe('保留报名');

    fireEvent.click(dismiss);
    await waitFor(() => expect(screen.queryByText('确定取消“周末护河行动”的报名吗？名额会让给候补的邻居。')).toBeNull());
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('signups.cancel');
  });

  it('the late variant: 保留报名 beside 仍要取消', async () => {
    mockActions({
      'account.me': () => account(),
      // Starts in 5 hours: the 24-hour cutoff has passed.
      'activities.get': () => activityDetail({ startAt: inHours(5), mySignup: mySignup({ status: 'confirmed' }) }),
      'proxies.list': noProxies,
    });
    renderPage(<ActivityPage />);
    await screen.findByText('报名成功，请准时参加。活动开始前一小时起可以签到。');
    fireEvent.click(element('.activity__cancel'));
    const { ok, dismiss } = await dialogButtons();
    expect(ok.textContent).toBe('仍要取消');
    expect(dismiss.textContent).toBe('保留报名');
  });

  it('leaving the waitlist: 继续候补 beside 退出候补', async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail({ seatsLeft: 0, waitlistLength: 2, mySignup: mySignup({ status: 'waitlisted', waitlistPosition: 2 }) }),
      'proxies.list': noProxies,
    });
    renderPage(<ActivityPage />);
    await waitFor(() => expect(element('.activity__cancel').textContent).toBe('退出候补'));
    fireEvent.click(element('.activity__cancel'));
    const waitlist = await dialogButtons();
    expect(waitlist.ok.textContent).toBe('退出候补');
    expect(waitlist.dismiss.textContent).toBe('继续候补');
  });

  it("the guardian's consent dialog offers 暂不报名, not a bare 取消", async () => {
    mockActions({
      'account.me': () => account(),
      'activities.get': () => activityDetail(),
      'proxies.list': noProxies,
      'signups.create': () => {
        throw new ClientError('INVALID_INPUT', '需要监护人同意', [{ path: 'guardianConsent', message: '需要监护人同意' }]);
      },
    });
    renderPage(<ActivityPage />);
    await screen.findByText('周末护河行动');
    await act(async () => {
      fireEvent.click(element('.activity__action'));
    });
    const { ok, dismiss } = await waitFor(() => ({ ok: element('.activity__guardian .nut-dialog-footer-ok'), dismiss: element('.activity__guardian .nut-dialog-footer-cancel') }));
    expect(ok.textContent).toBe('监护人已同意');
    expect(dismiss.textContent).toBe('暂不报名');
  });

  it("cancelling an activity (the leader's page): 保留活动 beside 取消活动", async () => {
    mockActions({
      'account.me': () => account({ id: 'u-li', nickname: '李队长' }),
      'activities.get': () => activityDetail({ abilities: ['activities.view', 'activities.edit', 'activities.cancel', 'signups.manage', 'checkin.show'] }),
    });
    renderPage(<CancelActivityPage />);
    await findElement('.events-cancel__submit');
    fireEvent.click(element('.events-cancel__quick [data-value="events.cancel.reasonWeather"]'));
    fireEvent.click(element('.events-cancel__submit'));
    const { ok, dismiss } = await dialogButtons();
    expect(ok.textContent).toBe('取消活动');
    expect(dismiss.textContent).toBe('保留活动');
  });

  it('taking back a co-leader role (取消副队长): 保留副队长 as the dismiss', async () => {
    routerParams.id = 'g-taiji';
    mockActions({
      'account.me': () => account({ id: 'u-li', nickname: '李队长' }),
      'groups.get': () => leaderGroup(),
      'members.list': () => ({ items: [member({ userId: 'u-li', nickname: '李队长', role: 'leader' }), member({ userId: 'u-qian', nickname: '钱师傅', role: 'co_leader' })], total: 2, hasMore: false }),
    });
    renderPage(<MembersPage />);
    fireEvent.click(await findElement('.members__item[data-user-id="u-qian"] .members__makeMember'));
    const { ok, dismiss } = await dialogButtons();
    expect(ok.textContent).toBe('取消副队长');
    expect(dismiss.textContent).toBe('保留副队长');
  });
});

describe('reject, suspend and remove are not dressed like approve', () => {
  /** Approve is NutUI's solid primary; the taking-away choice is an outline in the danger tone. */
  function expectDistinct(approve: HTMLElement, reject: HTMLElement) {
    expect(approve.classList.contains('nut-button-primary')).toBe(true);
    expect(reject.classList.contains('nut-button-primary')).toBe(false);
    expect(reject.classList.contains('linli-button-danger')).toBe(true);
    expect(reject.classList.contains('nut-button-default-outline')).toBe(true);
  }

  it('the staff review queue', async () => {
    mockActions({
      'account.me': () => account({ id: 'u-zhang', nickname: '张主任', roles: [{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }] }),
      'groups.reviewQueue': () => ({ items: [application()], total: 1, hasMore: false }),
    });
    renderPage(<ReviewPage />);
    const approve = await findElement('.review__approve');
    expectDistinct(approve, element('.review__reject'));
  });

  it("the leader's join requests", async () => {
    routerParams.id = 'g-taiji';
    mockActions({
      'account.me': () => account({ id: 'u-li', nickname: '李队长' }),
      'groups.get': () => leaderGroup(),
      'members.requests': () => ({ items: [joinRequest()] }),
    });
    renderPage(<RequestsPage />);
    const approve = await findElement('.requests__approve');
    expectDistinct(approve, element('.requests__reject'));
  });

  it('the moderation queue: suspend is in the danger tone, hide stays the primary decision', async () => {
    mockActions({
      'account.me': committee,
      'moderation.queue': () => ({ items: [caseView({ id: 'mc-user', targetType: 'user', targetId: 'u-spam', title: '刷屏的人', abilities: ['moderation.view', 'moderation.decide', 'moderation.dismiss'] })], total: 1, hasMore: false }),
    });
    renderPage(<ModerationQueuePage />);
    const suspend = await findElement('.staff-case__action--suspend');
    expect(suspend.classList.contains('linli-button-danger')).toBe(true);
    expect(suspend.classList.contains('nut-button-primary')).toBe(false);
  });

  it("the members list's 移出", async () => {
    routerParams.id = 'g-taiji';
    mockActions({
      'account.me': () => account({ id: 'u-li', nickname: '李队长' }),
      'groups.get': () => leaderGroup(),
      'members.list': () => ({ items: [member({ userId: 'u-li', nickname: '李队长', role: 'leader' }), member({ userId: 'u-zhao', nickname: '赵大爷' })], total: 2, hasMore: false }),
    });
    renderPage(<MembersPage />);
    const remove = await findElement('.members__item[data-user-id="u-zhao"] .members__remove');
    expect(remove.classList.contains('linli-button-danger')).toBe(true);
    expect(element('.members__item[data-user-id="u-zhao"] .members__makeCoLeader').classList.contains('linli-button-danger')).toBe(false);
  });
});

describe("a member's group page", () => {
  beforeEach(() => {
    routerParams.id = 'g-taiji';
  });

  it('offers the group\'s activities as the big button; leaving is a quiet link, confirmed with 留在组织 as the way out', async () => {
    const scrolled: string[] = [];
    const scrollIntoView = jest.fn(function (this: HTMLElement) {
      scrolled.push(this.className);
    });
    // jsdom has no scrollIntoView (the H5 path of scrollToClass); removed again at the end.
    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', { value: scrollIntoView, configurable: true, writable: true });
    mockActions({
      'account.me': () => account(),
      'groups.get': () => groupDetail({ myMembership: { status: 'active', role: 'member', since }, abilities: ['groups.view', 'groups.leave'] }),
      'activities.list': () => ({ items: [], total: 0, hasMore: false }),
      'posts.list': () => ({ items: [], total: 0, hasMore: false }),
    });
    renderPage(<GroupPage />);
    await screen.findByText('你是这个组织的成员');

    const big = element('.group__bar .group__action');
    expect(big.textContent).toBe('看看组织的活动');
    expect(big.classList.contains('nut-button-primary')).toBe(true);
    // no red 退出组织 in the bar any more
    expect(document.querySelector('.group__action--leave')).toBeNull();
    expect(within(element('.group__bar')).queryByText('退出组织')).toBeNull();

    fireEvent.click(big);
    expect(scrolled).toEqual([expect.stringContaining('linli-group-activities')]);

    const leave = element('.group__leave-button');
    expect(leave.textContent).toBe('退出组织');
    expect(leave.classList.contains('nut-button-primary')).toBe(false);
    fireEvent.click(leave);
    const { ok, dismiss } = await dialogButtons();
    expect(ok.textContent).toBe('退出组织');
    expect(dismiss.textContent).toBe('留在组织');
    fireEvent.click(dismiss);
    await waitFor(() => expect(screen.queryByText('确定退出“北苑晨练太极队”吗？')).toBeNull());
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('groups.leave');
    Reflect.deleteProperty(HTMLElement.prototype, 'scrollIntoView');
  });
});

describe('a link to something that no longer exists', () => {
  it('a deleted group: says so and leads home, no 重新加载', async () => {
    routerParams.id = 'g-gone';
    mockActions({
      'account.me': () => account(),
      'groups.get': () => {
        throw new ClientError('NOT_FOUND', '内容不存在或已删除');
      },
    });
    renderPage(<GroupPage />);
    expect(await screen.findByText('这个组织已不存在或已被删除')).toBeTruthy();
    expect(screen.queryByText('重新加载')).toBeNull();
    expect(screen.queryByText('加载失败')).toBeNull();
    expect(document.querySelector('.linli-state--error')).toBeNull();

    fireEvent.click(screen.getByText('返回首页'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }));
  });

  it('a deleted activity: the same gone state, in its own words', async () => {
    routerParams.id = ACTIVITY_ID;
    mockActions({
      'account.me': () => account(),
      'activities.get': () => {
        throw new ClientError('NOT_FOUND', '内容不存在或已删除');
      },
      'proxies.list': noProxies,
    });
    renderPage(<ActivityPage />);
    expect(await screen.findByText('这个活动已不存在或已被删除')).toBeTruthy();
    expect(screen.getByText('返回首页')).toBeTruthy();
    expect(screen.queryByText('重新加载')).toBeNull();
  });

  it('a network failure still offers 重新加载 (the gone state is for NOT_FOUND only)', async () => {
    routerParams.id = 'g-taiji';
    mockActions({
      'account.me': () => account(),
      'groups.get': () => {
        throw new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试');
      },
    });
    renderPage(<GroupPage />);
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    expect(screen.getByText('重新加载')).toBeTruthy();
    expect(screen.queryByText('返回首页')).toBeNull();
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ProxiesPage from '../../src/pages/proxies/index';
import MyActivitiesPage from '../../src/pages/my-activities/index';
import { EventsMenu } from '../../src/components/EventsMenu';
import { GroupActivities } from '../../src/components/GroupActivities';
import { call, ClientError } from '../../src/services/cloud';
import { unreadStore } from '../../src/stores/events';
import { mockActions } from '../mocks/cloud';
import { activityCard, mySignup } from './support/eventFixtures';
import { account, groupDetail } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(() => {
  resetApp();
  act(() => unreadStore.set(null));
});

const since = '2025-11-01T00:00:00.000Z';

/** For `waitFor`, which retries only while its callback throws: an element not there yet throws. */
function present<T extends Element>(element: T | null): T {
  if (!element) throw new Error('not rendered yet');
  return element;
}

describe('proxy consent (代报名授权)', () => {
  it('a helper gets a code; the elder enters one and sees who may sign her up', async () => {
    mockActions({
      'account.me': () => account(),
      'proxies.list': () => ({ canActFor: [], actingForMe: [] }),
      'proxies.request': (input) => {
        expect(input).toEqual({ relation: 'grid_worker' });
        return { code: '482913', expiresAt: '2099-11-26T01:30:00.000Z' };
      },
      'proxies.accept': () => ({ canActFor: [], actingForMe: [{ userId: 'u-fang', nickname: '小芳', relation: 'family', since }] }),
    });
    renderPage(<ProxiesPage />);
    expect(await screen.findByText('还没有人授权你代为报名')).toBeTruthy();
    expect(screen.getByText('还没有授权任何人')).toBeTruthy();

    fireEvent.click(document.querySelector('.proxies__relations [data-value="grid_worker"]')!);
    await act(async () => {
      fireEvent.click(screen.getByText('获取授权码'));
    });
    expect(await screen.findByText('482913')).toBeTruthy();
    expect(screen.getByText('授权码在 2099年11月26日 周四 09:30 前有效')).toBeTruthy();

    const input = await waitFor(() => {
      const element = document.querySelector<HTMLInputElement>('.linli-code-input input');
      if (!element) throw new Error('code input not rendered');
      return element;
    });
    fireEvent.input(input, { target: { value: '135790' } });
    await act(async () => {
      fireEvent.click(screen.getByText('确认授权'));
    });
    expect(call).toHaveBeenCalledWith('proxies.accept', { code: '135790' });
    const acting = await waitFor(() => present(document.querySelector<HTMLElement>('.proxies__acting-for-me')));
    expect(within(acting).getByText('小芳')).toBeTruthy();
    expect(within(acting).getByText('家人 · 2025年11月1日 周六 起')).toBeTruthy();
  });

  it('shows a wrong code beside the box', async () => {
    mockActions({
      'account.me': () => account(),
      'proxies.list': () => ({ canActFor: [], actingForMe: [] }),
      'proxies.accept': () => {
        throw new ClientError('NOT_FOUND', '内容不存在或已删除');
      },
    });
    renderPage(<ProxiesPage />);
    await screen.findByText('还没有授权任何人');
    const input = await waitFor(() => present(document.querySelector<HTMLInputElement>('.linli-code-input input')));
    fireEvent.input(input, { target: { value: '000000' } });
    await act(async () => {
      fireEvent.click(screen.getByText('确认授权'));
    });
    expect(await screen.findByText('内容不存在或已删除')).toBeTruthy();
  });
});

describe('my activities (我的活动)', () => {
  it('lists upcoming sign-ups, then past ones', async () => {
    mockActions({
      'account.me': () => account(),
      'signups.mine': (input) =>
        input.scope === 'past'
          ? { items: [activityCard({ id: 'a-old', title: '上个月的义诊', mySignup: mySignup({ checkedInAt: since }) })], total: 1, hasMore: false }
          : { items: [activityCard({ mySignup: mySignup({ status: 'waitlisted', waitlistPosition: 1 }) })], total: 1, hasMore: false },
    });
    renderPage(<MyActivitiesPage />);
    expect(await screen.findByText('周末护河行动')).toBeTruthy();
    expect(screen.getByText('候补第 1 位')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('signups.mine', { scope: 'upcoming', offset: 0, limit: 10 });

    fireEvent.click(screen.getByText('已结束'));
    expect(await screen.findByText('上个月的义诊')).toBeTruthy();
    expect(screen.getByText('已签到')).toBeTruthy();
  });

  it('offers to browse when there is nothing yet', async () => {
    mockActions({ 'account.me': () => account(), 'signups.mine': () => ({ items: [], total: 0, hasMore: false }) });
    renderPage(<MyActivitiesPage />);
    expect(await screen.findByText('还没有报名活动')).toBeTruthy();
    fireEvent.click(screen.getByText('去看看'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/activities/index' });
  });
});

describe('我的 entries', () => {
  it('shows the unread count on 消息 and opens the activity pages', async () => {
    mockActions({ 'inbox.list': () => ({ items: [], total: 2, hasMore: true, unread: 2 }) });
    renderPage(<EventsMenu />);
    await waitFor(() => expect(document.querySelector('.linli-events-menu__badge')?.textContent).toBe('2'));

    fireEvent.click(screen.getByText('消息'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/inbox/index' });
    fireEvent.click(screen.getByText('我的活动'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/my-activities/index' });
    fireEvent.click(screen.getByText('代报名授权'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/proxies/index' });
  });
});

describe('the group page’s activities', () => {
  it('leaders get 发布活动; everyone sees the upcoming activities', async () => {
    mockActions({ 'activities.list': () => ({ items: [activityCard()], total: 1, hasMore: false }) });
    renderPage(<GroupActivities group={groupDetail({ abilities: ['groups.view', 'activities.create'] })} />);
    expect(await screen.findByText('周末护河行动')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('activities.list', { groupId: 'g-taiji', offset: 0, limit: 5 });
    fireEvent.click(screen.getByText('发布活动'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-events/edit/index?groupId=g-taiji' });
  });

  it('residents see no 发布活动, and a quiet note when nothing is planned', async () => {
    mockActions({ 'activities.list': () => ({ items: [], total: 0, hasMore: false }) });
    renderPage(<GroupActivities group={groupDetail()} />);
    expect(await screen.findByText('近期没有活动')).toBeTruthy();
    expect(screen.queryByText('发布活动')).toBeNull();
  });
});

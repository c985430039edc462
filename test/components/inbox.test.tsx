import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import InboxPage from '../../src/pages/inbox/index';
import { call, ClientError } from '../../src/services/cloud';
import { unreadStore } from '../../src/stores/events';
import { linkTarget } from '../../src/utils/eventRoutes';
import { mockActions } from '../mocks/cloud';
import { triggerLifecycle } from '../mocks/taro';
import { inboxItem } from './support/eventFixtures';
import { account } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const offer = inboxItem();
const reminder = inboxItem({ id: 'n-2', kind: 'reminder_24h', title: '活动提醒', body: '「太极晨练公开课」明天 06:30 开始', link: 'pages/activity/index?id=a-taiji', read: true });
const joined = inboxItem({ id: 'n-3', kind: 'member_approved', title: '入队申请已通过', body: '欢迎加入北苑晨练太极队', link: 'pages/group/index?id=g-taiji', read: true });
const page = (items = [offer, reminder, joined], unread = 1) => ({ items, total: items.length, hasMore: false, unread });

beforeEach(() => {
  resetApp();
  act(() => unreadStore.set(null));
});

describe('inbox page', () => {
  it('lists messages, marks them read on open and clears the 我的 badge', async () => {
    mockActions({ 'account.me': () => account(), 'inbox.list': () => page(), 'inbox.markRead': () => ({ unread: 0 }) });
    renderPage(<InboxPage />);

    expect(await screen.findByText('有空位了')).toBeTruthy();
    expect(screen.getByText('「周末护河行动」有空位了，请在 12 小时内确认')).toBeTruthy();
    expect(screen.getByText('活动提醒')).toBeTruthy();
    // the unread one keeps its "new" mark for this visit
    expect(screen.getAllByText('新')).toHaveLength(1);
    expect(document.querySelector('.inbox__item--unread')!.getAttribute('data-kind')).toBe('seat_offer');
    await waitFor(() => expect(call).toHaveBeenCalledWith('inbox.markRead', {}));
    await waitFor(() => expect(unreadStore.get()).toBe(0));
    expect(call).toHaveBeenCalledWith('inbox.list', { offset: 0, limit: 20 });
  });

  it('does not mark read when nothing is unread', async () => {
    mockActions({ 'account.me': () => account(), 'inbox.list': () => page([reminder], 0) });
    renderPage(<InboxPage />);
    await screen.findByText('活动提醒');
    await waitFor(() => expect(unreadStore.get()).toBe(0));
    expect(call).not.toHaveBeenCalledWith('inbox.markRead', expect.anything());
  });

  it('opens the page a message links to', async () => {
    mockActions({ 'account.me': () => account(), 'inbox.list': () => page(), 'inbox.markRead': () => ({ unread: 0 }) });
    renderPage(<InboxPage />);
    fireEvent.click(await screen.findByText('有空位了'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/activity/index?id=a0123456789abcdef01234567' });
    fireEvent.click(screen.getByText('入队申请已通过'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/group/index?id=g-taiji' });
  });

  it('shows an empty state, and an error with retry', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'inbox.list': () => {
        if (fail) throw new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试');
        return page([], 0);
      },
    });
    renderPage(<InboxPage />);
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('还没有消息')).toBeTruthy();
  });

  it('pages on reaching the bottom', async () => {
    const first = Array.from({ length: 20 }, (_, i) => inboxItem({ id: `n-${i}`, title: `消息${i}`, read: true }));
    mockActions({
      'account.me': () => account(),
      'inbox.list': (input) => (input.offset ? { items: [inboxItem({ id: 'n-last', title: '最早的消息', read: true })], total: 21, hasMore: false, unread: 0 } : { items: first, total: 21, hasMore: true, unread: 0 }),
    });
    renderPage(<InboxPage />);
    await screen.findByText('消息19');
    act(() => {
      triggerLifecycle('reachBottom');
    });
    expect(await screen.findByText('最早的消息')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('inbox.list', { offset: 20, limit: 20 });
  });
});

describe('inbox links (linkTarget)', () => {
  it('opens our own pages only; tab pages by switchTab', () => {
    expect(linkTarget('pages/activity/index?id=a1')).toEqual({ url: '/pages/activity/index?id=a1', tab: false });
    expect(linkTarget('/package-events/roster/index?id=a1')).toEqual({ url: '/package-events/roster/index?id=a1', tab: false });
    expect(linkTarget('pages/me/index?x=1')).toEqual({ url: '/pages/me/index', tab: true });
    expect(linkTarget('https://example.com/pages/activity/index')).toBeNull();
    expect(linkTarget('javascript:alert(1)')).toBeNull();
    expect(linkTarget(null)).toBeNull();
  });
});

/**
 * Committee notices as residents see them, in both languages and elderly mode: the notice page
 * (marks it read once; asks consent for the notice template inside the tap and records an
 * accept) and the urgent notices pinned on the home page (open, dismiss).
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NoticeDetailPage from '../../src/package-notices/detail/index';
import HomePage from '../../src/pages/home/index';
import type { NoticeView } from '../../src/shared/schemas/notices';
import { call, ClientError } from '../../src/services/cloud';
import { setElderly, setLocale } from '../../src/stores/settings';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, groupCard, page } from './support/fixtures';
import { findElement } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

let prompt: jest.SpyInstance;
beforeEach(() => {
  resetApp();
  prompt = jest.spyOn(Taro, 'requestSubscribeMessage');
});
afterEach(() => {
  prompt.mockRestore();
  act(() => {
    setLocale('zh-CN');
    setElderly(false);
  });
});

function notice(overrides: Partial<NoticeView> = {}): NoticeView {
  return {
    id: 'nt-storm',
    communityId: 'cm-beiyuan',
    communityName: '北苑社区',
    title: '暴雨红色预警',
    body: '今夜有特大暴雨，请勿外出，低洼处居民请转移。',
    kind: 'weather',
    urgent: true,
    validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    live: true,
    image: null,
    imagePending: false,
    status: 'published',
    publishedAt: '2026-07-01T01:00:00.000Z',
    withdrawnAt: null,
    withdrawReason: null,
    createdAt: '2026-07-01T01:00:00.000Z',
    updatedAt: '2026-07-01T01:00:00.000Z',
    read: false,
    abilities: ['notices.view', 'notices.dismiss'],
    ...overrides,
  };
}

const withTemplate = () => ({ ...account(), subscribeTemplates: { notice: 'tpl-notice' } });

/** A tap as in WeChat (see subscribe.test.tsx): only the tap's own code runs as weapp. */
function tapInWeapp(element: Element): void {
  const platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  try {
    fireEvent.click(element);
  } finally {
    process.env.TARO_ENV = platform;
  }
}

describe('the notice page', () => {
  it('shows the notice and marks it read once', async () => {
    routerParams.id = 'nt-storm';
    mockActions({ 'account.me': () => account(), 'notices.get': () => notice(), 'inbox.markRead': () => ({ unread: 2 }) });
    renderPage(<NoticeDetailPage />);
    expect(await screen.findByText('暴雨红色预警')).toBeTruthy();
    expect(screen.getByText('紧急')).toBeTruthy();
    expect(screen.getByText('天气预警')).toBeTruthy();
    expect(screen.getByText(/北苑社区发布/)).toBeTruthy();
    await waitFor(() => expect(call).toHaveBeenCalledWith('inbox.markRead', { ids: ['notice:nt-storm'] }));
    expect(jest.mocked(call).mock.calls.filter(([action]) => action === 'inbox.markRead')).toHaveLength(1);
  });

  it('does not mark again what she read, nor what staff open', async () => {
    routerParams.id = 'nt-storm';
    mockActions({ 'account.me': () => account(), 'notices.get': () => notice({ read: true }) });
    renderPage(<NoticeDetailPage />);
    expect(await screen.findByText('暴雨红色预警')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.some(([action]) => action === 'inbox.markRead')).toBe(false);
  });

  it('says a withdrawn or foreign notice is not there', async () => {
    routerParams.id = 'nt-gone';
    mockActions({
      'account.me': () => account(),
      'notices.get': () => {
        throw new ClientError('NOT_FOUND', '通知不存在或已撤回');
      },
    });
    renderPage(<NoticeDetailPage />);
    expect(await screen.findByText('内容不存在或已删除')).toBeTruthy();
  });

  it('asks consent for the notice template in the tap and records an accept', async () => {
    routerParams.id = 'nt-storm';
    mockActions({ 'account.me': withTemplate, 'notices.get': () => notice({ read: true }), 'notices.subscribe': () => ({ remaining: 1 }) });
    prompt.mockImplementation(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'tpl-notice': 'accept' }) as unknown as ReturnType<typeof Taro.requestSubscribeMessage>);
    renderPage(<NoticeDetailPage />);
    const button = await findElement('.notice-detail__subscribe-button');
    act(() => {
      tapInWeapp(button);
    });
    expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-notice'] });
    await waitFor(() => expect(call).toHaveBeenCalledWith('notices.subscribe', { accepted: true }));
    expect(await screen.findByText('已订阅：社区通知')).toBeTruthy();
  });

  it('records nothing when she declines', async () => {
    routerParams.id = 'nt-storm';
    mockActions({ 'account.me': withTemplate, 'notices.get': () => notice({ read: true }) });
    prompt.mockImplementation(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'tpl-notice': 'reject' }) as unknown as ReturnType<typeof Taro.requestSubscribeMessage>);
    renderPage(<NoticeDetailPage />);
    const button = await findElement('.notice-detail__subscribe-button');
    act(() => {
      tapInWeapp(button);
    });
    expect(await screen.findByText(/未订阅社区通知/)).toBeTruthy();
    expect(jest.mocked(call).mock.calls.some(([action]) => action === 'notices.subscribe')).toBe(false);
  });

  it('speaks English', async () => {
    act(() => setLocale('en'));
    routerParams.id = 'nt-storm';
    mockActions({ 'account.me': withTemplate, 'notices.get': () => notice({ read: true }) });
    renderPage(<NoticeDetailPage />);
    expect(await screen.findByText('Urgent')).toBeTruthy();
    expect(screen.getByText('Weather warning')).toBeTruthy();
    expect(screen.getByText(/From 北苑社区/)).toBeTruthy();
    expect(screen.getByText('Remind me on WeChat of new notices')).toBeTruthy();
  });
});

describe('urgent notices on the home page', () => {
  const homeActions = (pinned: NoticeView[]) => ({
    'account.me': () => account(),
    'groups.list': () => page([groupCard()]),
    'notices.pinned': () => ({ items: pinned }),
    'notices.dismiss': () => ({ dismissed: true }),
  });

  it('pins them above the groups; one tap opens the notice, "知道了" closes it for good', async () => {
    mockActions(homeActions([notice()]));
    renderPage(<HomePage />);
    expect(await screen.findByText('暴雨红色预警')).toBeTruthy();
    expect(screen.getByText('紧急通知 · 天气预警')).toBeTruthy();
    fireEvent.click(screen.getByText('暴雨红色预警'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-notices/detail/index?id=nt-storm' });
    await act(async () => {
      fireEvent.click(screen.getByText('知道了'));
    });
    expect(call).toHaveBeenCalledWith('notices.dismiss', { noticeId: 'nt-storm' });
    expect(screen.queryByText('暴雨红色预警')).toBeNull();
    expect(await screen.findByText('北苑晨练太极队')).toBeTruthy();
  });

  it('shows nothing when there is none, or when the pin cannot be fetched', async () => {
    mockActions({ 'account.me': () => account(), 'groups.list': () => page([groupCard()]) });
    renderPage(<HomePage />);
    expect(await screen.findByText('北苑晨练太极队')).toBeTruthy();
    await waitFor(() => expect(call).toHaveBeenCalledWith('notices.pinned', {}));
    expect(document.querySelector('.urgent-notices')).toBeNull();
  });

  it('stays on the simpler home of elderly mode, in English too', async () => {
    act(() => {
      setElderly(true);
      setLocale('en');
    });
    mockActions(homeActions([notice()]));
    renderPage(<HomePage />);
    expect(await screen.findByText('Urgent notice · Weather warning')).toBeTruthy();
    expect(screen.getByLabelText('Got it: close the urgent notice 暴雨红色预警')).toBeTruthy();
    expect(screen.getByText('Got it')).toBeTruthy();
  });
});

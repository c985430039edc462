import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HomePage from '../../src/pages/home/index';
import { call, ClientError } from '../../src/services/cloud';
import { setElderly } from '../../src/stores/settings';
import { mockActions } from '../mocks/cloud';
import { triggerLifecycle } from '../mocks/taro';
import { account, groupCard, page } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const taiji = groupCard();
const xunluo = groupCard({ id: 'g-xunluo', name: '北苑平安巡逻队', type: 'safety', summary: '夜间楼栋巡查', memberCount: 2 });
const huzhu = groupCard({ id: 'g-huzhu', name: '北苑邻里互助会', type: 'mutual_aid', joinPolicy: 'approval', myMembership: { status: 'pending', role: 'member', since: '2025-01-02T00:00:00.000Z' } });

function listCalls(): Array<Record<string, unknown>> {
  return jest.mocked(call).mock.calls.filter(([action]) => action === 'groups.list').map(([, input]) => input as Record<string, unknown>);
}

function searchInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('.home__search input');
  if (!input) throw new Error('search input not rendered');
  return input;
}

beforeEach(resetApp);

describe('home page', () => {
  it('shows the groups of my community from groups.list', async () => {
    mockActions({ 'account.me': () => account(), 'groups.list': () => page([taiji, xunluo, huzhu]) });
    renderPage(<HomePage />);

    expect(await screen.findByText('北苑晨练太极队')).toBeTruthy();
    expect(screen.getByText('北苑平安巡逻队')).toBeTruthy();
    expect(screen.getByText('王阿姨，你好')).toBeTruthy();
    expect(screen.getByText('北苑社区', { selector: '.home__community-name' })).toBeTruthy();
    expect(screen.getByText('共 3 个组织')).toBeTruthy();
    // my pending request shows on its card
    const card = document.querySelector<HTMLElement>('[data-group-id="g-huzhu"]')!;
    expect(within(card).getByText('审核中')).toBeTruthy();
    expect(listCalls()).toEqual([{ area: 'community', offset: 0, limit: 10 }]);
  });

  it('opens a group page when a card is tapped', async () => {
    mockActions({ 'account.me': () => account(), 'groups.list': () => page([taiji]) });
    renderPage(<HomePage />);
    fireEvent.click(await screen.findByText('北苑晨练太极队'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/group/index?id=g-taiji' });
  });

  it('searches with the search bar', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.list': (input) => page(input.q ? [taiji].filter((g) => g.name.includes(input.q!)) : [taiji, xunluo]),
    });
    renderPage(<HomePage />);
    await screen.findByText('北苑平安巡逻队');

    fireEvent.input(searchInput(), { target: { value: '太极' } });
    fireEvent.click(screen.getByText('搜索'));

    // The list reloads (a loading state between): wait for the new one, not just for the old to go.
    await waitFor(() => {
      expect(screen.queryByText('北苑平安巡逻队')).toBeNull();
      expect(screen.getByText('北苑晨练太极队')).toBeTruthy();
    });
    expect(listCalls().at(-1)).toEqual({ area: 'community', offset: 0, limit: 10, q: '太极' });
  });

  it('filters by group type and switches to nearby', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.list': (input) => page([taiji, xunluo].filter((g) => !input.type || g.type === input.type)),
    });
    renderPage(<HomePage />);
    await screen.findByText('北苑晨练太极队');

    fireEvent.click(document.querySelector('[data-type="safety"]')!);
    await waitFor(() => {
      expect(screen.queryByText('北苑晨练太极队')).toBeNull();
      expect(screen.getByText('北苑平安巡逻队')).toBeTruthy();
    });
    expect(listCalls().at(-1)).toEqual({ area: 'community', offset: 0, limit: 10, type: 'safety' });

    fireEvent.click(screen.getByText('附近'));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ area: 'nearby', offset: 0, limit: 10, type: 'safety' }));
  });

  it('shows a friendly empty state that offers nearby groups', async () => {
    mockActions({ 'account.me': () => account(), 'groups.list': (input) => page(input.area === 'nearby' ? [xunluo] : []) });
    renderPage(<HomePage />);

    expect(await screen.findByText('这里还没有组织')).toBeTruthy();
    fireEvent.click(screen.getByText('看看附近'));
    expect(await screen.findByText('北苑平安巡逻队')).toBeTruthy();
  });

  it('shows the error with a retry that loads again', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'groups.list': () => {
        if (fail) throw new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试');
        return page([taiji]);
      },
    });
    renderPage(<HomePage />);

    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    expect(screen.getByText('加载失败')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('北苑晨练太极队')).toBeTruthy();
    expect(screen.queryByText('加载失败')).toBeNull();
  });

  it('loads the next page on reaching the bottom, and refreshes on pull-down', async () => {
    const first = Array.from({ length: 10 }, (_, i) => groupCard({ id: `g-${i}`, name: `组织${i}` }));
    mockActions({
      'account.me': () => account(),
      'groups.list': (input) => (input.offset ? page([groupCard({ id: 'g-last', name: '最后一个组织' })], 11, false) : page(first, 11, true)),
    });
    renderPage(<HomePage />);
    await screen.findByText('组织9');
    expect(screen.getByText('加载更多')).toBeTruthy();

    act(() => {
      triggerLifecycle('reachBottom');
    });
    expect(await screen.findByText('最后一个组织')).toBeTruthy();
    expect(listCalls().at(-1)).toEqual({ area: 'community', offset: 10, limit: 10 });
    expect(screen.getByText('没有更多了')).toBeTruthy();

    const before = listCalls().length;
    act(() => {
      triggerLifecycle('pullDownRefresh');
    });
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(listCalls().length).toBe(before + 1);
    expect(listCalls().at(-1)).toEqual({ area: 'community', offset: 0, limit: 10 });
  });

  it('sends a resident without a home community to the community picker', async () => {
    mockActions({ 'account.me': () => account({ homeCommunity: null }) });
    renderPage(<HomePage />);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/community/index?first=1' }));
    expect(listCalls()).toEqual([]);
  });

  it('keeps the home simple in elderly mode: no type filter, bigger cards', async () => {
    act(() => setElderly(true));
    mockActions({ 'account.me': () => account(), 'groups.list': () => page([taiji]) });
    const { container } = renderPage(<HomePage />);
    await screen.findByText('北苑晨练太极队');
    expect(container.querySelector('.linli-page--elderly')).toBeTruthy();
    expect(container.querySelector('.linli-type-filter')).toBeNull();
    expect(container.querySelector('.linli-group-card--simple')).toBeTruthy();
  });
});

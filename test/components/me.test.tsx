import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MePage from '../../src/pages/me/index';
import { call, ClientError, signOut } from '../../src/services/cloud';
import { membershipsChanged } from '../../src/stores/session';
import { mockActions } from '../mocks/cloud';
import { triggerLifecycle } from '../mocks/taro';
import { account, groupCard } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const since = '2025-02-01T00:00:00.000Z';
const taiji = groupCard({ myMembership: { status: 'active', role: 'member', since } });
const huzhu = groupCard({ id: 'g-huzhu', name: '北苑邻里互助会', type: 'mutual_aid', joinPolicy: 'approval', myMembership: { status: 'pending', role: 'member', since } });
const zhulao = groupCard({ id: 'g-zhulao', name: '南湖爱心助老服务队', type: 'service', joinPolicy: 'approval', myMembership: { status: 'rejected', role: 'member', since } });

beforeEach(resetApp);

describe('me page', () => {
  it('shows who I am, my groups and my requests (pending and declined)', async () => {
    mockActions({ 'account.me': () => account(), 'memberships.mine': () => ({ groups: [taiji], requests: [huzhu, zhulao] }) });
    renderPage(<MePage />);

    expect(await screen.findByText('北苑晨练太极队')).toBeTruthy();
    expect(screen.getByText('王阿姨')).toBeTruthy();
    expect(screen.getAllByText('北苑社区').length).toBeGreaterThan(0);
    const requests = document.querySelector<HTMLElement>('.me__requests')!;
    expect(within(requests).getByText('北苑邻里互助会')).toBeTruthy();
    expect(within(requests).getByText('审核中')).toBeTruthy();
    expect(within(requests).getByText('南湖爱心助老服务队')).toBeTruthy();
    expect(within(requests).getByText('未通过')).toBeTruthy();
    const groups = document.querySelector<HTMLElement>('.me__groups')!;
    expect(within(groups).getByText('已加入')).toBeTruthy();
    expect(within(groups).getByText('1 个')).toBeTruthy();
  });

  it('offers to browse when I have no groups, and opens settings', async () => {
    mockActions({ 'account.me': () => account(), 'memberships.mine': () => ({ groups: [], requests: [] }) });
    renderPage(<MePage />);

    expect(await screen.findByText('还没有加入组织')).toBeTruthy();
    expect(screen.getByText('没有待处理的申请')).toBeTruthy();
    fireEvent.click(screen.getByText('去看看'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
    fireEvent.click(screen.getByText('设置'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/settings/index' });
  });

  it('reloads my groups when shown again after joining elsewhere', async () => {
    let groups = [] as (typeof taiji)[];
    mockActions({ 'account.me': () => account(), 'memberships.mine': () => ({ groups, requests: [] }) });
    renderPage(<MePage />);
    await screen.findByText('还没有加入组织');

    groups = [taiji];
    act(() => {
      membershipsChanged();
      triggerLifecycle('didShow');
    });
    expect(await screen.findByText('北苑晨练太极队')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.filter(([action]) => action === 'memberships.mine')).toHaveLength(2);
  });

  it('shows an error with retry', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'memberships.mine': () => {
        if (fail) throw new ClientError('INTERNAL', '服务暂时不可用，请稍后再试');
        return { groups: [taiji], requests: [] };
      },
    });
    renderPage(<MePage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('北苑晨练太极队')).toBeTruthy();
  });

  it('signs out (H5) after confirming', async () => {
    mockActions({ 'account.me': () => account(), 'memberships.mine': () => ({ groups: [], requests: [] }) });
    renderPage(<MePage />);
    await screen.findByText('还没有加入组织');

    fireEvent.click(screen.getByText('退出登录'));
    const ok = await waitFor(() => {
      const button = document.querySelector<HTMLElement>('.linli-confirm .nut-dialog-footer-ok');
      if (!button) throw new Error('confirm dialog not open');
      return button;
    });
    await act(async () => {
      fireEvent.click(ok);
    });
    expect(signOut).toHaveBeenCalled();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});

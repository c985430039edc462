import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LoginPage from '../../src/pages/login/index';
import { call, ClientError, devSignIn } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, beiyuan, regionTree } from './support/fixtures';
import { typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

function demoUser(openid: string): HTMLElement {
  const cell = document.querySelector<HTMLElement>(`[data-openid="${openid}"]`);
  if (!cell) throw new Error(`${openid} is not listed`);
  return cell;
}

describe('login page (H5, local cloud)', () => {
  it('lists the five demo users', () => {
    renderPage(<LoginPage />);
    for (const name of ['王阿姨', '李队长', '张主任', '陈科长', '刘局长']) expect(screen.getByText(name)).toBeTruthy();
    expect(document.querySelectorAll('.login__demo-user')).toHaveLength(5);
  });

  it('signs in as a demo user with one tap and goes home', async () => {
    mockActions({ 'account.me': () => account() });
    renderPage(<LoginPage />);

    await act(async () => {
      fireEvent.click(demoUser('demo-resident'));
    });

    expect(devSignIn).toHaveBeenCalledWith({ openid: 'demo-resident' });
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }));
    expect(call).toHaveBeenCalledWith('account.me', {});
  });

  it.each([
    ['/pages/group/index?id=g-taiji', '/pages/group/index?id=g-taiji'],
    ['%2Fpages%2Fgroup%2Findex%3Fid%3Dg-taiji', '/pages/group/index?id=g-taiji'],
    ['https://example.com/phish', '/pages/home/index'],
    ['/pages/login/index', '/pages/home/index'],
  ])('after signing in, returnTo=%s opens %s (only our own pages)', async (returnTo, expected) => {
    mockActions({ 'account.me': () => account() });
    routerParams.returnTo = returnTo;
    renderPage(<LoginPage />);
    await act(async () => {
      fireEvent.click(demoUser('demo-resident'));
    });
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: expected }));
  });

  it('shows why a sign-in failed', async () => {
    jest.mocked(devSignIn).mockRejectedValueOnce(new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试'));
    renderPage(<LoginPage />);
    await act(async () => {
      fireEvent.click(demoUser('demo-leader'));
    });
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('signs up a new resident: nickname, then home community', async () => {
    mockActions({
      'account.me': () => account({ nickname: '张阿姨', homeCommunity: null }),
      'regions.tree': () => regionTree,
      'account.updateProfile': () => account({ nickname: '张阿姨', homeCommunity: beiyuan }),
    });
    renderPage(<LoginPage />);

    fireEvent.click(screen.getByText('下一步：选择社区'));
    expect(await screen.findByText('请填写昵称')).toBeTruthy();
    expect(devSignIn).not.toHaveBeenCalled();

    // Taro's H5 input fills in its native <input> once the custom element is upgraded: wait for it.
    await typeInto('.login__nickname', '张阿姨');
    await act(async () => {
      fireEvent.click(screen.getByText('下一步：选择社区'));
    });
    expect(devSignIn).toHaveBeenCalledWith({ nickname: '张阿姨' });

    expect(await screen.findByText('选择你所在的社区')).toBeTruthy();
    const street = await waitFor(() => {
      const cell = document.querySelector<HTMLElement>('[data-region-id="st-chengguan"]');
      if (!cell) throw new Error('not listed yet');
      return cell;
    });
    fireEvent.click(street);
    fireEvent.click(document.querySelector<HTMLElement>('[data-region-id="cm-beiyuan"]')!);
    await act(async () => {
      fireEvent.click(document.querySelector<HTMLElement>('.linli-community-picker__save')!);
    });

    expect(call).toHaveBeenCalledWith('account.updateProfile', { homeCommunityId: 'cm-beiyuan' });
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }));
  });
});

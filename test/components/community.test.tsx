import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CommunityPage from '../../src/pages/community/index';
import { call, ClientError } from '../../src/services/cloud';
import { sessionStore } from '../../src/stores/session';
import { mockActions } from '../mocks/cloud';
import { mocked, routerParams } from '../mocks/taro';
import { account, regionTree } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const nanhu = { id: 'cm-nanhu', name: '南湖社区', level: 'community' as const, parentId: 'st-chengguan', kind: 'urban' as const };

function option(regionId: string): HTMLElement {
  const cell = document.querySelector<HTMLElement>(`[data-region-id="${regionId}"]`);
  if (!cell) throw new Error(`${regionId} is not listed`);
  return cell;
}

function saveButton(): HTMLElement {
  return document.querySelector<HTMLElement>('.linli-community-picker__save')!;
}

beforeEach(resetApp);

describe('community picker', () => {
  it('opens at my community, saves another one with account.updateProfile and goes back', async () => {
    mocked.getCurrentPages.mockReturnValue([{ route: 'pages/home/index' }, { route: 'pages/community/index' }]);
    mockActions({
      'account.me': () => account(),
      'regions.tree': () => regionTree,
      'account.updateProfile': () => account({ homeCommunity: nanhu }),
    });
    renderPage(<CommunityPage />);

    // the street of my home community is open, with my community marked as current
    await waitFor(() => expect(option('cm-beiyuan').textContent).toContain('当前'));
    expect(screen.getByText('城关街道')).toBeTruthy();
    expect(screen.getByText('城关街道 · 北苑社区', { selector: '.linli-community-picker__summary' })).toBeTruthy();

    fireEvent.click(option('cm-nanhu'));
    expect(screen.getByText('城关街道 · 南湖社区', { selector: '.linli-community-picker__summary' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(saveButton());
    });

    expect(call).toHaveBeenCalledWith('account.updateProfile', { homeCommunityId: 'cm-nanhu' });
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(sessionStore.get().me?.account.homeCommunity?.id).toBe('cm-nanhu');
    mocked.getCurrentPages.mockReturnValue([]);
  });

  it('walks county → street → village on first run and then goes home', async () => {
    routerParams.first = '1';
    mockActions({
      'account.me': () => account({ homeCommunity: null }),
      'regions.tree': () => regionTree,
      'account.updateProfile': (input) => account({ homeCommunity: { id: input.homeCommunityId!, name: '杏花村', level: 'community', parentId: 'st-taoyuan', kind: 'rural' } }),
    });
    renderPage(<CommunityPage />);

    // one county: it opens inside it, at the streets
    await waitFor(() => option('st-taoyuan'));
    expect(saveButton().className).toContain('disabled');
    fireEvent.click(option('st-taoyuan'));
    fireEvent.click(option('cm-xinghua'));
    expect(option('cm-xinghua').textContent).toContain('农村');

    await act(async () => {
      fireEvent.click(saveButton());
    });
    expect(call).toHaveBeenCalledWith('account.updateProfile', { homeCommunityId: 'cm-xinghua' });
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }));
  });

  it('goes back up with the breadcrumb', async () => {
    mockActions({ 'account.me': () => account(), 'regions.tree': () => regionTree });
    renderPage(<CommunityPage />);
    await waitFor(() => option('cm-beiyuan'));

    fireEvent.click(screen.getByText('城关街道'));
    expect(option('st-taoyuan')).toBeTruthy();
    expect(document.querySelector('[data-region-id="cm-beiyuan"]')).toBeNull();

    fireEvent.click(screen.getByText('临溪县'));
    expect(option('cty-linxi')).toBeTruthy();
    expect(document.querySelector('[data-region-id="st-taoyuan"]')).toBeNull();
    fireEvent.click(option('cty-linxi'));
    expect(option('st-chengguan')).toBeTruthy();
  });

  it('shows an error with retry when the regions cannot be loaded', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'regions.tree': () => {
        if (fail) throw new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试');
        return regionTree;
      },
    });
    renderPage(<CommunityPage />);
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    await waitFor(() => option('cm-beiyuan'));
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import GroupPage from '../../src/pages/group/index';
import { call, ClientError } from '../../src/services/cloud';
import { hasSession, mockActions } from '../mocks/cloud';
import { routerParams, routerPath, triggerLifecycle } from '../mocks/taro';
import { account, groupDetail } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const since = '2025-02-01T00:00:00.000Z';

beforeEach(() => {
  resetApp();
  routerParams.id = 'g-taiji';
});

function actionButton(): HTMLElement {
  const button = document.querySelector<HTMLElement>('.group__action');
  if (!button) throw new Error('no action button');
  return button;
}

/** Taps the bar's action, then the dialog's confirm button. */
async function confirmAction(): Promise<void> {
  fireEvent.click(actionButton());
  const ok = await waitFor(() => {
    const button = document.querySelector<HTMLElement>('.linli-confirm .nut-dialog-footer-ok');
    if (!button) throw new Error('confirm dialog not open');
    return button;
  });
  // The dialog awaits the action; let it settle inside act.
  await act(async () => {
    fireEvent.click(ok);
  });
}

describe('group page', () => {
  it('shows what the group is, who leads it and how to join', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.get': () =>
        groupDetail({
          name: '北苑邻里互助会',
          type: 'mutual_aid',
          managementLevel: 'filed',
          filingNumber: '城关备字〔2024〕017号',
          joinPolicy: 'approval',
          memberCount: 12,
          ratings: [{ year: 2024, excellent: false }, { year: 2025, excellent: true }],
          hub: { id: 'g-chengguan-hub', name: '城关街道社会组织联合会' },
        }),
    });
    renderPage(<GroupPage />);

    expect(await screen.findByText('北苑邻里互助会')).toBeTruthy();
    expect(screen.getAllByText('邻里互助').length).toBeGreaterThan(0);
    expect(screen.getAllByText('街道备案').length).toBeGreaterThan(0);
    expect(screen.getByText('城关备字〔2024〕017号')).toBeTruthy();
    expect(screen.getByText('12')).toBeTruthy();
    expect(screen.getAllByText('需队长审核').length).toBeGreaterThan(0);
    expect(screen.getByText('每天早上 6:30 在北苑中心广场练习二十四式太极拳。')).toBeTruthy();
    expect(screen.getByText('李队长')).toBeTruthy();
    expect(screen.getByText('138****5678')).toBeTruthy();
    expect(screen.getByText('加入后可查看完整联系方式')).toBeTruthy();
    expect(actionButton().textContent).toBe('申请加入');
    expect(call).toHaveBeenCalledWith('groups.get', { groupId: 'g-taiji' });
    expect(screen.getByText('2025 年度优秀社区服务队')).toBeTruthy();
    expect(screen.queryByText('2024 年度优秀社区服务队')).toBeNull();
    fireEvent.click(screen.getByText('城关街道社会组织联合会'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/group/index?id=g-chengguan-hub' });
  });

  it('joins an open group after confirming', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.get': () => groupDetail(),
      'groups.join': () =>
        groupDetail({ memberCount: 5, myMembership: { status: 'active', role: 'member', since }, abilities: ['groups.view', 'groups.leave', 'groups.seeContact'] }),
    });
    renderPage(<GroupPage />);
    await screen.findByText('北苑晨练太极队');
    expect(actionButton().textContent).toBe('加入组织');

    await confirmAction();

    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.join', { groupId: 'g-taiji' }));
    expect(await screen.findByText('你是这个组织的成员')).toBeTruthy();
    // once a member, the big button leads to the group's activities; leaving is the quiet link
    expect(actionButton().textContent).toBe('看看组织的活动');
    expect(document.querySelector('.group__leave-button')?.textContent).toBe('退出组织');
    expect(screen.getByText('5')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入' }));
  });

  it('requests to join an approval group and shows the pending state', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.get': () => groupDetail({ joinPolicy: 'approval' }),
      'groups.join': () => groupDetail({ joinPolicy: 'approval', myMembership: { status: 'pending', role: 'member', since }, abilities: ['groups.view', 'groups.leave'] }),
    });
    renderPage(<GroupPage />);
    await screen.findByText('北苑晨练太极队');

    await confirmAction();

    expect(await screen.findByText('已申请，等待队长审核')).toBeTruthy();
    expect(actionButton().textContent).toBe('撤回申请');
    expect(call).toHaveBeenCalledWith('groups.join', { groupId: 'g-taiji' });
  });

  it('leaves a group after confirming', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.get': () => groupDetail({ myMembership: { status: 'active', role: 'member', since }, abilities: ['groups.view', 'groups.leave'] }),
      'groups.leave': () => groupDetail({ myMembership: { status: 'left', role: 'member', since }, abilities: ['groups.view', 'groups.join'] }),
    });
    renderPage(<GroupPage />);
    await screen.findByText('你是这个组织的成员');

    fireEvent.click(document.querySelector<HTMLElement>('.group__leave-button')!);
    const ok = await waitFor(() => {
      const button = document.querySelector<HTMLElement>('.linli-confirm .nut-dialog-footer-ok');
      if (!button) throw new Error('confirm dialog not open');
      return button;
    });
    await act(async () => {
      fireEvent.click(ok);
    });

    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.leave', { groupId: 'g-taiji' }));
    await waitFor(() => expect(actionButton().textContent).toBe('加入组织'));
    expect(screen.queryByText('你是这个组织的成员')).toBeNull();
  });

  it('withdraws a pending request', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.get': () => groupDetail({ joinPolicy: 'approval', myMembership: { status: 'pending', role: 'member', since }, abilities: ['groups.view', 'groups.leave'] }),
      'groups.leave': () => groupDetail({ joinPolicy: 'approval', myMembership: { status: 'left', role: 'member', since }, abilities: ['groups.view', 'groups.join'] }),
    });
    renderPage(<GroupPage />);
    await screen.findByText('已申请，等待队长审核');
    expect(actionButton().textContent).toBe('撤回申请');

    await confirmAction();

    await waitFor(() => expect(actionButton().textContent).toBe('申请加入'));
    expect(call).toHaveBeenCalledWith('groups.leave', { groupId: 'g-taiji' });
    expect(screen.queryByText('已申请，等待队长审核')).toBeNull();
  });

  it('shows no join button when the server grants no ability (invite only)', async () => {
    mockActions({ 'account.me': () => account(), 'groups.get': () => groupDetail({ joinPolicy: 'invite', abilities: ['groups.view'] }) });
    renderPage(<GroupPage />);
    expect(await screen.findByText('这个组织仅限邀请加入')).toBeTruthy();
    expect(document.querySelector('.group__action')).toBeNull();
  });

  it('leaders cannot leave: no button, and the notice names their role', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.get': () => groupDetail({ myMembership: { status: 'active', role: 'leader', since }, abilities: ['groups.view', 'groups.edit'] }),
    });
    renderPage(<GroupPage />);
    expect(await screen.findByText('你是这个组织的队长')).toBeTruthy();
    expect(document.querySelector('.group__action')).toBeNull();
  });

  it('tells the resident when joining fails and shows the group as it is now', async () => {
    let gets = 0;
    mockActions({
      'account.me': () => account(),
      'groups.get': () => {
        gets += 1;
        return groupDetail();
      },
      'groups.join': () => {
        throw new ClientError('GROUP_NOT_JOINABLE', '这个组织目前仅限邀请加入');
      },
    });
    renderPage(<GroupPage />);
    await screen.findByText('北苑晨练太极队');

    await confirmAction();

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这个组织目前仅限邀请加入', icon: 'none' })));
    // ...and loads the group again (the page is busy until that answer is in).
    await waitFor(() => expect(gets).toBe(2));
    await waitFor(() => expect(document.querySelector('.linli-page')!.getAttribute('aria-busy')).toBe('false'));
    expect(actionButton().textContent).toBe('加入组织');
  });

  it('shares a card with the group path (weapp) and copies the link (H5)', async () => {
    mockActions({ 'account.me': () => account(), 'groups.get': () => groupDetail() });
    renderPage(<GroupPage />);
    await screen.findByText('北苑晨练太极队');

    let shared: unknown[] = [];
    act(() => {
      shared = triggerLifecycle('shareAppMessage');
    });
    // no cover: the packaged default picture (a file in the package, not a screenshot)
    expect(shared).toEqual([{ title: '北苑晨练太极队 · 邀你一起参加社区组织', path: '/pages/group/index?id=g-taiji', imageUrl: '/assets/share/default.png' }]);

    fireEvent.click(screen.getByText('复制链接'));
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: window.location.href }));
  });

  it('without a session (a shared link in a new browser) signs in first, then comes back here', async () => {
    hasSession.mockImplementation(() => false);
    routerPath.current = '/pages/group/index';
    mockActions({ 'account.me': () => account(), 'groups.get': () => groupDetail() });
    renderPage(<GroupPage />);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: `/pages/login/index?returnTo=${encodeURIComponent('/pages/group/index?id=g-taiji')}` }));
  });

  it('shows an error with retry when the group cannot be loaded', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'groups.get': () => {
        if (fail) throw new ClientError('NETWORK', '网络连接失败，请检查网络后重试');
        return groupDetail();
      },
    });
    renderPage(<GroupPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('北苑晨练太极队')).toBeTruthy();
  });
});

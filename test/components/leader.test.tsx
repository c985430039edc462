/** 我的 entries, my applications, the management page, editing, invite links and hub links. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MePage from '../../src/pages/me/index';
import ApplicationsPage from '../../src/package-leader/applications/index';
import EditPage from '../../src/package-leader/edit/index';
import HubPage from '../../src/package-leader/hub/index';
import InvitePage from '../../src/package-leader/invite/index';
import ManagePage from '../../src/package-leader/manage/index';
import { call } from '../../src/services/cloud';
import { mockActions } from '../mocks/cloud';
import { routerParams, triggerLifecycle } from '../mocks/taro';
import { account, groupCard, groupDetail, page, regionTree } from './support/fixtures';
import { application, confirmDialog, findElement, hubLink, leaderGroup, since, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);

describe('我的: community groups', () => {
  it('offers founding and my applications to everyone, review to staff only', async () => {
    mockActions({ 'account.me': () => account(), 'memberships.mine': () => ({ groups: [], requests: [] }) });
    renderPage(<MePage />);
    await screen.findByText('还没有加入组织');
    fireEvent.click(screen.getByText('创建小组'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-leader/found/index' });
    fireEvent.click(screen.getByText('我的建组申请'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-leader/applications/index' });
    expect(screen.queryByText('小组审核')).toBeNull();
  });

  it('staff see 小组审核', async () => {
    mockActions({
      'account.me': () => ({ ...account({ nickname: '张主任' }), abilities: ['account.updateProfile', 'staff.console'] }),
      'memberships.mine': () => ({ groups: [], requests: [] }),
    });
    renderPage(<MePage />);
    fireEvent.click(await screen.findByText('小组审核'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/review/index' });
  });

  it('staff see how much waits for them at the door: the console the total, review its applications', async () => {
    mockActions({
      'account.me': () => ({ ...account({ nickname: '张主任' }), abilities: ['account.updateProfile', 'staff.console'] }),
      'memberships.mine': () => ({ groups: [], requests: [] }),
      'moderation.queue': (input) => ({ items: [], total: input.state === 'appealed' ? 0 : 2, hasMore: true }),
      'groups.reviewQueue': () => ({ items: [], total: 1, hasMore: true }),
      'hours.queue': () => ({ items: [], total: 3, hasMore: true }),
      // A queue that fails leaves the others counted.
      'proofs.queue': () => {
        throw new Error('offline');
      },
    });
    renderPage(<MePage />);
    const staff = await findElement('.me__staff');
    await waitFor(() => expect(within(staff).getByText('6 条待办')).toBeTruthy());
    expect(within(await findElement('.me__review')).getByText('1 条待办')).toBeTruthy();
  });

  it('a resident asks no staff queue', async () => {
    mockActions({ 'account.me': () => account(), 'memberships.mine': () => ({ groups: [], requests: [] }) });
    renderPage(<MePage />);
    await screen.findByText('还没有加入组织');
    expect(jest.mocked(call).mock.calls.map(([action]) => action).filter((a) => /queue|reviewQueue/i.test(a))).toEqual([]);
    expect(document.querySelector('.me__badge')).toBeNull();
  });
});

describe('my applications', () => {
  it('shows where each stands, why one was declined, and resubmits it', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.myApplications': () => ({
        items: [
          application({ group: groupCard({ id: 'g-flea', name: '北苑跳蚤市场' }), status: 'rejected', reviewedAt: '2026-03-02T02:00:00.000Z', reason: '请补充活动场地和安全措施' }),
          application(),
        ],
      }),
    });
    renderPage(<ApplicationsPage />);
    expect(await screen.findByText('原因：请补充活动场地和安全措施')).toBeTruthy();
    expect(screen.getByText('正在等待社区居委会（村委会）审核')).toBeTruthy();
    const rejected = document.querySelector<HTMLElement>('.applications__item[data-group-id="g-flea"]')!;
    expect(within(rejected).getByText('未通过')).toBeTruthy();
    fireEvent.click(within(rejected).getByText('修改后重新提交'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-leader/found/index?groupId=g-flea' });
    const pending = document.querySelector<HTMLElement>('.applications__item[data-group-id="g-qipai"]')!;
    expect(within(pending).queryByText('修改后重新提交')).toBeNull();
  });

  it('offers to found one when there are none', async () => {
    mockActions({ 'account.me': () => account(), 'groups.myApplications': () => ({ items: [] }) });
    renderPage(<ApplicationsPage />);
    fireEvent.click(await screen.findByText('创建小组'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-leader/found/index' });
  });
});

describe('manage page', () => {
  beforeEach(() => {
    routerParams.id = 'g-taiji';
  });

  it('lists what the leader may do, with the waiting requests', async () => {
    mockActions({ 'account.me': () => account(), 'groups.get': () => leaderGroup(), 'members.requests': () => ({ items: [] }) });
    renderPage(<ManagePage />);
    expect(await screen.findByText('0 条待处理')).toBeTruthy();
    for (const [label, url] of [
      ['加入申请', '/package-leader/requests/index?id=g-taiji'],
      ['成员管理', '/package-leader/members/index?id=g-taiji'],
      ['发布公告', '/package-leader/post/index?id=g-taiji'],
      ['邀请链接', '/package-leader/invite/index?id=g-taiji'],
      ['编辑资料', '/package-leader/edit/index?id=g-taiji'],
      ['枢纽联系', '/package-leader/hub/index?id=g-taiji'],
    ]) {
      fireEvent.click(screen.getByText(label!));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
    }
    expect(screen.queryByText('年度评定')).toBeNull();
  });

  it('dissolves the group with a reason', async () => {
    mockActions({
      'account.me': () => account(),
      'groups.get': () => leaderGroup(),
      'members.requests': () => ({ items: [] }),
      'groups.dissolve': () => leaderGroup({ status: 'dissolved', dissolvedReason: '成员搬迁', abilities: ['groups.view'] }),
    });
    renderPage(<ManagePage />);
    fireEvent.click(await screen.findByText('解散小组'));
    await typeInto('.linli-reason', '成员搬迁');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.dissolve', { groupId: 'g-taiji', reason: '成员搬迁' }));
    expect(await screen.findByText('你没有管理这个小组的权限')).toBeTruthy();
  });

  it('street staff rate the group for this year after confirming', async () => {
    const year = new Date().getFullYear();
    mockActions({
      'account.me': () => account(),
      'groups.get': () => groupDetail({ abilities: ['groups.view', 'groups.rate', 'groups.dissolve', 'members.view'] }),
      'groups.rate': (input) => groupDetail({ ratings: [{ year: input.year, excellent: input.excellent }], abilities: ['groups.view', 'groups.rate'] }),
    });
    renderPage(<ManagePage />);
    expect(await screen.findByText(`${year} 年度优秀社区服务队`)).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('members.requests');
    fireEvent.click(document.querySelector<HTMLElement>('.manage__rate-switch')!);
    await confirmDialog('linli-confirm');
    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.rate', { groupId: 'g-taiji', year, excellent: true }));
  });
});

describe('edit page', () => {
  it('sends only what changed', async () => {
    routerParams.id = 'g-taiji';
    mockActions({ 'account.me': () => account(), 'groups.get': () => leaderGroup(), 'groups.update': () => leaderGroup({ joinPolicy: 'open' }) });
    renderPage(<EditPage />);
    await findElement('[data-field="description"]');
    expect((await findElement<HTMLInputElement>('[data-field="contactPhone"] input')).value).toBe('13812345678');

    fireEvent.click(document.querySelector<HTMLElement>('.edit__save')!);
    expect(await screen.findByText('没有需要保存的修改')).toBeTruthy();

    fireEvent.click(document.querySelector<HTMLElement>('[data-field="joinPolicy"] [data-value="open"]')!);
    // The group's current rules are filled in (no-show limit 3, cutoff 24 h).
    expect((await findElement<HTMLInputElement>('[data-field="noShowLimit"] input')).value).toBe('3');
    expect((await findElement<HTMLInputElement>('[data-field="cancelCutoffHours"] input')).value).toBe('24');
    await typeInto('[data-field="noShowLimit"]', '5');
    // a landline on the digits keyboard: no dash (the schema's dash is optional)
    await typeInto('[data-field="contactPhone"]', '01062345678');
    await act(async () => {
      fireEvent.click(document.querySelector<HTMLElement>('.edit__save')!);
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.update', { groupId: 'g-taiji', joinPolicy: 'open', contactPhone: '01062345678', noShowLimit: 5 }));
    expect(Taro.navigateBack).toHaveBeenCalled();
  });
});

describe('invite page', () => {
  it('creates a link, copies it, and shares a card with the invite path', async () => {
    routerParams.id = 'g-taiji';
    mockActions({
      'account.me': () => account(),
      'groups.get': () => leaderGroup(),
      'invites.create': (input) => ({ token: 'tok_ABCDEFGHIJKLMNOP', path: `pages/group/index?id=${input.groupId}&invite=tok_ABCDEFGHIJKLMNOP`, expiresAt: '2026-03-10T02:00:00.000Z' }),
    });
    renderPage(<InvitePage />);
    fireEvent.click(await findElement('[data-value="168"]'));
    await act(async () => {
      fireEvent.click(screen.getByText('生成邀请链接'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('invites.create', { groupId: 'g-taiji', expiresInHours: 168 }));
    const link = `${window.location.origin}${window.location.pathname}#/pages/group/index?id=g-taiji&invite=tok_ABCDEFGHIJKLMNOP`;
    expect(await screen.findByText(link)).toBeTruthy();

    fireEvent.click(screen.getByText('复制链接'));
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: link }));

    let shared: unknown[] = [];
    act(() => {
      shared = triggerLifecycle('shareAppMessage');
    });
    expect(shared).toEqual([{ title: '邀请你加入“北苑晨练太极队”', path: '/pages/group/index?id=g-taiji&invite=tok_ABCDEFGHIJKLMNOP' }]);
  });
});

describe('hub page', () => {
  it('a hub invites a group of its street', async () => {
    routerParams.id = 'g-hub';
    const linked = groupCard({ id: 'g-linked', name: '北苑邻里互助会', type: 'mutual_aid' });
    mockActions({
      'account.me': () => account(),
      'groups.get': () => leaderGroup({ id: 'g-hub', name: '城关街道社会组织联合会', type: 'hub', communityId: null, regionName: '城关街道', abilities: ['groups.view', 'hubs.invite', 'hubs.respond'] }),
      'hubs.members': () => ({ items: [{ group: linked, activityCount: 4, linkedAt: since }] }),
      'regions.tree': () => regionTree,
      'groups.list': () => page([groupCard(), linked, groupCard({ id: 'g-other-hub', type: 'hub', name: '另一个枢纽' })]),
      'hubs.invite': () => hubLink(),
    });
    renderPage(<HubPage />);
    expect(await screen.findByText('北苑邻里互助会')).toBeTruthy();
    // the street hub has no community: its street's first community anchors the search
    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.list', { area: 'nearby', communityId: 'cm-beiyuan', limit: 30 }));
    const candidates = await findElement('.hub__candidates .leader-list');
    // hubs and groups already linked are not offered
    expect(Array.from(candidates.querySelectorAll('.hub__candidate')).map((el) => el.getAttribute('data-group-id'))).toEqual(['g-taiji']);
    await act(async () => {
      fireEvent.click(within(candidates).getByText('邀请'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('hubs.invite', { hubId: 'g-hub', groupId: 'g-taiji' }));
    expect(await within(candidates).findByText('已邀请')).toBeTruthy();
  });

  it("a group's leader accepts a hub's invitation", async () => {
    routerParams.id = 'g-taiji';
    mockActions({
      'account.me': () => account(),
      'groups.get': () => leaderGroup(),
      'hubs.invitations': () => ({ items: [hubLink()] }),
      'hubs.respond': () => hubLink({ status: 'linked', respondedAt: since }),
    });
    renderPage(<HubPage />);
    expect(await screen.findByText('“城关街道社会组织联合会”邀请本组织加入')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('接受'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('hubs.respond', { linkId: 'h-link', accept: true }));
    expect(await screen.findByText('没有待回应的邀请')).toBeTruthy();
  });
});

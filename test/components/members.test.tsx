import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MembersPage from '../../src/package-leader/members/index';
import RequestsPage from '../../src/package-leader/requests/index';
import { call, ClientError } from '../../src/services/cloud';
import { groupVersion } from '../../src/stores/groupChanges';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, groupDetail } from './support/fixtures';
import { confirmDialog, findElement, joinRequest, leaderGroup, member, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(() => {
  resetApp();
  routerParams.id = 'g-taiji';
});

const me = () => account({ id: 'u-li', nickname: '李队长' });
const leader = member({ userId: 'u-li', nickname: '李队长', role: 'leader' });
const coLeader = member({ userId: 'u-qian', nickname: '钱师傅', role: 'co_leader' });
const zhao = member({ userId: 'u-zhao', nickname: '赵大爷' });

function row(selector: string, userId: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`${selector}[data-user-id="${userId}"]`);
  if (!element) throw new Error(`no row for ${userId}`);
  return element;
}

describe('join requests', () => {
  it('approves a request and declines another with an optional reason', async () => {
    const before = groupVersion('g-taiji');
    mockActions({
      'account.me': me,
      'groups.get': () => leaderGroup(),
      'members.requests': () => ({ items: [joinRequest(), joinRequest({ userId: 'u-bob', nickname: '周大哥', message: null })] }),
      'members.decide': (input) => ({ member: input.decision === 'approve' ? member({ userId: input.userId, nickname: '孙阿姨' }) : null, memberCount: 5 }),
    });
    renderPage(<RequestsPage />);
    expect(await screen.findByText('孙阿姨')).toBeTruthy();
    expect(screen.getByText('留言：我会打太极')).toBeTruthy();

    await act(async () => {
      fireEvent.click(within(row('.requests__item', 'u-alice')).getByText('通过'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('members.decide', { groupId: 'g-taiji', userId: 'u-alice', decision: 'approve' }));
    await waitFor(() => expect(screen.queryByText('孙阿姨')).toBeNull());
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已同意 孙阿姨 加入' }));
    // the group page underneath will reload when shown again
    expect(groupVersion('g-taiji')).toBe(before + 1);

    fireEvent.click(within(row('.requests__item', 'u-bob')).getByText('拒绝'));
    await typeInto('.linli-reason', '暂不招新');
    await confirmDialog('linli-reason');
    await waitFor(() => expect(call).toHaveBeenCalledWith('members.decide', { groupId: 'g-taiji', userId: 'u-bob', decision: 'reject', reason: '暂不招新' }));
    expect(await screen.findByText('没有待处理的加入申请')).toBeTruthy();
  });

  it('is closed to members who do not manage the group', async () => {
    mockActions({
      'account.me': me,
      'groups.get': () => groupDetail({ myMembership: { status: 'active', role: 'member', since: '2026-01-01T00:00:00.000Z' }, abilities: ['groups.view', 'members.view'] }),
    });
    renderPage(<RequestsPage />);
    expect(await screen.findByText('你没有管理这个小组的权限')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('members.requests');
  });
});

describe('members', () => {
  it('removes a member with a reason (and a ban) after confirming', async () => {
    let members = [leader, coLeader, zhao];
    mockActions({
      'account.me': me,
      'groups.get': () => leaderGroup(),
      'members.list': () => ({ items: members, total: members.length, hasMore: false }),
      'members.remove': () => {
        members = [leader, coLeader];
        return { member: null, memberCount: 2 };
      },
    });
    renderPage(<MembersPage />);
    expect(await screen.findByText('赵大爷')).toBeTruthy();
    expect(screen.getByText('共 3 位成员')).toBeTruthy();
    // nothing to do to myself (the leader)
    expect(row('.members__item', 'u-li').querySelector('.leader-row__actions')).toBeNull();

    fireEvent.click(within(row('.members__item', 'u-zhao')).getByText('移出'));
    await findElement('.linli-reason');
    expect(screen.getByText('移出 赵大爷')).toBeTruthy();
    // a reason is required
    await confirmDialog('linli-reason');
    expect(await screen.findByText('请填写理由（至少 2 个字）')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('members.remove');

    await typeInto('.linli-reason', '多次发广告');
    fireEvent.click(screen.getByText('同时禁止再次加入'));
    await confirmDialog('linli-reason');

    await waitFor(() => expect(call).toHaveBeenCalledWith('members.remove', { groupId: 'g-taiji', userId: 'u-zhao', reason: '多次发广告', ban: true }));
    await waitFor(() => expect(screen.queryByText('赵大爷')).toBeNull());
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已将 赵大爷 移出小组' }));
  });

  it('the leader makes a co-leader and hands over leadership after confirming', async () => {
    mockActions({
      'account.me': me,
      'groups.get': () => leaderGroup(),
      'members.list': () => ({ items: [leader, coLeader, zhao], total: 3, hasMore: false }),
      'members.setRole': () => ({ member: { ...zhao, role: 'co_leader' }, memberCount: 3 }),
      'groups.transferLeadership': () => ({ member: { ...coLeader, role: 'leader' }, memberCount: 3 }),
    });
    renderPage(<MembersPage />);
    await screen.findByText('赵大爷');
    expect(within(row('.members__item', 'u-qian')).getByText('取消副队长')).toBeTruthy();

    fireEvent.click(within(row('.members__item', 'u-zhao')).getByText('设为副队长'));
    await confirmDialog('linli-confirm');
    await waitFor(() => expect(call).toHaveBeenCalledWith('members.setRole', { groupId: 'g-taiji', userId: 'u-zhao', role: 'co_leader' }));

    fireEvent.click(within(row('.members__item', 'u-qian')).getByText('移交队长'));
    expect(await screen.findByText('确定将队长移交给 钱师傅 吗？移交后你将成为副队长。')).toBeTruthy();
    await confirmDialog('linli-confirm');
    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.transferLeadership', { groupId: 'g-taiji', userId: 'u-qian' }));
  });

  it('a co-leader may remove plain members only', async () => {
    mockActions({
      'account.me': () => account({ id: 'u-qian', nickname: '钱师傅' }),
      'groups.get': () => leaderGroup({ myMembership: { status: 'active', role: 'co_leader', since: '2026-01-01T00:00:00.000Z' }, abilities: ['groups.view', 'groups.manageMembers', 'members.view'] }),
      'members.list': () => ({ items: [leader, coLeader, zhao], total: 3, hasMore: false }),
    });
    renderPage(<MembersPage />);
    await screen.findByText('赵大爷');
    expect(Array.from(row('.members__item', 'u-zhao').querySelectorAll('.nut-button')).map((b) => b.textContent)).toEqual(['移出']);
    expect(row('.members__item', 'u-li').querySelector('.nut-button')).toBeNull();
  });

  it('a plain member sees the list without actions', async () => {
    mockActions({
      'account.me': () => account({ id: 'u-zhao' }),
      'groups.get': () => groupDetail({ myMembership: { status: 'active', role: 'member', since: '2026-01-01T00:00:00.000Z' }, abilities: ['groups.view', 'members.view'] }),
      'members.list': () => ({ items: [leader, coLeader, zhao], total: 3, hasMore: false }),
    });
    renderPage(<MembersPage />);
    await screen.findByText('钱师傅');
    expect(document.querySelector('.members__item .nut-button')).toBeNull();
  });

  it('a member may report any other member, never themself; the link opens the report page for that person', async () => {
    mockActions({
      'account.me': () => account({ id: 'u-zhao', nickname: '赵大爷' }),
      'groups.get': () => groupDetail({ myMembership: { status: 'active', role: 'member', since: '2026-01-01T00:00:00.000Z' }, abilities: ['groups.view', 'members.view'] }),
      'members.list': () => ({ items: [leader, coLeader, zhao], total: 3, hasMore: false }),
    });
    renderPage(<MembersPage />);
    await screen.findByText('钱师傅');
    await waitFor(() => expect(row('.members__item', 'u-li').querySelector('.members__report')).not.toBeNull());
    expect(within(row('.members__item', 'u-qian')).getByText('举报')).toBeTruthy();
    expect(row('.members__item', 'u-zhao').querySelector('.linli-report-link')).toBeNull();
    expect(document.querySelectorAll('.members__report')).toHaveLength(2);

    fireEvent.click(within(row('.members__item', 'u-qian')).getByText('举报'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/package-me/report/index?type=user&id=u-qian&title=${encodeURIComponent('钱师傅')}` });
  });

  it('the leader may report members too, beside the management buttons, but not themself', async () => {
    mockActions({
      'account.me': me,
      'groups.get': () => leaderGroup(),
      'members.list': () => ({ items: [leader, coLeader, zhao], total: 3, hasMore: false }),
    });
    renderPage(<MembersPage />);
    await screen.findByText('赵大爷');
    await waitFor(() => expect(row('.members__item', 'u-zhao').querySelector('.members__report')).not.toBeNull());
    expect(row('.members__item', 'u-li').querySelector('.members__report')).toBeNull();
    fireEvent.click(row('.members__item', 'u-zhao').querySelector<HTMLElement>('.members__report')!);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/package-me/report/index?type=user&id=u-zhao&title=${encodeURIComponent('赵大爷')}` });
    // tapping "report" did not open a management dialog
    expect(document.querySelector('.linli-reason')).toBeNull();
    expect(call).not.toHaveBeenCalledWith('members.remove', expect.anything());
  });

  it('pages through a long list and shows errors with retry', async () => {
    let fail = true;
    mockActions({
      'account.me': me,
      'groups.get': () => leaderGroup(),
      'members.list': (input) => {
        if (fail) throw new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试');
        return input.offset ? { items: [zhao], total: 3, hasMore: false } : { items: [leader, coLeader], total: 3, hasMore: true };
      },
    });
    renderPage(<MembersPage />);
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    await screen.findByText('钱师傅');
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('赵大爷')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('members.list', { groupId: 'g-taiji', offset: 2, limit: 20 });
  });
});

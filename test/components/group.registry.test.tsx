/** The registry's parts of the group page: announcements, management entry, application states, invites, hubs. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import GroupPage from '../../src/pages/group/index';
import { call, ClientError } from '../../src/services/cloud';
import { groupChanged } from '../../src/stores/groupChanges';
import { mockActions } from '../mocks/cloud';
import { routerParams, triggerLifecycle } from '../mocks/taro';
import { account, groupCard, groupDetail } from './support/fixtures';
import { confirmDialog, leaderGroup, post, since } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(() => {
  resetApp();
  routerParams.id = 'g-taiji';
});

const noPosts = () => ({ items: [], total: 0, hasMore: false });
/** The group page's activities section (another feature) answered with none. */
const noActivities = { 'activities.list': () => ({ items: [], total: 0, hasMore: false }) } as const;
const actionsCalled = () => jest.mocked(call).mock.calls.map(([action]) => action);

describe('group page: announcements and management', () => {
  it('shows the announcements, newest first, with photos and paging; leaders get the management entry', async () => {
    mockActions({
      ...noActivities,
      'account.me': () => account(),
      'groups.get': () => leaderGroup(),
      'posts.list': (input) =>
        input.offset
          ? { items: [post({ id: 'p-old', text: '三月活动安排' })], total: 3, hasMore: false }
          : {
              items: [
                post({ id: 'p-new', text: '周六上午九点北苑广场集合，带好水杯。', imagesPending: 2, abilities: ['posts.remove'] }),
                post({ id: 'p-photo', text: '上周活动照片', images: ['https://files.example/a.png'] }),
              ],
              total: 3,
              hasMore: true,
            },
    });
    renderPage(<GroupPage />);

    expect(await screen.findByText('周六上午九点北苑广场集合，带好水杯。')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('posts.list', { groupId: 'g-taiji', offset: 0, limit: 10 });
    expect(screen.getByText('2 张图片正在审核，通过后显示')).toBeTruthy();
    expect(document.querySelectorAll('[data-post-id="p-photo"] .group-post__image')).toHaveLength(1);
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('三月活动安排')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('posts.list', { groupId: 'g-taiji', offset: 2, limit: 10 });

    fireEvent.click(screen.getByText('管理小组'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-leader/manage/index?id=g-taiji' });
    fireEvent.click(document.querySelector<HTMLElement>('.group-feed__new')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-leader/post/index?id=g-taiji' });
  });

  it('a member sees the member list entry, not management, and no way to post', async () => {
    mockActions({
      ...noActivities,
      'account.me': () => account(),
      'groups.get': () => groupDetail({ myMembership: { status: 'active', role: 'member', since }, abilities: ['groups.view', 'groups.leave', 'members.view'] }),
      'posts.list': noPosts,
    });
    renderPage(<GroupPage />);
    expect(await screen.findByText('还没有公告')).toBeTruthy();
    expect(screen.queryByText('管理小组')).toBeNull();
    expect(document.querySelector('.group-feed__new')).toBeNull();
    fireEvent.click(screen.getByText('成员名单'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-leader/members/index?id=g-taiji' });
  });

  it('a resident sees neither management nor the member list', async () => {
    mockActions({ ...noActivities, 'account.me': () => account(), 'groups.get': () => groupDetail(), 'posts.list': noPosts });
    renderPage(<GroupPage />);
    await screen.findByText('还没有公告');
    expect(document.querySelector('.group-entry')).toBeNull();
  });

  it('a resident may report the group and announcements by others; a post the viewer may remove offers removal instead', async () => {
    routerParams.id = 'g-taiji';
    mockActions({
      ...noActivities,
      'account.me': () => account(),
      'groups.get': () => groupDetail(),
      'posts.list': () => ({ items: [post(), post({ id: 'p-mine', text: '我发的公告', abilities: ['posts.remove'] })], total: 2, hasMore: false }),
    });
    renderPage(<GroupPage />);
    await screen.findByText('周六上午九点北苑广场集合，带好水杯。');
    expect(document.querySelector('[data-post-id="p-mine"] .linli-report-link')).toBeNull();
    fireEvent.click(document.querySelector<HTMLElement>('[data-post-id="p-1"] .linli-report-link')!);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/package-me/report/index?type=post&id=p-1&title=${encodeURIComponent('周六上午九点北苑广场集合，带好水杯。')}&groupId=g-taiji`,
    });
    fireEvent.click(document.querySelector<HTMLElement>('.group__report')!);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/package-me/report/index?type=group&id=g-taiji&title=${encodeURIComponent('北苑晨练太极队')}&groupId=g-taiji` });
  });

  it('the leader is not offered a report link for the own group', async () => {
    mockActions({ ...noActivities, 'account.me': () => account(), 'groups.get': () => leaderGroup(), 'posts.list': noPosts });
    renderPage(<GroupPage />);
    await screen.findByText('还没有公告');
    expect(document.querySelector('.group__report')).toBeNull();
  });

  it('deletes an announcement after confirming', async () => {
    mockActions({
      ...noActivities,
      'account.me': () => account(),
      'groups.get': () => leaderGroup(),
      'posts.list': () => ({ items: [post({ abilities: ['posts.remove'] })], total: 1, hasMore: false }),
      'posts.remove': () => ({ removed: true }),
    });
    renderPage(<GroupPage />);
    await screen.findByText('周六上午九点北苑广场集合，带好水杯。');
    fireEvent.click(within(document.querySelector<HTMLElement>('[data-post-id="p-1"]')!).getByText('删除'));
    await confirmDialog('linli-confirm');
    await waitFor(() => expect(call).toHaveBeenCalledWith('posts.remove', { postId: 'p-1' }));
    expect(await screen.findByText('还没有公告')).toBeTruthy();
  });

  it('keeps the page useful when the announcements fail, and retries them', async () => {
    let fail = true;
    mockActions({
      ...noActivities,
      'account.me': () => account(),
      'groups.get': () => groupDetail(),
      'posts.list': () => {
        if (fail) throw new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试');
        return { items: [post()], total: 1, hasMore: false };
      },
    });
    renderPage(<GroupPage />);
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    expect(screen.getByText('北苑晨练太极队')).toBeTruthy();
    fail = false;
    fireEvent.click(within(document.querySelector<HTMLElement>('.group-feed')!).getByText('重新加载'));
    expect(await screen.findByText('周六上午九点北苑广场集合，带好水杯。')).toBeTruthy();
  });

  it('reloads the group and its announcements when shown again after a leader page changed it', async () => {
    let posts = [post()];
    mockActions({ ...noActivities, 'account.me': () => account(), 'groups.get': () => leaderGroup(), 'posts.list': () => ({ items: posts, total: posts.length, hasMore: false }) });
    renderPage(<GroupPage />);
    await screen.findByText('周六上午九点北苑广场集合，带好水杯。');
    posts = [post({ id: 'p-2', text: '新公告：下周停练一次' }), ...posts];
    act(() => {
      groupChanged('g-taiji');
      triggerLifecycle('didShow');
    });
    expect(await screen.findByText('新公告：下周停练一次')).toBeTruthy();
    expect(actionsCalled().filter((a) => a === 'groups.get')).toHaveLength(2);
  });
});

describe('group page: applications', () => {
  const review = { submittedAt: '2026-03-01T02:00:00.000Z', reviewedAt: null, reason: null };

  it('the applicant sees a pending application and who reviews it; no announcements are asked for', async () => {
    mockActions({ ...noActivities, 'account.me': () => account(), 'groups.get': () => groupDetail({ status: 'pending', memberCount: 0, review, abilities: ['groups.view'] }) });
    renderPage(<GroupPage />);
    expect(await screen.findByText(/^建组申请审核中，提交于 2026-03-01/)).toBeTruthy();
    expect(screen.getByText('由社区居委会（村委会）审核')).toBeTruthy();
    expect(screen.queryByText('这个组织正在审核中，暂不能加入')).toBeNull();
    expect(actionsCalled()).not.toContain('posts.list');
  });

  it('a declined application shows the reason and the way to resubmit', async () => {
    mockActions({
      ...noActivities,
      'account.me': () => account(),
      'groups.get': () => groupDetail({ status: 'rejected', review: { ...review, reviewedAt: since, reason: '请补充活动场地' }, abilities: ['groups.view', 'groups.resubmit'] }),
    });
    renderPage(<GroupPage />);
    expect(await screen.findByText('原因：请补充活动场地')).toBeTruthy();
    fireEvent.click(screen.getByText('修改后重新提交'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-leader/found/index?groupId=g-taiji' });
  });

  it('the reviewer is offered the review', async () => {
    mockActions({ ...noActivities, 'account.me': () => account(), 'groups.get': () => groupDetail({ status: 'pending', review, abilities: ['groups.view', 'groups.review'] }) });
    renderPage(<GroupPage />);
    fireEvent.click(await screen.findByText('审核这个申请'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/review/index?id=g-taiji' });
  });

  it('a dissolved group says why and keeps its announcements', async () => {
    mockActions({
      ...noActivities,
      'account.me': () => account(),
      'groups.get': () => groupDetail({ status: 'dissolved', dissolvedReason: '成员搬迁', myMembership: { status: 'active', role: 'member', since }, abilities: ['groups.view'] }),
      'posts.list': () => ({ items: [post()], total: 1, hasMore: false }),
    });
    renderPage(<GroupPage />);
    expect(await screen.findByText('这个组织已解散：成员搬迁')).toBeTruthy();
    expect(await screen.findByText('周六上午九点北苑广场集合，带好水杯。')).toBeTruthy();
  });
});

describe('group page: invites and hubs', () => {
  it('opened from an invite link, joins through it', async () => {
    routerParams.invite = 'tok_ABCDEFGHIJKLMNOP';
    mockActions({
      ...noActivities,
      'account.me': () => account(),
      'groups.get': () => groupDetail({ joinPolicy: 'invite', abilities: ['groups.view'] }),
      'posts.list': noPosts,
      'groups.joinByInvite': () => groupDetail({ joinPolicy: 'invite', memberCount: 5, myMembership: { status: 'active', role: 'member', since }, abilities: ['groups.view', 'groups.leave', 'members.view'] }),
    });
    renderPage(<GroupPage />);
    expect(await screen.findByText('你收到了加入邀请')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('通过邀请加入'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('groups.joinByInvite', { token: 'tok_ABCDEFGHIJKLMNOP' }));
    expect(await screen.findByText('你是这个组织的成员')).toBeTruthy();
    expect(screen.queryByText('你收到了加入邀请')).toBeNull();
  });

  it('says when an invite link no longer works', async () => {
    routerParams.invite = 'tok_ABCDEFGHIJKLMNOP';
    mockActions({
      ...noActivities,
      'account.me': () => account(),
      'groups.get': () => groupDetail({ joinPolicy: 'invite', abilities: ['groups.view'] }),
      'posts.list': noPosts,
      'groups.joinByInvite': () => {
        throw new ClientError('NOT_FOUND', '内容不存在或已删除');
      },
    });
    renderPage(<GroupPage />);
    const join = await screen.findByText('通过邀请加入');
    await act(async () => {
      fireEvent.click(join);
    });
    expect(await screen.findByText('内容不存在或已删除')).toBeTruthy();
  });

  it('a hub lists its linked groups with their activity counts', async () => {
    mockActions({
      ...noActivities,
      'account.me': () => account(),
      'groups.get': () => groupDetail({ id: 'g-hub', name: '城关街道社会组织联合会', type: 'hub', communityId: null, regionName: '城关街道' }),
      'posts.list': noPosts,
      'hubs.members': () => ({ items: [{ group: groupCard(), activityCount: 12, linkedAt: since }] }),
    });
    routerParams.id = 'g-hub';
    renderPage(<GroupPage />);
    expect(await screen.findByText('北苑社区 · 12 场活动')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('hubs.members', { hubId: 'g-hub' });
    fireEvent.click(document.querySelector<HTMLElement>('.group-hub__item[data-group-id="g-taiji"]')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/group/index?id=g-taiji' });
  });
});

/**
 * The needs pages (package-needs) in jsdom, with the contract's schemas checking what they send
 * and what the stubs answer: the board with its category filter, the post form (its checks and
 * posting for whom I act for), the detail page's actions by ability, in both languages and in
 * elderly mode.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import NeedsBoardPage from '../../src/package-needs/board/index';
import NeedDetailPage from '../../src/package-needs/detail/index';
import NeedsPostPage from '../../src/package-needs/post/index';
import Taro from '@tarojs/taro';
import { call, ClientError, uploadImage } from '../../src/services/cloud';
import type { NeedView, OfferView } from '../../src/shared/schemas/needs';
import { setElderly, setLocale } from '../../src/stores/settings';
import { routerParams } from '../mocks/taro';
import { contractViolations, mockCheckedActions } from './support/contractCheck';
import { account, groupCard } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

beforeEach(resetApp);
afterEach(() => {
  act(() => setLocale('zh-CN'));
  act(() => setElderly(false));
});

function need(overrides: Partial<NeedView> = {}): NeedView {
  return {
    id: 'nd-1',
    what: '帮忙去药店买降压药',
    category: 'errands',
    whenFrom: '2026-12-08',
    whenTo: '2026-12-08',
    state: 'open',
    communityId: 'cm-beiyuan',
    createdAt: '2026-12-06T01:00:00.000Z',
    residentName: '李＊',
    postedForResident: false,
    claimer: null,
    addressedTo: null,
    place: null,
    phone: null,
    location: null,
    doneAt: null,
    photo: null,
    helpers: [],
    rating: null,
    thanks: null,
    unclaimedLong: false,
    overdue: false,
    abilities: ['needs.view', 'needs.claim'],
    ...overrides,
  };
}

describe('needs board', () => {
  it('lists the community board and filters by category; the address never shows on the board', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'needs.list': (input) => ({ items: input.category === 'repairs' ? [] : [need()], total: input.category === 'repairs' ? 0 : 1, hasMore: false }),
      'needs.offers': () => {
        throw new ClientError('NOT_FOUND', '本社区未开通时间银行');
      },
    });
    renderPage(<NeedsBoardPage />);
    await findElement('.needs-card[data-need-id="nd-1"]');
    expect(screen.getByText('帮忙去药店买降压药')).toBeTruthy();
    expect(screen.getAllByText('跑腿代办').length).toBeGreaterThan(0);
    expect(screen.getByText('待认领')).toBeTruthy();
    fireEvent.click(screen.getByText('小修小补'));
    await waitFor(() => expect(call).toHaveBeenCalledWith('needs.list', expect.objectContaining({ category: 'repairs' })));
    expect(await screen.findByText('暂时没有需求')).toBeTruthy();
    // The community has no time bank: no tab for it.
    expect(screen.queryByText('时间银行')).toBeNull();
    expect(contractViolations()).toEqual([]);
  });

  it('shows the time-bank offers where the community has them, and adds mine', async () => {
    const offers: OfferView[] = [{ id: 'no-1', what: '周末可以陪老人下象棋', category: 'companionship', state: 'open', communityId: 'cm-beiyuan', name: '周＊', mine: false, createdAt: '2026-12-06T01:00:00.000Z' }];
    mockCheckedActions({
      'account.me': () => account(),
      'needs.list': () => ({ items: [], total: 0, hasMore: false }),
      'needs.offers': () => ({ items: offers, total: offers.length, hasMore: false }),
      'needs.offerPost': (input) => {
        const added = { ...offers[0]!, id: 'no-2', what: input.what, category: input.category, name: '王＊', mine: true };
        offers.unshift(added);
        return added;
      },
    });
    renderPage(<NeedsBoardPage />);
    fireEvent.click(await screen.findByText('时间银行'));
    await findElement('.needs-offer[data-offer-id="no-1"]');
    await typeInto('[data-field="offerWhat"]', '可以帮邻居修自行车');
    await act(async () => {
      fireEvent.click(screen.getByText('发布服务意向'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('needs.offerPost', { what: '可以帮邻居修自行车', category: 'companionship' }));
    await findElement('.needs-offer[data-offer-id="no-2"] .needs-offer__withdraw');
    expect(contractViolations()).toEqual([]);
  });

  it('speaks English and keeps large type in elderly mode', async () => {
    act(() => setLocale('en'));
    act(() => setElderly(true));
    mockCheckedActions({
      'account.me': () => account(),
      'needs.list': () => ({ items: [need({ state: 'claimed', claimer: { kind: 'group', id: 'g-1', name: '北苑志愿服务队' } })], total: 1, hasMore: false }),
      'needs.offers': () => ({ items: [], total: 0, hasMore: false }),
    });
    renderPage(<NeedsBoardPage />);
    await findElement('.needs-card[data-need-id="nd-1"]');
    expect(document.querySelector('.linli-page--elderly.needs-board')).toBeTruthy();
    expect(screen.getByText('Taken on, to confirm')).toBeTruthy();
    expect(screen.getByText('Taken on by 北苑志愿服务队')).toBeTruthy();
    expect(screen.getByText('Post a need')).toBeTruthy();
    expect(contractViolations()).toEqual([]);
  });
});

describe('posting a need', () => {
  it('says what is missing and sends nothing; then posts for the resident I act for', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'proxies.list': () => ({ canActFor: [{ userId: 'u-grandma', nickname: '李奶奶', relation: 'family', since: '2026-01-01T00:00:00.000Z' }], actingForMe: [] }),
      'needs.post': (input) => need({ id: 'nd-9', what: input.what, postedForResident: true }),
    });
    renderPage(<NeedsPostPage />);
    await findElement('[data-field="what"]');
    await act(async () => {
      fireEvent.click(screen.getByText('发布'));
    });
    expect((await screen.findAllByText('请写清需要什么帮助（4–200 字）')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('请选择类别').length).toBeGreaterThan(0);
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('needs.post');

    await waitFor(() => expect(screen.getByText('李奶奶')).toBeTruthy());
    fireEvent.click(screen.getByText('李奶奶'));
    await typeInto('[data-field="what"]', '想找人帮忙换一下灯泡');
    fireEvent.click(screen.getByText('小修小补'));
    await typeInto('[data-field="place"]', '北苑小区 5 栋 101');
    await typeInto('[data-field="phone"]', '13900002222');
    await act(async () => {
      fireEvent.click(screen.getByText('发布'));
    });
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('needs.post', expect.objectContaining({ forUserId: 'u-grandma', what: '想找人帮忙换一下灯泡', category: 'repairs', place: '北苑小区 5 栋 101', phone: '13900002222' })),
    );
    expect(contractViolations()).toEqual([]);
  });

  it('checks the phone in English', async () => {
    act(() => setLocale('en'));
    mockCheckedActions({ 'account.me': () => account(), 'proxies.list': () => ({ canActFor: [], actingForMe: [] }) });
    renderPage(<NeedsPostPage />);
    await findElement('[data-field="phone"]');
    await typeInto('[data-field="phone"]', '123');
    await act(async () => {
      fireEvent.click(screen.getByText('Post'));
    });
    expect((await screen.findAllByText('Please enter an 11-digit mobile number')).length).toBeGreaterThan(0);
  });
});

describe('a need', () => {
  it('shows the actions the viewer may take: claim herself or for the group she leads', async () => {
    routerParams.id = 'nd-1';
    const leads = groupCard({ id: 'g-help', name: '北苑志愿服务队', communityId: 'cm-beiyuan', myMembership: { status: 'active', role: 'leader', since: '2025-06-01T00:00:00.000Z' } });
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [leads], requests: [] }),
      'needs.get': () => need(),
      'needs.claim': (input) => need({ state: 'claimed', place: '北苑小区 3 栋 501', phone: '13900001111', claimer: { kind: 'group', id: input.groupId ?? 'u-wang', name: '北苑志愿服务队' }, abilities: ['needs.view', 'needs.viewPrivate'] }),
    });
    renderPage(<NeedDetailPage />);
    await findElement('.need-detail__claim');
    expect(screen.getByText('地点：认领后可见')).toBeTruthy();
    expect(document.querySelector('.need-detail__withdraw')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByText('以「北苑志愿服务队」认领'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('needs.claim', { needId: 'nd-1', groupId: 'g-help' }));
    expect(await screen.findByText('地点：北苑小区 3 栋 501')).toBeTruthy();
    expect(screen.getByText('电话：13900001111')).toBeTruthy();
    expect(document.querySelector('.need-detail__claim')).toBeNull();
    expect(contractViolations()).toEqual([]);
  });

  it("a group's leader marks it done with a photo and each member's minutes", async () => {
    routerParams.id = 'nd-1';
    Object.assign(Taro, { chooseImage: jest.fn(async () => ({ tempFilePaths: ['blob:photo'], tempFiles: [] })) });
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [], requests: [] }),
      'members.list': () => ({
        items: [
          { userId: 'u-wang', nickname: '王阿姨', avatar: null, role: 'leader' as const, since: '2025-01-01T00:00:00.000Z' },
          { userId: 'u-zhang', nickname: '张叔', avatar: null, role: 'member' as const, since: '2025-01-01T00:00:00.000Z' },
          { userId: 'u-zhao', nickname: '赵姐', avatar: null, role: 'member' as const, since: '2025-01-01T00:00:00.000Z' },
        ],
        total: 3,
        hasMore: false,
      }),
      'needs.get': () => need({ state: 'accepted', claimer: { kind: 'group', id: 'g-help', name: '北苑志愿服务队' }, abilities: ['needs.view', 'needs.viewPrivate', 'needs.done'] }),
      'needs.done': (input) => need({ state: 'done', helpers: input.helpers.map((h) => ({ name: h.userId, minutes: h.minutes })), abilities: ['needs.view'] }),
    });
    jest.mocked(uploadImage).mockResolvedValue('cloud://local/evidence/photo.png');
    renderPage(<NeedDetailPage />);
    await findElement('.need-helpers__row[data-helper-id="u-zhang"]');
    fireEvent.click(screen.getByText('选择照片'));
    await findElement('.need-detail__done .need-detail__photo');
    await typeInto('.need-helpers__row[data-helper-id="u-zhang"]', '45');
    await act(async () => {
      fireEvent.click(screen.getByText('提交完成'));
    });
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('needs.done', { needId: 'nd-1', photo: 'cloud://local/evidence/photo.png', helpers: [{ userId: 'u-wang', minutes: 60 }, { userId: 'u-zhang', minutes: 45 }] }),
    );
    expect(contractViolations()).toEqual([]);
  });

  it('lets the resident thank with a rating, in English', async () => {
    act(() => setLocale('en'));
    routerParams.id = 'nd-1';
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [], requests: [] }),
      'needs.get': () => need({ state: 'done', place: '北苑小区 3 栋 501', phone: '13900001111', helpers: [{ name: '张＊', minutes: 60 }], claimer: { kind: 'group', id: 'g-1', name: '北苑志愿服务队' }, abilities: ['needs.view', 'needs.viewPrivate', 'needs.thank'] }),
      'needs.thank': (input) => need({ state: 'thanked', rating: input.rating, thanks: input.words ?? null, abilities: ['needs.view'] }),
    });
    renderPage(<NeedDetailPage />);
    await findElement('.need-detail__thank');
    expect(screen.getByText('Helpers: 张＊ 60 min')).toBeTruthy();
    fireEvent.click(screen.getByText('★★★★'));
    await typeInto('[data-field="words"]', 'Thank you so much');
    await act(async () => {
      fireEvent.click(screen.getByText('Send thanks'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('needs.thank', { needId: 'nd-1', rating: 4, words: 'Thank you so much' }));
    expect(await screen.findByText('Rating: 4 stars')).toBeTruthy();
    expect(contractViolations()).toEqual([]);
  });
});

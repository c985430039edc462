/**
 * The needs pages (package-needs) in jsdom, with the contract's schemas checking what they send
 * and what the stubs answer: the board with its category filter, the post form (its checks and
 * posting for whom I act for), the detail page's actions by ability, in both languages and in
 * elderly mode.
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
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
    fireEvent.click(screen.getByText('添加图片'));
    await findElement('.need-detail__done .linli-photo__img');
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

describe('asking a neighbour from her time-bank offer (请TA帮忙)', () => {
  const offer: OfferView = { id: 'no-7', what: '周末可以陪老人去医院复诊', category: 'companionship', state: 'open', communityId: 'cm-beiyuan', name: '周＊', mine: false, createdAt: '2026-12-06T01:00:00.000Z' };

  /** Opens the offer board and presses "ask" on the neighbour's offer, then opens the post form it routes to. */
  async function askFromBoard(askLabel: string) {
    mockCheckedActions({
      'account.me': () => account(),
      'needs.list': () => ({ items: [], total: 0, hasMore: false }),
      'needs.offers': () => ({ items: [offer, { ...offer, id: 'no-8', what: '可以帮邻居修自行车', mine: true }], total: 2, hasMore: false }),
      'proxies.list': () => ({ canActFor: [], actingForMe: [] }),
      'needs.post': (input) => need({ id: 'nd-7', what: input.what, category: input.category, addressedTo: { name: '周阿姨' }, abilities: ['needs.view', 'needs.viewPrivate', 'needs.withdraw'] }),
    });
    renderPage(<NeedsBoardPage />);
    fireEvent.click(await screen.findByText(askLabel === '请TA帮忙' ? '时间银行' : 'Time bank'));
    await findElement('.needs-offer[data-offer-id="no-7"] .needs-offer__ask');
    // My own offer has no "ask", only "take down".
    expect(document.querySelector('.needs-offer[data-offer-id="no-8"] .needs-offer__ask')).toBeNull();
    fireEvent.click(screen.getByText(askLabel));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-needs/post/index?offerId=no-7' });
    // The form is another page: the board leaves the screen (the remembered offer stays).
    cleanup();
    routerParams.offerId = 'no-7';
    renderPage(<NeedsPostPage />);
    await findElement('.needs-post__asking');
  }

  it('opens the post form prefilled with the offer, and the need goes to its author', async () => {
    await askFromBoard('请TA帮忙');
    expect(screen.getByText('请「周＊」帮忙：周末可以陪老人去医院复诊')).toBeTruthy();
    expect(screen.getByText('这条需求只发给TA；TA婉拒后会转为公开求助。')).toBeTruthy();
    await typeInto('[data-field="place"]', '北苑小区 5 栋 101');
    await typeInto('[data-field="phone"]', '13900002222');
    await act(async () => {
      fireEvent.click(screen.getByText('发布'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('needs.post', expect.objectContaining({ offerId: 'no-7', what: '周末可以陪老人去医院复诊', category: 'companionship', place: '北苑小区 5 栋 101' })));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/package-needs/detail/index?id=nd-7' });
    expect(contractViolations()).toEqual([]);
  });

  it('in English, and "post it to the board instead" drops the offer', async () => {
    act(() => setLocale('en'));
    await askFromBoard('Ask for help');
    expect(screen.getByText('Asking 周＊: 周末可以陪老人去医院复诊')).toBeTruthy();
    fireEvent.click(screen.getByText('Post it to the board instead'));
    expect(document.querySelector('.needs-post__asking')).toBeNull();
    await typeInto('[data-field="place"]', '北苑小区 5 栋 101');
    await typeInto('[data-field="phone"]', '13900002222');
    await act(async () => {
      fireEvent.click(screen.getByText('Post'));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('needs.post', expect.objectContaining({ what: '周末可以陪老人去医院复诊', category: 'companionship' })));
    const posted = jest.mocked(call).mock.calls.find(([action]) => action === 'needs.post')![1] as Record<string, unknown>;
    expect(posted).not.toHaveProperty('offerId');
    expect(contractViolations()).toEqual([]);
  });

  it.each([
    ['zh-CN', '指定：周阿姨', '这次帮不了，转为公开求助'],
    ['en', 'Asked: 周阿姨', "I can't this time — put it on the board"],
  ] as const)('shows whom it is addressed to; the neighbour asked declines it to the board (%s)', async (locale, addressed, decline) => {
    act(() => setLocale(locale));
    routerParams.id = 'nd-7';
    Object.assign(Taro, { showModal: jest.fn(async () => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })) });
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [], requests: [] }),
      'needs.get': () => need({ id: 'nd-7', addressedTo: { name: '周阿姨' }, abilities: ['needs.view', 'needs.claim', 'needs.declineAddressed'] }),
      'needs.declineAddressed': () => need({ id: 'nd-7', addressedTo: null, abilities: ['needs.view', 'needs.claim'] }),
    });
    renderPage(<NeedDetailPage />);
    await findElement('.need-detail__decline-addressed');
    expect(screen.getByText(addressed)).toBeTruthy();
    expect(document.querySelector('.need-detail__claim')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText(decline));
    });
    await waitFor(() => expect(call).toHaveBeenCalledWith('needs.declineAddressed', { needId: 'nd-7' }));
    await waitFor(() => expect(document.querySelector('.need-detail__decline-addressed')).toBeNull());
    expect(screen.queryByText(addressed)).toBeNull();
    expect(contractViolations()).toEqual([]);
  });

  it('shows 指定 on the resident’s card in "mine"', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'needs.list': () => ({ items: [], total: 0, hasMore: false }),
      'needs.mine': () => ({ items: [need({ id: 'nd-7', addressedTo: { name: '周阿姨' }, abilities: ['needs.view', 'needs.viewPrivate', 'needs.withdraw'] })], total: 1, hasMore: false }),
      'needs.offers': () => ({ items: [], total: 0, hasMore: false }),
    });
    renderPage(<NeedsBoardPage />);
    fireEvent.click(await screen.findByText('我的'));
    await findElement('.needs-card[data-need-id="nd-7"] .needs-card__addressed');
    expect(screen.getByText('指定：周阿姨')).toBeTruthy();
  });
});

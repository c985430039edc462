/**
 * The needs board and committee notices held to issues 16 and 14 (the audit after both were
 * built): every form of the needs pages refuses through the one shared mechanism (the page
 * scrolls to the first problem, a summary stands by the button, limits read from the contract
 * and shown as she types, nothing cut); dates carry the year outside the current one; cards,
 * the urgent pin and the rating chips work by keyboard and have names; the done form says when
 * the group's members are loading or could not be fetched; and consent for the WeChat message a
 * tap gives rise to is asked in that tap (post → claimed, claim → accepted, offer → a
 * neighbour's request), in both languages and elderly mode.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NeedsBoardPage from '../../src/package-needs/board/index';
import NeedDetailPage from '../../src/package-needs/detail/index';
import NeedsPostPage from '../../src/package-needs/post/index';
import HomePage from '../../src/pages/home/index';
import InboxPage from '../../src/pages/inbox/index';
import type { NeedView } from '../../src/shared/schemas/needs';
import { NeedsOfferPostInput, NeedsPostInput, NeedsThankInput } from '../../src/shared/schemas/needs';
import type { NoticeView } from '../../src/shared/schemas/notices';
import { call, ClientError } from '../../src/services/cloud';
import { setElderly, setLocale } from '../../src/stores/settings';
import { chinaDay } from '../../src/utils/chinaTime';
import { fieldAnchor } from '../../src/utils/scrollToField';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { contractViolations, mockCheckedActions } from './support/contractCheck';
import { inboxItem } from './support/eventFixtures';
import { account, groupCard, page } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

// jsdom lays nothing out, so Element has no scrollIntoView; the H5 scroll to a field goes through it.
const scrolled = jest.fn<void, []>();
let prompt: jest.SpyInstance;
beforeAll(() => {
  Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
    scrolled.call(this);
  };
});
beforeEach(() => {
  resetApp();
  scrolled.mockClear();
  prompt = jest.spyOn(Taro, 'requestSubscribeMessage');
});
afterEach(() => {
  prompt.mockRestore();
  act(() => {
    setLocale('zh-CN');
    setElderly(false);
  });
});

/** The elements scrolled into view, in order. */
const scrolledTo = () => scrolled.mock.contexts as Element[];

/** The contract's own limits (never numbers written in the test). */
const WHAT_MAX = NeedsPostInput.shape.what.maxLength!;
const PLACE_MAX = NeedsPostInput.shape.place.maxLength!;
const OFFER_MAX = NeedsOfferPostInput.shape.what.maxLength!;
const WORDS_MAX = NeedsThankInput.shape.words.unwrap().maxLength!;

const TEMPLATES = { needClaimed: 'tpl-need-claimed', needAccepted: 'tpl-need-accepted', needAddressed: 'tpl-need-addressed' };
const withTemplates = () => ({ ...account(), subscribeTemplates: TEMPLATES });

function need(overrides: Partial<NeedView> = {}): NeedView {
  return {
    id: 'nd-1',
    what: '帮忙去药店买降压药',
    category: 'errands',
    whenFrom: chinaDay(),
    whenTo: chinaDay(),
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

async function tap(element: Element): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

/**
 * A tap as in WeChat: the consent prompt exists there only, and utils/subscribe reads TARO_ENV
 * when it runs (a build inlines it). Only the tap's own code runs as weapp.
 */
async function tapInWeapp(element: Element): Promise<void> {
  const platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  try {
    await tap(element);
  } finally {
    process.env.TARO_ENV = platform;
  }
}

/** WeChat accepts every template asked for. */
function acceptAll(): void {
  prompt.mockImplementation(((option: { tmplIds: string[] }) => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(option.tmplIds.map((id) => [id, 'accept'])) })) as unknown as typeof Taro.requestSubscribeMessage);
}

/** The summary ("有 N 处需要修改") in the same block as the submit button `selector`. */
async function summaryBy(selector: string): Promise<HTMLElement> {
  const button = await findElement(selector);
  return within(button.closest('.linli-submit-bar') as HTMLElement).getByRole('alert');
}

describe('forms refuse through the shared mechanism (issue 16 item 1)', () => {
  it('posting a need: counters from the contract as she types, a too-long text kept whole and refused, the page at the first problem and a summary by the button', async () => {
    mockCheckedActions({ 'account.me': () => account(), 'proxies.list': () => ({ canActFor: [], actingForMe: [] }) });
    renderPage(<NeedsPostPage />);
    await findElement('[data-field="what"]');
    // The counters say the contract's limits before anything is typed.
    expect(within(await findElement('[data-field="what"]')).getByText(`0/${WHAT_MAX}`)).toBeTruthy();
    expect(within(await findElement('[data-field="place"]')).getByText(`0/${PLACE_MAX}`)).toBeTruthy();

    const long = '请'.repeat(WHAT_MAX + 3);
    await typeInto('[data-field="what"]', long);
    // Never cut: the box keeps every character, the counter turns red and says so at once.
    expect((document.querySelector('[data-field="what"] textarea') as HTMLTextAreaElement).value).toHaveLength(WHAT_MAX + 3);
    expect(within(await findElement('[data-field="what"]')).getByText(`${WHAT_MAX + 3}/${WHAT_MAX}`).className).toContain('linli-counter--over');
    expect(within(await findElement('[data-field="what"]')).getByText(new RegExp(`^最多 ${WHAT_MAX} 个字，现在 ${WHAT_MAX + 3} 个`))).toBeTruthy();

    await tap(await findElement('.needs-post__submit'));
    expect(scrolledTo()[0]!.classList.contains(fieldAnchor('what'))).toBe(true);
    const summary = await summaryBy('.needs-post__submit');
    expect(within(summary).getByText('有 4 处需要修改')).toBeTruthy();
    expect(Array.from(summary.querySelectorAll('[data-summary-field]'), (item) => item.getAttribute('data-summary-field'))).toEqual(['what', 'category', 'place', 'phone']);
    expect(within(summary).getByText(`地点：请填写地点（2–${PLACE_MAX} 字）`)).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('needs.post');
  });

  it('offering help on the time bank: an empty offer is refused with the summary and the scroll, and nothing is sent', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'needs.list': () => ({ items: [], total: 0, hasMore: false }),
      'needs.offers': () => ({ items: [], total: 0, hasMore: false }),
    });
    renderPage(<NeedsBoardPage />);
    await tap(await screen.findByText('时间银行'));
    expect(within(await findElement('[data-field="offerWhat"]')).getByText(`0/${OFFER_MAX}`)).toBeTruthy();
    await tap(await findElement('.needs-offers__post'));
    expect(scrolledTo()[0]!.classList.contains(fieldAnchor('offerWhat'))).toBe(true);
    const summary = await summaryBy('.needs-offers__post');
    expect(within(summary).getByText(`我能做什么：请写清你能做什么（4–${OFFER_MAX} 字）`)).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('needs.offerPost');
  });

  it('marking it done: without a photo the button still answers — it says what is missing — and minutes under the contract’s floor are refused', async () => {
    routerParams.id = 'nd-1';
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [], requests: [] }),
      'needs.get': () => need({ state: 'accepted', claimer: { kind: 'volunteer', id: 'u-wang', name: '王阿姨' }, abilities: ['needs.view', 'needs.viewPrivate', 'needs.done'] }),
    });
    renderPage(<NeedDetailPage />);
    const submit = await findElement('.need-detail__done-submit');
    expect(submit.hasAttribute('disabled')).toBe(false);
    await typeInto('.need-helpers__row[data-helper-id="u-wang"]', '5');
    await tap(submit);
    expect(scrolledTo()[0]!.classList.contains(fieldAnchor('photo'))).toBe(true);
    const summary = await summaryBy('.need-detail__done-submit');
    expect(within(summary).getByText('有 2 处需要修改')).toBeTruthy();
    expect(within(summary).getByText('服务照片：请上传一张服务照片')).toBeTruthy();
    expect(within(summary).getByText('服务时长（分钟）：至少 10 分钟')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('needs.done');
  });

  it('thanking: words over the limit are kept, counted and refused (in English)', async () => {
    act(() => setLocale('en'));
    routerParams.id = 'nd-1';
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [], requests: [] }),
      'needs.get': () => need({ state: 'done', claimer: { kind: 'volunteer', id: 'u-li', name: '李＊' }, abilities: ['needs.view', 'needs.thank'] }),
    });
    renderPage(<NeedDetailPage />);
    await findElement('.need-detail__thank');
    await typeInto('[data-field="words"]', 'x'.repeat(WORDS_MAX + 1));
    expect(within(await findElement('[data-field="words"]')).getByText(`${WORDS_MAX + 1}/${WORDS_MAX}`)).toBeTruthy();
    await tap(await findElement('.need-detail__thank-submit'));
    expect(scrolledTo()[0]!.classList.contains(fieldAnchor('words'))).toBe(true);
    const summary = await summaryBy('.need-detail__thank-submit');
    expect(within(summary).getByText('1 thing to fix')).toBeTruthy();
    expect(jest.mocked(call).mock.calls.map(([action]) => action)).not.toContain('needs.thank');
  });
});

describe('dates, names, keyboard and states (issue 16 items 3, 4 and 6)', () => {
  it('writes a need’s day as a date, with the year only outside the current one', async () => {
    const year = Number(chinaDay().slice(0, 4));
    mockCheckedActions({
      'account.me': () => account(),
      'needs.list': () => ({ items: [need({ id: 'nd-next', whenFrom: `${year + 1}-01-15`, whenTo: `${year + 1}-01-20` }), need({ id: 'nd-now', whenFrom: `${year}-06-15`, whenTo: `${year}-06-15` })], total: 2, hasMore: false }),
      'needs.offers': () => {
        throw new ClientError('NOT_FOUND', '本社区未开通时间银行');
      },
    });
    renderPage(<NeedsBoardPage />);
    const next = await findElement('.needs-card[data-need-id="nd-next"]');
    expect(next.textContent).toContain(`时间：${year + 1}年1月15日`);
    expect(next.textContent).toContain(`至 ${year + 1}年1月20日`);
    const now = await findElement('.needs-card[data-need-id="nd-now"]');
    expect(now.textContent).toContain('时间：6月15日');
    expect(now.textContent).not.toContain(String(year));
    // Never the raw ISO day.
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('opens a need card with the keyboard (a link in the tab order)', async () => {
    mockCheckedActions({
      'account.me': () => account(),
      'needs.list': () => ({ items: [need()], total: 1, hasMore: false }),
      'needs.offers': () => ({ items: [], total: 0, hasMore: false }),
    });
    renderPage(<NeedsBoardPage />);
    const card = await findElement('.needs-card[data-need-id="nd-1"]');
    expect(card.getAttribute('role')).toBe('link');
    expect(card.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(card, { key: 'Enter' });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-needs/detail/index?id=nd-1' });
  });

  it('keeps the time-bank tab when its offers cannot be fetched, with the error and a retry (a board that is off has no tab)', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'needs.list': () => ({ items: [], total: 0, hasMore: false }),
      'needs.offers': () => {
        if (fail) throw new ClientError('INTERNAL', '网络不稳定，请稍后再试');
        return { items: [{ id: 'no-1', what: '周末可以陪老人下象棋', category: 'companionship' as const, state: 'open' as const, communityId: 'cm-beiyuan', name: '周＊', mine: false, createdAt: '2026-12-06T01:00:00.000Z' }], total: 1, hasMore: false };
      },
    });
    renderPage(<NeedsBoardPage />);
    await tap(await screen.findByText('时间银行'));
    expect(await screen.findByText('网络不稳定，请稍后再试')).toBeTruthy();
    fail = false;
    await tap(screen.getByText('重新加载'));
    await findElement('.needs-offer[data-offer-id="no-1"]');
  });

  it('says when the groups she leads cannot be fetched, with a retry that brings "take on for the group"', async () => {
    routerParams.id = 'nd-1';
    let fail = true;
    const leads = groupCard({ id: 'g-help', name: '北苑志愿服务队', communityId: 'cm-beiyuan', myMembership: { status: 'active', role: 'leader', since: '2025-06-01T00:00:00.000Z' } });
    mockActions({
      'account.me': () => account(),
      'needs.get': () => need(),
      'memberships.mine': () => {
        if (fail) throw new ClientError('INTERNAL', '网络不稳定，请稍后再试');
        return { groups: [leads], requests: [] };
      },
    });
    renderPage(<NeedDetailPage />);
    await findElement('.need-detail__claim');
    expect(await screen.findByText('网络不稳定，请稍后再试')).toBeTruthy();
    fail = false;
    await tap(screen.getByText('重新加载'));
    expect(await screen.findByText('以「北苑志愿服务队」认领')).toBeTruthy();
  });

  it('names each rating chip in words and the service photo', async () => {
    routerParams.id = 'nd-1';
    mockCheckedActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [], requests: [] }),
      'needs.get': () => need({ state: 'done', photo: 'https://example.test/photo.png', claimer: { kind: 'volunteer', id: 'u-li', name: '李＊' }, abilities: ['needs.view', 'needs.thank'] }),
    });
    renderPage(<NeedDetailPage />);
    await findElement('.need-detail__thank');
    const chips = Array.from(document.querySelectorAll('[data-field="rating"] [role="radio"]'), (chip) => chip.getAttribute('aria-label'));
    expect(chips).toEqual(['评分：1 星', '评分：2 星', '评分：3 星', '评分：4 星', '评分：5 星']);
    expect(document.querySelector('.need-detail__photo')!.getAttribute('aria-label')).toBe('服务照片');
  });

  it("says while the group's members load, and offers a retry when they cannot be fetched — never an empty list", async () => {
    routerParams.id = 'nd-1';
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'memberships.mine': () => ({ groups: [], requests: [] }),
      'needs.get': () => need({ state: 'accepted', claimer: { kind: 'group', id: 'g-help', name: '北苑志愿服务队' }, abilities: ['needs.view', 'needs.viewPrivate', 'needs.done'] }),
      'members.list': () => {
        if (fail) throw new ClientError('INTERNAL', '网络不稳定，请稍后再试');
        return { items: [{ userId: 'u-zhang', nickname: '张叔', avatar: null, role: 'member' as const, since: '2025-01-01T00:00:00.000Z' }], total: 1, hasMore: false };
      },
    });
    renderPage(<NeedDetailPage />);
    const field = await findElement('[data-field="minutes"]');
    await waitFor(() => expect(within(field).getByText('网络不稳定，请稍后再试')).toBeTruthy());
    fail = false;
    await tap(within(field).getByText('重新加载'));
    await findElement('.need-helpers__row[data-helper-id="u-zhang"]');
  });

  it('lets the keyboard open an urgent notice pinned on home (elderly mode)', async () => {
    act(() => setElderly(true));
    const pinned: NoticeView = {
      id: 'nt-storm',
      communityId: 'cm-beiyuan',
      communityName: '北苑社区',
      title: '暴雨红色预警',
      body: '今夜有特大暴雨，请勿外出。',
      kind: 'weather',
      urgent: true,
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      live: true,
      image: null,
      imagePending: false,
      status: 'published',
      publishedAt: '2026-07-01T01:00:00.000Z',
      withdrawnAt: null,
      withdrawReason: null,
      createdAt: '2026-07-01T01:00:00.000Z',
      updatedAt: '2026-07-01T01:00:00.000Z',
      read: false,
      abilities: ['notices.view', 'notices.dismiss'],
    };
    mockActions({
      'account.me': () => account(),
      'notices.pinned': () => ({ items: [pinned] }),
      'groups.list': () => page([groupCard()]),
    });
    renderPage(<HomePage />);
    const link = await findElement('.urgent-notices__main');
    expect(link.getAttribute('role')).toBe('link');
    expect(link.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(link, { key: 'Enter' });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-notices/detail/index?id=nt-storm' });
    // "知道了" is named with the words it shows first (WCAG 2.5.3 Label in Name; axe's label-content-name-mismatch).
    const dismiss = await findElement('.urgent-notices__dismiss');
    expect(dismiss.getAttribute('aria-label')!.startsWith(dismiss.textContent!.trim())).toBe(true);
    expect(dismiss.getAttribute('aria-label')).toContain('暴雨红色预警');
    // The needs entry on home is a link in the tab order too.
    const needs = await findElement('.home__needs');
    expect(needs.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(needs, { key: 'Enter' });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-needs/board/index' });
  });
});

describe('a committee notice in the inbox', () => {
  it('is a link the keyboard reaches and opens (English)', async () => {
    act(() => setLocale('en'));
    const item = inboxItem({ id: 'notice:nt-storm', kind: 'notice', title: '[Urgent] 暴雨红色预警', body: '今夜有特大暴雨，请勿外出。', link: 'package-notices/detail/index?id=nt-storm', read: false });
    mockActions({ 'account.me': () => account(), 'inbox.list': () => ({ items: [item], total: 1, hasMore: false, unread: 1 }), 'inbox.markRead': () => ({ unread: 0 }) });
    renderPage(<InboxPage />);
    const row = await findElement('.inbox__item[data-item-id="notice:nt-storm"]');
    expect(row.getAttribute('role')).toBe('link');
    expect(row.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(row, { key: 'Enter' });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-notices/detail/index?id=nt-storm' });
  });
});

describe('consent in the tap where the message is born (issue 14 item 2)', () => {
  it('posting a need asks for the "someone took it on" message, then posts', async () => {
    acceptAll();
    mockCheckedActions({
      'account.me': () => withTemplates(),
      'proxies.list': () => ({ canActFor: [], actingForMe: [] }),
      'needs.post': (input) => need({ id: 'nd-9', what: input.what }),
    });
    renderPage(<NeedsPostPage />);
    await findElement('[data-field="what"]');
    await waitFor(() => expect(call).toHaveBeenCalledWith('account.me', expect.anything()));
    await typeInto('[data-field="what"]', '想找人帮忙换一下灯泡');
    await tap(screen.getByText('小修小补'));
    await typeInto('[data-field="place"]', '北苑小区 5 栋 101');
    await typeInto('[data-field="phone"]', '13900002222');
    await tapInWeapp(await findElement('.needs-post__submit'));
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(prompt.mock.calls[0]![0]).toMatchObject({ tmplIds: ['tpl-need-claimed'] });
    await waitFor(() => expect(call).toHaveBeenCalledWith('needs.post', expect.objectContaining({ what: '想找人帮忙换一下灯泡' })));
    // What she subscribed to goes with the confirmation.
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布\n已订阅：需求认领通知' })));
    expect(contractViolations()).toEqual([]);
  });

  it('a refused form asks nothing (no consent spent on a need never posted)', async () => {
    mockCheckedActions({ 'account.me': () => withTemplates(), 'proxies.list': () => ({ canActFor: [], actingForMe: [] }) });
    renderPage(<NeedsPostPage />);
    await waitFor(() => expect(call).toHaveBeenCalledWith('account.me', expect.anything()));
    await tapInWeapp(await findElement('.needs-post__submit'));
    expect(prompt).not.toHaveBeenCalled();
  });

  it('taking a need on asks for the "resident accepted" message and shows what she subscribed to (English)', async () => {
    act(() => setLocale('en'));
    acceptAll();
    routerParams.id = 'nd-1';
    mockCheckedActions({
      'account.me': () => withTemplates(),
      'memberships.mine': () => ({ groups: [], requests: [] }),
      'needs.get': () => need(),
      'needs.claim': () => need({ state: 'claimed', claimer: { kind: 'volunteer', id: 'u-wang', name: '王阿姨' }, abilities: ['needs.view', 'needs.viewPrivate'] }),
    });
    renderPage(<NeedDetailPage />);
    const claim = await findElement('.need-detail__claim');
    await waitFor(() => expect(call).toHaveBeenCalledWith('account.me', expect.anything()));
    await tapInWeapp(claim);
    expect(prompt.mock.calls[0]![0]).toMatchObject({ tmplIds: ['tpl-need-accepted'] });
    await waitFor(() => expect(call).toHaveBeenCalledWith('needs.claim', { needId: 'nd-1' }));
    expect(await screen.findByText("Subscribed: the resident's answer")).toBeTruthy();
    expect(contractViolations()).toEqual([]);
  });

  it('offering help on the time bank asks for the "a neighbour asks you" message', async () => {
    acceptAll();
    mockCheckedActions({
      'account.me': () => withTemplates(),
      'needs.list': () => ({ items: [], total: 0, hasMore: false }),
      'needs.offers': () => ({ items: [], total: 0, hasMore: false }),
      'needs.offerPost': (input) => ({ id: 'no-2', what: input.what, category: input.category, state: 'open' as const, communityId: 'cm-beiyuan', name: '王＊', mine: true, createdAt: '2026-12-06T01:00:00.000Z' }),
    });
    renderPage(<NeedsBoardPage />);
    await tap(await screen.findByText('时间银行'));
    await typeInto('[data-field="offerWhat"]', '可以帮邻居修自行车');
    await waitFor(() => expect(call).toHaveBeenCalledWith('account.me', expect.anything()));
    await tapInWeapp(await findElement('.needs-offers__post'));
    expect(prompt.mock.calls[0]![0]).toMatchObject({ tmplIds: ['tpl-need-addressed'] });
    await waitFor(() => expect(call).toHaveBeenCalledWith('needs.offerPost', { what: '可以帮邻居修自行车', category: 'companionship' }));
    expect(await screen.findByText('已订阅：邻居求助通知')).toBeTruthy();
    expect(contractViolations()).toEqual([]);
  });
});

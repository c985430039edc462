/**
 * The care register (package-care) and the proxy pages (package-proxy) held to issues 14 and 16,
 * which were written before them: each test here failed before the audit's fix.
 * - Forms (issue 16 item 1): a counter from the contract on every text field, the text never cut;
 *   a refused submit scrolls to its first problem and lists the problems by the button — the
 *   pairing form included, whose refusals used to be a passing toast.
 * - Dates carry their year when it is not this year (item 4).
 * - No blank section and no false empty state while something loads or after it failed (item 3).
 * - Consent for subscribe messages in the tap where the message is born (issue 14 item 2):
 *   registering and pairing a person → her overdue visits (to the committee); a proxy signing a
 *   resident up for a full activity → the offer of a freed seat as well as the reminder.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CareListPage from '../../src/package-care/list/index';
import CarePersonPage from '../../src/package-care/person/index';
import CareRegisterPage from '../../src/package-care/register/index';
import CareMinePage from '../../src/package-care/mine/index';
import ProxyCreatePage from '../../src/package-proxy/create/index';
import { BirthYearPrompt } from '../../src/pages/activity/BirthYearPrompt';
import { ProxySignup } from '../../src/pages/activity/ProxySignup';
import type { AccountMeOutput } from '../../src/shared/schemas/account';
import type { ActivityDetail } from '../../src/shared/schemas/activities';
import { CareRegisterInput } from '../../src/shared/schemas/care';
import { ProxyCreateResidentInput } from '../../src/shared/schemas/signups';
import type { CareRecipientView, CareVisitView } from '../../src/shared/schemas/care';
import { call, ClientError } from '../../src/services/cloud';
import { setLocale } from '../../src/stores/settings';
import { chinaDay } from '../../src/utils/chinaTime';
import { fieldAnchor } from '../../src/utils/scrollToField';
import { mockActions } from '../mocks/cloud';
import { routerParams } from '../mocks/taro';
import { account, groupCard } from './support/fixtures';
import { findElement, typeInto } from './support/registryFixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

// jsdom lays nothing out, so Element has no scrollIntoView; the H5 scroll to a field goes through it.
const scrolled = jest.fn<void, [ScrollIntoViewOptions?]>();
beforeAll(() => {
  Element.prototype.scrollIntoView = function scrollIntoView(this: Element, options?: boolean | ScrollIntoViewOptions) {
    scrolled.call(this, typeof options === 'object' ? options : undefined);
  };
});

let prompt: jest.SpyInstance;
beforeEach(() => {
  resetApp();
  scrolled.mockClear();
  prompt = jest.spyOn(Taro, 'requestSubscribeMessage').mockImplementation(
    () => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'tpl-care-overdue': 'accept' }) as unknown as ReturnType<typeof Taro.requestSubscribeMessage>,
  );
});
afterEach(() => {
  prompt.mockRestore();
  act(() => setLocale('zh-CN'));
});

const DAY = 24 * 3600_000;
const inDays = (days: number) => chinaDay(Date.now() + days * DAY);
const thisYear = Number(chinaDay().slice(0, 4));
const TEMPLATES = { reminder: 'tpl-reminder', offer: 'tpl-offer', careOverdue: 'tpl-care-overdue', carePaired: 'tpl-care-paired' };
const committee = (): AccountMeOutput => ({ ...account({ roles: [{ role: 'committee', regionId: 'cm-beiyuan', regionName: '北苑社区' }] }), subscribeTemplates: TEMPLATES });
const calledWith = (action: string) => jest.mocked(call).mock.calls.filter(([name]) => name === action).map(([, input]) => input);
const scrolledTo = () => scrolled.mock.contexts as Element[];

/** A tap as in WeChat: only there is there a prompt (utils/subscribe reads TARO_ENV when it runs). */
function tapInWeapp(element: Element): void {
  const platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  try {
    fireEvent.click(element);
  } finally {
    process.env.TARO_ENV = platform;
  }
}

/** A promise that never settles: the page stays loading. */
const never = <T,>() => new Promise<T>(() => undefined);

/** A promise the test settles (the session store shares one account request across tests: it must end). */
function held<T>() {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

function person(overrides: Partial<CareRecipientView> = {}): CareRecipientView {
  return {
    id: 'cr-li',
    communityId: 'cm-beiyuan',
    communityName: '北苑社区',
    category: 'lone_elder',
    name: '李奶奶',
    phone: null,
    address: '北苑小区3栋101',
    notes: null,
    frequencyDays: 7,
    status: 'active',
    closedReason: null,
    closedAt: null,
    lastVisitDate: null,
    dueDate: inDays(3),
    overdue: false,
    userId: null,
    consent: { by: 'self', guardianName: null, witnessedByName: '张主任', reference: 'PAPER-001', recordedAt: '2026-12-01T02:00:00.000Z' },
    pairs: [],
    abilities: ['care.view', 'care.viewConsent', 'care.pair', 'care.unpair', 'care.visits'],
    ...overrides,
  };
}

const visit = (overrides: Partial<CareVisitView> = {}): CareVisitView => ({
  id: 'cv-1',
  visitDate: chinaDay(),
  minutes: 60,
  notes: '陪老人聊天',
  photo: null,
  visitorName: '阿芳',
  onTime: true,
  hourRecordId: 'hc-1',
  hourState: 'pending',
  loggedAt: new Date().toISOString(),
  ...overrides,
});

describe('the care register form (issue 16 item 1)', () => {
  const NAME_MAX = CareRegisterInput.shape.name.maxLength!;

  it('counts name and address against the contract as they are typed, keeps an over-long name whole, and refuses it by the button', async () => {
    routerParams.communityId = 'cm-beiyuan';
    mockActions({ 'account.me': () => committee() });
    renderPage(<CareRegisterPage />);
    const long = '李'.repeat(NAME_MAX + 1);
    await typeInto('[data-field="name"]', long);
    const nameField = await findElement('[data-field="name"]');
    expect(within(nameField).getByText(`${NAME_MAX + 1}/${NAME_MAX}`)).toBeTruthy();
    expect(nameField.querySelector('.linli-field__error')?.textContent).toBe(`最多 ${NAME_MAX} 个字，现在 ${NAME_MAX + 1} 个，请删减`);
    expect(nameField.querySelector('input')?.value).toBe(long);
    await typeInto('[data-field="address"]', '北苑');
    expect(within(await findElement('[data-field="address"]')).getByText(`2/${CareRegisterInput.shape.address.maxLength!}`)).toBeTruthy();
    // The paper form's number too (its limit is the text side of the reference).
    await typeInto('[data-field="reference"]', 'PAPER-001');
    expect(within(await findElement('[data-field="reference"]')).getByText('9/40')).toBeTruthy();

    await act(async () => {
      fireEvent.click(await findElement('.care-register__submit'));
    });
    expect(scrolledTo()[0]?.classList.contains(fieldAnchor('category'))).toBe(true);
    const summary = (await findElement('.care-bar')).querySelector('.linli-form-summary')!;
    expect(Array.from(summary.querySelectorAll('[data-summary-field]'), (item) => item.getAttribute('data-summary-field'))).toEqual(['category', 'name', 'witnessed']);
    expect(calledWith('care.register')).toEqual([]);
  });

  it("asks the committee's consent for overdue alerts in the register tap, once the form is accepted", async () => {
    routerParams.communityId = 'cm-beiyuan';
    mockActions({ 'account.me': () => committee(), 'care.register': () => person() });
    renderPage(<CareRegisterPage />);
    const submit = await findElement('.care-register__submit');
    // A refused form asks nothing.
    tapInWeapp(submit);
    expect(prompt).not.toHaveBeenCalled();
    fireEvent.click(await findElement('[data-field="category"] [data-value="lone_elder"]'));
    await typeInto('[data-field="name"]', '李奶奶');
    await typeInto('[data-field="address"]', '北苑小区3栋101');
    await typeInto('[data-field="reference"]', 'PAPER-001');
    fireEvent.click(await findElement('.care-witnessed'));
    await act(async () => {
      tapInWeapp(submit);
    });
    expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-care-overdue'] });
    await waitFor(() => expect(calledWith('care.register')).toHaveLength(1));
  });
});

describe('one person in care', () => {
  it('writes a visit and the last visit of another year with their year, this year without', async () => {
    routerParams.id = 'cr-li';
    const lastYear = `${thisYear - 1}-11-20`;
    mockActions({
      'account.me': () => committee(),
      'care.get': () => person({ lastVisitDate: lastYear }),
      'care.visits': () => ({ items: [visit({ id: 'cv-old', visitDate: lastYear }), visit({ id: 'cv-new', visitDate: `${thisYear}-01-15` })], total: 2, hasMore: false }),
      'groups.list': () => ({ items: [], total: 0, hasMore: false }),
    });
    renderPage(<CarePersonPage />);
    expect(await screen.findByText(`上次探访 ${thisYear - 1}年11月20日 ${weekday(lastYear)}`)).toBeTruthy();
    expect(document.querySelector('[data-visit="cv-old"]')?.textContent).toContain(`${thisYear - 1}年11月20日`);
    expect(document.querySelector('[data-visit="cv-new"]')?.textContent).toContain('1月15日');
    expect(document.querySelector('[data-visit="cv-new"]')?.textContent).not.toContain(`${thisYear}年`);
    act(() => setLocale('en'));
    await waitFor(() => expect(document.querySelector('[data-visit="cv-old"]')?.textContent).toContain(`Nov 20, ${thisYear - 1}`));
  });

  it('shows a skeleton while the visit log loads, never a blank section', async () => {
    routerParams.id = 'cr-li';
    mockActions({ 'account.me': () => committee(), 'care.get': () => person({ abilities: ['care.view', 'care.visits'] }), 'care.visits': () => never() });
    renderPage(<CarePersonPage />);
    await screen.findByText('李奶奶');
    expect(document.querySelector('.care-visits .linli-state--loading')).toBeTruthy();
  });

  it("says when the visit log failed and retries on tap", async () => {
    routerParams.id = 'cr-li';
    let visits: () => Promise<{ items: CareVisitView[]; total: number; hasMore: boolean }> = () => Promise.reject(new ClientError('NETWORK', '网络不太好，请稍后重试'));
    mockActions({ 'account.me': () => committee(), 'care.get': () => person({ abilities: ['care.view', 'care.visits'] }), 'care.visits': () => visits() });
    renderPage(<CarePersonPage />);
    const failure = await findElement('.care-visits .linli-state--error');
    expect(failure.textContent).toContain('网络不太好，请稍后重试');
    visits = async () => ({ items: [visit()], total: 1, hasMore: false });
    await act(async () => {
      fireEvent.click(within(failure).getByText('重新加载'));
    });
    await waitFor(() => expect(document.querySelector('[data-visit="cv-1"]')).toBeTruthy());
    expect(document.querySelector('.care-visits .linli-state--error')).toBeNull();
  });

  it('says when the groups to pair did not load, and loads them again on a tap', async () => {
    routerParams.id = 'cr-li';
    let groups: () => Promise<{ items: Array<ReturnType<typeof groupCard>>; total: number; hasMore: boolean }> = () => Promise.reject(new ClientError('NETWORK', '网络不太好，请稍后重试'));
    mockActions({
      'account.me': () => committee(),
      'care.get': () => person(),
      'care.visits': () => ({ items: [], total: 0, hasMore: false }),
      'groups.list': () => groups(),
    });
    renderPage(<CarePersonPage />);
    const failed = await findElement('.care-groups-failed');
    expect(failed.textContent).toBe('附近小组没有加载出来，点此重新加载');
    groups = async () => ({ items: [groupCard({ id: 'g-zhulao', name: '北苑助老队' })], total: 1, hasMore: false });
    await act(async () => {
      fireEvent.keyDown(failed, { key: 'Enter' });
    });
    await findElement('.care-pair-groups [data-value="g-zhulao"]');
    expect(document.querySelector('.care-groups-failed')).toBeNull();
  });

  it('pairs through the shared form mechanism: a wrong number stands by its field and the button, a refusal is said there, nothing is sent wrongly', async () => {
    routerParams.id = 'cr-li';
    mockActions({
      'account.me': () => committee(),
      'care.get': () => person(),
      'care.visits': () => ({ items: [], total: 0, hasMore: false }),
      'groups.list': () => ({ items: [], total: 0, hasMore: false }),
      'care.pair': () => {
        throw new ClientError('NOT_FOUND', '没有这位在册志愿者');
      },
    });
    renderPage(<CarePersonPage />);
    const button = await findElement('.care-pair');
    // An empty number is not a dead button: the tap says what is missing.
    expect(button.hasAttribute('disabled')).toBe(false);
    await act(async () => {
      fireEvent.click(button);
    });
    const field = await findElement('[data-field="volunteerNo"]');
    expect(field.querySelector('.linli-field__error')?.textContent).toBe('志愿者编号是 V 开头加 10 位数字，如 V2026000001');
    expect(scrolledTo()[0]?.getAttribute('data-field')).toBe('volunteerNo');
    expect(document.querySelector('.care-pair-form .linli-form-summary [data-summary-field="volunteerNo"]')).toBeTruthy();
    await typeInto('[data-field="volunteerNo"]', 'V123');
    await act(async () => {
      fireEvent.click(button);
    });
    expect(calledWith('care.pair')).toEqual([]);

    await typeInto('[data-field="volunteerNo"]', 'V2026000001');
    await act(async () => {
      tapInWeapp(button);
    });
    await waitFor(() => expect(calledWith('care.pair')).toEqual([{ recipientId: 'cr-li', volunteerNo: 'V2026000001' }]));
    expect((await findElement('.care-pair-form .linli-form-summary__general')).textContent).toBe('没有这位在册志愿者');
    // The pairing tap asked the committee's consent for the overdue alert it sets up, and says what she chose.
    expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-care-overdue'] });
    expect(await screen.findByText('已订阅：关爱探访逾期提醒')).toBeTruthy();
  });
});

describe('lists while the account loads', () => {
  it("the committee's register shows a skeleton while her account loads, not 'nobody in care'", async () => {
    const me = held<AccountMeOutput>();
    mockActions({ 'account.me': () => me.promise, 'care.list': () => ({ items: [], total: 0, hasMore: false }) });
    renderPage(<CareListPage />);
    await findElement('.care-list-page .linli-state--loading');
    expect(document.querySelector('.linli-state--empty')).toBeNull();
    expect(calledWith('care.list')).toEqual([]);
    // The account arrives: now the register is asked for (and the store's shared request is settled for the next test).
    await act(async () => me.release(committee()));
    await waitFor(() => expect(calledWith('care.list')).toHaveLength(1));
  });

  it('and the failure of her account with a retry', async () => {
    let fail = true;
    mockActions({
      'account.me': () => {
        if (fail) throw new ClientError('NETWORK', '网络不太好，请稍后重试');
        return committee();
      },
      'care.list': () => ({ items: [], total: 0, hasMore: false }),
    });
    renderPage(<CareListPage />);
    const failure = await findElement('.care-list-page .linli-state--error');
    expect(document.querySelector('.linli-state--empty')).toBeNull();
    fail = false;
    await act(async () => {
      fireEvent.click(within(failure).getByText('重新加载'));
    });
    await waitFor(() => expect(calledWith('care.list')).toEqual([expect.objectContaining({ communityId: 'cm-beiyuan' })]));
  });

  it("my pairs write a due day of next year with its year", async () => {
    const nextYear = `${thisYear + 1}-01-05`;
    mockActions({
      'account.me': () => account(),
      'care.myPairs': () => ({ items: [{ recipientId: 'cr-li', pairId: 'cp-1', name: '李奶奶', category: 'lone_elder', address: null, phone: null, groupName: null, lastVisitDate: null, dueDate: nextYear, overdue: false, daysLeft: 40 }] }),
    });
    renderPage(<CareMinePage />);
    expect(await screen.findByText(`独居老人 · ${thisYear + 1}年1月5日 ${weekday(nextYear)} 前探访`)).toBeTruthy();
  });
});

describe('registering a resident without a smartphone', () => {
  const NICK_MAX = ProxyCreateResidentInput.shape.nickname.maxLength!;
  const grid = () => account({ roles: [{ role: 'grid', regionId: 'cm-beiyuan', regionName: '北苑社区' }] });

  it("counts her name and the paper form's number as they are typed, and keeps an over-long name whole", async () => {
    mockActions({ 'account.me': () => grid() });
    renderPage(<ProxyCreatePage />);
    const long = '刘'.repeat(NICK_MAX + 2);
    await typeInto('[data-field="nickname"]', long);
    const field = await findElement('[data-field="nickname"]');
    expect(within(field).getByText(`${NICK_MAX + 2}/${NICK_MAX}`)).toBeTruthy();
    expect(field.querySelector('input')?.value).toBe(long);
    expect(field.querySelector('.linli-field__error')?.textContent).toBe(`最多 ${NICK_MAX} 个字，现在 ${NICK_MAX + 2} 个，请删减`);
    await typeInto('[data-field="witness"]', 'BY-2026-001');
    expect(within(await findElement('[data-field="witness"]')).getByText('11/60')).toBeTruthy();
  });

  it('shows a skeleton until the registrar’s grants are known, not an empty form', async () => {
    const me = held<AccountMeOutput>();
    mockActions({ 'account.me': () => me.promise });
    renderPage(<ProxyCreatePage />);
    await findElement('.proxy-create .linli-state--loading');
    expect(document.querySelector('[data-field="nickname"]')).toBeNull();
    await act(async () => me.release(grid()));
    await findElement('[data-field="nickname"]');
  });
});

describe("the birth year asked when a proxy signs her up", () => {
  it('is a form like the others: the problem by its field and by the button, the field scrolled to, a refusal said there', async () => {
    mockActions({
      'account.updateProfile': () => {
        throw new ClientError('NOT_FOUND', '没有找到授权你代报名的居民');
      },
    });
    renderPage(<BirthYearPrompt forUserId='r-liu' name='刘奶奶' onSaved={() => undefined} />);
    const save = await findElement('.activity__birth-year-save');
    await act(async () => {
      fireEvent.click(save);
    });
    expect(document.querySelector('[data-field="birthYear"] .linli-field__error')?.textContent).toBe('请填写出生年份');
    expect(scrolledTo()[0]?.getAttribute('data-field')).toBe('birthYear');
    expect(document.querySelector('.activity__birth-year .linli-form-summary [data-summary-field="birthYear"]')).toBeTruthy();
    expect(calledWith('account.updateProfile')).toEqual([]);
    await typeInto('[data-field="birthYear"]', '1948');
    expect(document.querySelector('[data-field="birthYear"] .linli-field__error')).toBeNull();
    await act(async () => {
      fireEvent.click(save);
    });
    expect((await findElement('.activity__birth-year .linli-form-summary__general')).textContent).toBe('没有找到授权你代报名的居民');
  });
});

describe("a proxy's sign-up tap (issue 14 item 2)", () => {
  const activity = (seatsLeft: number) => ({ id: 'a-talk', seatsLeft, seatsOnOffer: 0, waitlistLength: 2 }) as unknown as ActivityDetail;

  it('asks for the freed-seat offer as well as the reminder when the activity is full', async () => {
    mockActions({
      'account.me': () => committee(),
      'proxies.list': () => ({ canActFor: [{ userId: 'r-liu', nickname: '刘奶奶', relation: 'grid_worker', since: '2026-11-01T00:00:00.000Z', hasOwnAccount: false }], actingForMe: [] }),
      'signups.create': () => never(),
    });
    const { sessionStore } = await import('../../src/stores/session');
    act(() => sessionStore.set({ status: 'ready', me: committee(), error: null }));
    renderPage(<ProxySignup activity={activity(0)} onSeats={() => undefined} />);
    tapInWeapp(await findElement('[data-user-id="r-liu"] .activity__proxy-signUp'));
    expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-reminder', 'tpl-offer'] });
  });

  it('and the reminder only while seats are left', async () => {
    mockActions({
      'proxies.list': () => ({ canActFor: [{ userId: 'r-liu', nickname: '刘奶奶', relation: 'grid_worker', since: '2026-11-01T00:00:00.000Z', hasOwnAccount: false }], actingForMe: [] }),
      'signups.create': () => never(),
    });
    const { sessionStore } = await import('../../src/stores/session');
    act(() => sessionStore.set({ status: 'ready', me: committee(), error: null }));
    renderPage(<ProxySignup activity={activity(3)} onSeats={() => undefined} />);
    tapInWeapp(await findElement('[data-user-id="r-liu"] .activity__proxy-signUp'));
    expect(prompt).toHaveBeenCalledWith({ tmplIds: ['tpl-reminder'] });
  });
});

/** The Chinese weekday of a day, as the date formatter writes it. */
function weekday(day: string): string {
  return ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][new Date(`${day}T12:00:00+08:00`).getUTCDay()]!;
}

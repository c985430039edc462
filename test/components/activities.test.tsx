import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ActivityCard } from '../../src/components/ActivityCard';
import Taro from '@tarojs/taro';
import ActivitiesPage from '../../src/pages/activities/index';
import { call, ClientError } from '../../src/services/cloud';
import { setElderly } from '../../src/stores/settings';
import { chinaDay } from '../../src/utils/chinaTime';
import { mockActions } from '../mocks/cloud';
import { triggerLifecycle } from '../mocks/taro';
import { activityCard, mySignup } from './support/eventFixtures';
import { account } from './support/fixtures';
import { renderPage } from './support/render';
import { typeInto } from './support/registryFixtures';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const DAY = 24 * 3600_000;
const hehu = activityCard();
const taiji = activityCard({
  id: 'a-taiji',
  title: '太极晨练公开课',
  category: 'sports',
  startAt: '2025-11-27T22:30:00.000Z',
  endAt: '2025-11-27T23:30:00.000Z',
  locationName: '北苑中心广场',
  seatsLeft: 0,
  waitlistLength: 3,
  volunteer: null,
  mySignup: mySignup({ status: 'waitlisted', waitlistPosition: 2 }),
});

const page = (items = [hehu, taiji], total = items.length, hasMore = false) => ({ items, total, hasMore });

function listCalls(): Array<Record<string, unknown>> {
  return jest
    .mocked(call)
    .mock.calls.filter(([action]) => action === 'activities.list')
    .map(([, input]) => input as Record<string, unknown>);
}

const base = { area: 'community', offset: 0, limit: 10, volunteerOnly: false };

/** Fakes the clock (Date) only: the tests still wait on real timers and promises. */
function setDate(iso: string): void {
  jest.useFakeTimers({
    now: Date.parse(iso),
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
}

beforeEach(() => {
  resetApp();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('activities tab', () => {
  it('lists activities with time, place, seats or waitlist, volunteer hours and my status', async () => {
    // The fixtures' dates are fixed (their texts are checked below); seats show only until an
    // activity ends, so the clock (Date only, no timers) is set to the day before.
    setDate('2025-11-25T00:00:00.000Z');
    mockActions({ 'account.me': () => account(), 'activities.list': () => page(), 'inbox.list': () => ({ items: [], total: 0, hasMore: false, unread: 0 }) });
    renderPage(<ActivitiesPage />);

    expect(await screen.findByText('周末护河行动')).toBeTruthy();
    const card = document.querySelector<HTMLElement>(`[data-activity-id="${hehu.id}"]`)!;
    expect(within(card).getByText('11月26日 周三 09:00–11:00')).toBeTruthy();
    expect(within(card).getByText('南湖公园东门 · 北苑社区')).toBeTruthy();
    expect(within(card).getByText('剩 4 个名额')).toBeTruthy();
    expect(within(card).getByText('志愿 2 小时 · 每小时 10 积分')).toBeTruthy();
    expect(within(card).getByText('北苑晨练太极队')).toBeTruthy();

    const full = document.querySelector<HTMLElement>('[data-activity-id="a-taiji"]')!;
    // 22:30 UTC is 06:30 the next morning in China.
    expect(within(full).getByText('11月28日 周五 06:30–07:30')).toBeTruthy();
    expect(within(full).getByText('已满 · 候补 3 人')).toBeTruthy();
    expect(within(full).getByText('候补第 2 位')).toBeTruthy();
    expect(screen.getByText('共 2 场活动')).toBeTruthy();
    expect(listCalls()).toEqual([base]);

    fireEvent.click(card);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/activity/index?id=${hehu.id}` });
  });

  it('has a day strip of today and the next 13 days (China time) plus all upcoming', async () => {
    mockActions({ 'account.me': () => account(), 'activities.list': () => page() });
    renderPage(<ActivitiesPage />);
    await screen.findByText('周末护河行动');

    const chips = Array.from(document.querySelectorAll<HTMLElement>('.linli-day-strip .linli-chips__chip'));
    expect(chips).toHaveLength(15);
    expect(chips[0]!.getAttribute('data-value')).toBe('all');
    expect(chips[0]!.getAttribute('aria-pressed')).toBe('true');
    const today = chinaDay();
    const tomorrow = chinaDay(Date.now() + DAY);
    expect(chips[1]!.getAttribute('data-value')).toBe(today);
    expect(within(chips[1]!).getByText('今天')).toBeTruthy();
    expect(within(chips[2]!).getByText('明天')).toBeTruthy();
    expect(chips[14]!.getAttribute('data-value')).toBe(chinaDay(Date.now() + 13 * DAY));

    fireEvent.click(chips[2]!);
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ ...base, day: tomorrow }));
    fireEvent.click(document.querySelector('.linli-day-strip [data-value="all"]')!);
    await waitFor(() => expect(listCalls().at(-1)).toEqual(base));
  });

  it('filters by category, volunteering, search and area', async () => {
    mockActions({ 'account.me': () => account(), 'activities.list': () => page() });
    renderPage(<ActivitiesPage />);
    await screen.findByText('周末护河行动');

    fireEvent.click(document.querySelector('.activities__categories [data-value="sports"]')!);
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ ...base, category: 'sports' }));

    fireEvent.click(screen.getByText('只看志愿服务'));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ ...base, category: 'sports', volunteerOnly: true }));

    await typeInto('.activities__search', '太极');
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ ...base, category: 'sports', volunteerOnly: true, q: '太极' }));

    fireEvent.click(screen.getByText('附近'));
    await waitFor(() => expect(listCalls().at(-1)).toEqual({ ...base, area: 'nearby', category: 'sports', volunteerOnly: true, q: '太极' }));
  });

  it('shows skeletons while loading, then an empty state that clears the filters', async () => {
    let answer: (value: ReturnType<typeof page>) => void = () => undefined;
    mockActions({
      'account.me': () => account(),
      'activities.list': (input) => (input.volunteerOnly ? new Promise((resolve) => (answer = resolve)) : page()),
    });
    renderPage(<ActivitiesPage />);
    await screen.findByText('周末护河行动');

    fireEvent.click(screen.getByText('只看志愿服务'));
    await waitFor(() => expect(document.querySelector('.linli-state--loading')).toBeTruthy());
    await act(async () => answer(page([])));
    expect(await screen.findByText('近期还没有活动')).toBeTruthy();
    expect(screen.getByText('换个日期、分类或搜索词试试。')).toBeTruthy();

    fireEvent.click(screen.getByText('清除筛选'));
    expect(await screen.findByText('周末护河行动')).toBeTruthy();
    expect(listCalls().at(-1)).toEqual(base);
  });

  it('offers nearby activities when my community has none', async () => {
    mockActions({ 'account.me': () => account(), 'activities.list': (input) => (input.area === 'nearby' ? page([taiji]) : page([])) });
    renderPage(<ActivitiesPage />);
    expect(await screen.findByText('近期还没有活动')).toBeTruthy();
    fireEvent.click(screen.getByText('看看附近'));
    expect(await screen.findByText('太极晨练公开课')).toBeTruthy();
  });

  it('shows an error with retry', async () => {
    let fail = true;
    mockActions({
      'account.me': () => account(),
      'activities.list': () => {
        if (fail) throw new ClientError('NETWORK', '网络不太顺畅，请检查网络后重试');
        return page();
      },
    });
    renderPage(<ActivitiesPage />);
    expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重新加载'));
    expect(await screen.findByText('周末护河行动')).toBeTruthy();
  });

  it('pages on reaching the bottom and refreshes on pull-down', async () => {
    const first = Array.from({ length: 10 }, (_, i) => activityCard({ id: `a-${i}`, title: `活动${i}` }));
    mockActions({
      'account.me': () => account(),
      'activities.list': (input) => (input.offset ? page([activityCard({ id: 'a-last', title: '最后一场活动' })], 11, false) : page(first, 11, true)),
    });
    renderPage(<ActivitiesPage />);
    await screen.findByText('活动9');

    act(() => {
      triggerLifecycle('reachBottom');
    });
    expect(await screen.findByText('最后一场活动')).toBeTruthy();
    expect(listCalls().at(-1)).toEqual({ ...base, offset: 10 });
    expect(screen.getByText('没有更多了')).toBeTruthy();

    act(() => {
      triggerLifecycle('pullDownRefresh');
    });
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(listCalls().at(-1)).toEqual(base);
  });

  it('shows the unread count as the 我的 tab badge (the custom tab bar draws it)', async () => {
    mockActions({ 'account.me': () => account(), 'activities.list': () => page(), 'inbox.list': () => ({ items: [], total: 3, hasMore: true, unread: 3 }) });
    renderPage(<ActivitiesPage />);
    await waitFor(() => expect(document.querySelector('.linli-tabbar__badge')?.textContent).toBe('3'));
  });

  it('keeps it simple in elderly mode: no category row, bigger cards', async () => {
    act(() => setElderly(true));
    mockActions({ 'account.me': () => account(), 'activities.list': () => page() });
    const { container } = renderPage(<ActivitiesPage />);
    await screen.findByText('周末护河行动');
    expect(container.querySelector('.linli-page--elderly')).toBeTruthy();
    expect(container.querySelector('.activities__categories')).toBeNull();
    expect(container.querySelector('.linli-activity-card--simple')).toBeTruthy();
    expect(container.querySelector('.linli-day-strip')).toBeTruthy();
  });
});

describe('activity card seats', () => {
  const at = (iso: string) => Date.parse(iso);
  const seats = (card: ReturnType<typeof activityCard>, now: number) => {
    const { container, unmount } = render(<ActivityCard activity={card} now={now} onOpen={() => undefined} />);
    const text = container.querySelector('.linli-activity-card__seats')!.textContent;
    unmount();
    return text;
  };

  it('shows seats held for the waitlist as held, and no seats once the activity has ended', () => {
    const before = at('2025-11-25T00:00:00.000Z');
    expect(seats(activityCard({ seatsLeft: 0, seatsOnOffer: 1, waitlistLength: 2 }), before)).toBe('1 个名额正在等待候补确认');
    expect(seats(activityCard({ seatsLeft: 2, seatsOnOffer: 1 }), before)).toBe('剩 2 个名额');
    expect(seats(activityCard({ seatsLeft: 0, seatsOnOffer: 0, waitlistLength: 2 }), before)).toBe('已满 · 候补 2 人');
    expect(seats(activityCard({ seatsLeft: 4 }), at('2025-11-26T03:00:01.000Z'))).toBe('活动已结束');
  });
});

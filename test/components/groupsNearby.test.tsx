/**
 * "离我最近 / Nearest" on the home tab's group list: the sort asks for a place once a session
 * (shared with the 活动 tab), lists nearest first with "约 350 米" on each card, passes the
 * `located` hint with the next page, and says so when no position can be had.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import HomePage from '../../src/pages/home/index';
import { GroupCard, groupDistanceText } from '../../src/components/GroupCard';
import { call } from '../../src/services/cloud';
import { nearPlaceStore } from '../../src/stores/nearPlace';
import { setElderly, setLocale } from '../../src/stores/settings';
import { wgs84ToGcj02 } from '../../src/utils/nearPlace';
import { translate } from '../../src/locales';
import { mockActions } from '../mocks/cloud';
import { account, groupCard } from './support/fixtures';
import { renderPage } from './support/render';
import { resetApp } from './support/reset';

jest.mock('../../src/services/cloud', () => require('../mocks/cloud'));

const FIX = { latitude: 30.25, longitude: 120.15 };
const PAGE_SIZE = 10;

/** A street of 12 groups: 3 with a place (nearest first), then 9 without. */
const nearest = [
  groupCard({ id: 'g-1', name: '楼下太极队', distanceMeters: 348 }),
  groupCard({ id: 'g-2', name: '河边健走队', distanceMeters: 1234 }),
  groupCard({ id: 'g-3', name: '镇上书法社', distanceMeters: 12_600 }),
  ...Array.from({ length: 9 }, (_, i) => groupCard({ id: `g-u${i}`, name: `无地点小组${i}`, distanceMeters: null })),
];
const byMembers = [groupCard({ id: 'g-1', name: '楼下太极队' }), groupCard({ id: 'g-2', name: '河边健走队' })];

function listInputs(): Array<Record<string, unknown>> {
  return jest
    .mocked(call)
    .mock.calls.filter(([action]) => action === 'groups.list')
    .map(([, input]) => input as Record<string, unknown>);
}

function mockServer(): void {
  mockActions({
    'account.me': () => account(),
    'groups.list': (input) => {
      const { near, offset = 0 } = input as { near?: unknown; offset?: number };
      if (!near) return { items: byMembers, total: byMembers.length, hasMore: false };
      const items = nearest.slice(offset, offset + PAGE_SIZE);
      return { items, total: nearest.length, hasMore: offset + items.length < nearest.length, located: 3 };
    },
  });
}

function mockGeolocation(answer: 'fix' | 'denied') {
  const getCurrentPosition = jest.fn((ok: PositionCallback, fail?: PositionErrorCallback | null) => {
    if (answer === 'fix') ok({ coords: { ...FIX, accuracy: 30 }, timestamp: 0 } as unknown as GeolocationPosition);
    else fail?.({ code: 1, message: 'denied' } as GeolocationPositionError);
  });
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
  return getCurrentPosition;
}

const radio = (name: string) => screen.getByRole('radio', { name });
const card = (id: string) => document.querySelector<HTMLElement>(`[data-group-id="${id}"]`)!;

beforeEach(() => {
  resetApp();
  act(() => nearPlaceStore.set(null));
});

afterEach(() => {
  act(() => {
    setLocale('zh-CN');
    setElderly(false);
  });
});

describe('groups nearest first', () => {
  it('asks for a position, lists nearest first with 约 distances, pages with the located hint, and goes back', async () => {
    mockServer();
    const locate = mockGeolocation('fix');
    renderPage(<HomePage />);
    expect(await screen.findByText('楼下太极队')).toBeTruthy();
    expect(radio('人数最多').getAttribute('aria-checked')).toBe('true');
    expect(document.querySelector('.linli-group-card__distance')).toBeNull();

    fireEvent.click(radio('离我最近'));
    expect(await screen.findByText('约 350 米')).toBeTruthy();
    expect(locate).toHaveBeenCalledTimes(1);
    expect(listInputs().at(-1)).toMatchObject({ offset: 0, near: wgs84ToGcj02(FIX.latitude, FIX.longitude) });
    expect(listInputs().at(-1)!.located).toBeUndefined();
    expect(within(card('g-2')).getByText('约 1.2 公里')).toBeTruthy();
    expect(within(card('g-3')).getByText('约 13 公里')).toBeTruthy();
    expect(within(card('g-u0')).getByText('未标注地点')).toBeTruthy();
    expect(screen.getByText('距离按：我的位置')).toBeTruthy();
    expect(screen.getByText('没有标注活动地点的组织排在最后')).toBeTruthy();

    // The next page passes back how many have a place.
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('无地点小组8')).toBeTruthy();
    expect(listInputs().at(-1)).toMatchObject({ offset: PAGE_SIZE, located: 3 });

    fireEvent.click(radio('人数最多'));
    await waitFor(() => expect(listInputs().at(-1)!.near).toBeUndefined());
    await waitFor(() => expect(document.querySelector('.linli-group-card__distance')).toBeNull());
    expect(listInputs().at(-1)!.located).toBeUndefined();
  });

  it('uses the place chosen on the 活动 tab this session without asking again', async () => {
    mockServer();
    const locate = mockGeolocation('fix');
    act(() => nearPlaceStore.set({ latitude: 30.2, longitude: 120.1, name: '北苑中心广场' }));
    renderPage(<HomePage />);
    await screen.findByText('楼下太极队');
    fireEvent.click(radio('离我最近'));
    expect(await screen.findByText('约 350 米')).toBeTruthy();
    expect(locate).not.toHaveBeenCalled();
    expect(listInputs().at(-1)).toMatchObject({ near: { latitude: 30.2, longitude: 120.1 } });
    expect(screen.getByText('距离按：北苑中心广场')).toBeTruthy();
  });

  it('says why when the browser gives no position, and keeps the members order', async () => {
    mockServer();
    mockGeolocation('denied');
    renderPage(<HomePage />);
    await screen.findByText('楼下太极队');
    fireEvent.click(radio('离我最近'));
    expect((await screen.findByRole('alert')).textContent).toBe('无法获取你的位置。请在浏览器中允许定位，或在微信小程序中选择地点。');
    expect(radio('人数最多').getAttribute('aria-checked')).toBe('true');
    expect(listInputs().every((input) => input.near === undefined)).toBe(true);
  });

  it('keeps the sort in elderly mode, in English', async () => {
    act(() => {
      setElderly(true);
      setLocale('en');
    });
    mockServer();
    mockGeolocation('fix');
    renderPage(<HomePage />);
    await screen.findByText('楼下太极队');
    fireEvent.click(radio('Nearest'));
    expect(await screen.findByText('about 350 m')).toBeTruthy();
    expect(screen.getByText('about 1.2 km')).toBeTruthy();
    expect(screen.getAllByText('No place given').length).toBeGreaterThan(0);
  });
});

describe('distance on a group card', () => {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', key, params);

  it('says 约 with the rounding of activity cards', () => {
    expect([3, 348, 994, 996, 1234, 12_600].map((m) => groupDistanceText(t, m))).toEqual(['约 10 米', '约 350 米', '约 990 米', '约 1.0 公里', '约 1.2 公里', '约 13 公里']);
  });

  it('shows nothing about distance on a list not sorted by it', () => {
    render(<GroupCard group={groupCard()} onOpen={() => undefined} />);
    expect(document.querySelector('.linli-group-card__distance')).toBeNull();
  });
});
